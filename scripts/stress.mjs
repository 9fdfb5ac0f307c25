// Stress run (not part of `npm test`): lints a generated 100 MB schema file in each dialect
// through the real CLI and prints wall time and peak memory (max RSS) of the process.
// Usage: npm run stress [-- <megabytes>]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const megabytes = Number(process.argv[2] ?? 100);
const dir = mkdtempSync(path.join(tmpdir(), 'schema-lint-stress-'));

function table(dialect, i) {
  if (dialect === 'tsql') {
    return `CREATE TABLE dbo.t${i} (\n    id INT IDENTITY(1,1) NOT NULL PRIMARY KEY,\n    name NVARCHAR(100) NOT NULL,\n    amount DECIMAL(18, 2) NULL,\n    created_at DATETIME2 NOT NULL DEFAULT (SYSUTCDATETIME())\n)\nGO\nINSERT INTO dbo.t${i} (name, amount) VALUES (N'row ${i}', ${i}.5)\nGO\n`;
  }
  return `CREATE TABLE t${i} (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n    name TEXT NOT NULL,\n    amount NUMERIC,\n    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP\n);\nINSERT INTO t${i} (name, amount) VALUES ('row ${i}', ${i}.5);\n`;
}

function generate(dialect, file) {
  const target = megabytes * 1024 * 1024;
  const parts = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const piece = table(dialect, i);
    parts.push(piece);
    size += piece.length;
  }
  writeFileSync(file, parts.join(''));
}

console.log(`schema-lint stress: ${megabytes} MB per file, Node ${process.version}`);
for (const [dialect, name] of [['tsql', 'big.sql'], ['sqlite', 'big.sqlite.sql']]) {
  // Each alone in its folder: side by side, big.sqlite.sql would be the partner of big.sql.
  const file = path.join(dir, dialect, name);
  mkdirSync(path.dirname(file));
  generate(dialect, file);
  const bytes = statSync(file).size;
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, path.join(root, 'bin/schema-lint.js'), '--format', 'compact', file], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const maxRssKb = Number(run.stderr.trim().split('\n').pop());
  const lines = run.stdout.split('\n').filter(Boolean);
  const problems = lines.length;
  console.log(
    `${dialect.padEnd(6)} ${(bytes / 1048576).toFixed(1)} MB  exit ${run.status}  ${seconds.toFixed(1)} s  ` +
      `${(bytes / 1048576 / seconds).toFixed(1)} MB/s  peak RSS ${(maxRssKb / 1024).toFixed(0)} MB ` +
      `(${(maxRssKb * 1024 / bytes).toFixed(1)}× the file)  ${problems} problems`,
  );
  // The generated DDL is clean: show what was reported, if anything, and what ended a failed run.
  for (const line of lines.slice(0, 3)) console.log(`    ${line}`);
  if (run.status !== 0 && run.status !== 1) console.log(`    ${run.stderr.trim().split('\n').slice(-3).join('\n    ')}`);
  rmSync(file);
}
rmSync(dir, { recursive: true, force: true });
