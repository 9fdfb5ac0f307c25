// `npm run build && node bench/sql-ast.mjs`: what node-sql-parser costs where schema-lint uses it
// (parity/view reads both versions of each view with it). Prints:
//  1. in process: loading each dialect's parser, the first parse, and the median parse of a
//     view body and of a DEFAULT/CHECK-sized expression;
//  2. end to end (the built binary, process start included, median of BENCH_RUNS runs): --version,
//     the example tree, and a generated ~1 MB T-SQL schema paired with its converted SQLite
//     version (views on both sides), each with parity/view on and off, and whether the
//     process loaded node-sql-parser at all.
// Inputs go to a temporary folder that is removed afterwards.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSchemaFile } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const binary = path.join(root, 'bin', 'schema-lint.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(2)} ms`;

const work = mkdtempSync(path.join(os.tmpdir(), 'schema-lint-sql-ast-'));
try {
  const pair = path.join(work, 'pair');
  const tsqlFile = path.join(pair, 'schema.sql');
  const bytes = writeSchemaFile(tsqlFile, 'tsql', 1024 * 1024, 5);
  const sqliteFile = path.join(pair, 'schema.sqlite.sql');
  spawnSync(process.execPath, [binary, 'convert', tsqlFile, '--to', 'sqlite', '-o', sqliteFile], { encoding: 'utf8' });
  await inProcess(tsqlFile, sqliteFile);
  endToEnd(pair, bytes);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function inProcess(tsqlFile, sqliteFile) {
  const load = (relative) => import(pathToFileURL(path.join(root, 'dist', relative)).href);
  const modules = ['src/sql/sql-ast.js', 'src/model/build-tsql.js', 'src/model/build-sqlite.js', 'src/parity/compare.js'].map(load);
  return Promise.all(modules).then(
    ([ast, { buildTsqlModel }, { buildSqliteModel }, { compareSchemas }]) => {
      const models = {
        tsql: buildTsqlModel(readFileSync(tsqlFile, 'utf8'), tsqlFile),
        sqlite: buildSqliteModel(readFileSync(sqliteFile, 'utf8'), sqliteFile),
      };
      const sides = ['tsql', 'sqlite'].map((dialect) => ({ dialect, model: models[dialect], baseFile: dialect === 'tsql' ? tsqlFile : sqliteFile }));
      const require = createRequire(path.join(root, 'package.json'));
      const loadTimes = {};
      for (const [dialect, build] of [['tsql', 'node-sql-parser/build/transactsql'], ['sqlite', 'node-sql-parser/build/sqlite']]) {
        const t = performance.now();
        require(build); // the module cache then makes the wrapper's own load free
        loadTimes[dialect] = performance.now() - t;
      }
      // The whole pair compared without and then with view bodies (parsers loaded, nothing parsed yet).
      let start = performance.now();
      compareSchemas(sides[0], sides[1], { viewBodies: false });
      const without = performance.now() - start;
      start = performance.now();
      const findings = compareSchemas(sides[0], sides[1], { viewBodies: true }).filter((finding) => finding.ruleId === 'parity/view');
      const withViews = performance.now() - start;
      const views = (model) => model.objects.filter((object) => object.kind === 'view').map((view) => view.query);
      const bodies = { tsql: views(models.tsql), sqlite: views(models.sqlite) };
      console.log(
        `compareSchemas on the 1 MB pair (${bodies.tsql.length} views a side): ${ms(without)} without view bodies, ` +
          `${ms(withViews)} with them (parsers loaded, first parses included), ${findings.length} parity/view findings\n`,
      );
      const expressions = [
        'GETDATE()',
        "DATEADD(day, 30, GETDATE())",
        "LEN(name) > 0 AND name = UPPER(name)",
        "(CASE WHEN status IN ('open', 'closed') THEN 1 ELSE 0 END)",
        "ISNULL(amount, 0) * 1.2 + COALESCE(fee, 0)",
      ];
      console.log('node-sql-parser, in process');
      for (const dialect of ['tsql', 'sqlite']) {
        const times = bodies[dialect].map((body) => {
          const t = performance.now();
          ast.selectShape(body, dialect);
          return performance.now() - t;
        });
        const readable = bodies[dialect].filter((body) => ast.selectShape(body, dialect)).length;
        const exprTimes = [];
        for (let round = 0; round < 20; round++) {
          for (const expression of expressions) {
            const t = performance.now();
            ast.parseSelect(`SELECT ${expression}`, dialect);
            exprTimes.push(performance.now() - t);
          }
        }
        console.log(
          `  ${dialect.padEnd(6)} load ${ms(loadTimes[dialect])}; again after the comparison: view body median ${ms(median(times))}, ` +
            `total ${ms(times.reduce((a, b) => a + b, 0))} (max ${ms(Math.max(...times))}, ${readable}/${bodies[dialect].length} read); ` +
            `expression (SELECT <expr>) median ${ms(median(exprTimes))}`,
        );
      }
    },
  );
}

function timed(args) {
  const probe = path.join(os.tmpdir(), `schema-lint-probe-${process.pid}.cjs`);
  writeFileSync(
    probe,
    "const M = require('node:module'); const load = M._load; let seen = false;\n" +
      "M._load = function (request, ...rest) { if (String(request).startsWith('node-sql-parser')) seen = true; return load.call(this, request, ...rest); };\n" +
      "process.on('exit', () => process.stderr.write(`\\nSQL_AST_LOADED=${seen}\\n`));\n",
  );
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--require', probe, binary, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const time = performance.now() - start;
  rmSync(probe, { force: true });
  return { time, loaded: /SQL_AST_LOADED=true/.test(result.stderr) };
}

function endToEnd(pair, bytes) {
  console.log(`\nend to end, median of ${runs} runs (process start included)`);
  const rows = [
    ['--version', ['--version']],
    ['example tree', ['-f', 'json', path.join(root, 'fixtures', 'example')]],
    [`1 MB pair (${(bytes / 1024).toFixed(0)} KB T-SQL + SQLite), parity/view on`, ['-f', 'json', pair]],
    ['1 MB pair, parity/view off', ['-f', 'json', '--rule', 'parity/view:off', pair]],
  ];
  // Interleaved, one run of each row per round, so a machine that gets busier slows every row alike.
  const results = rows.map(() => ({ times: [], loaded: false }));
  for (let round = 0; round < runs; round++) {
    rows.forEach(([, args], i) => {
      const { time, loaded } = timed(args);
      results[i].times.push(time);
      results[i].loaded = loaded;
    });
  }
  rows.forEach(([label], i) => {
    const { times, loaded } = results[i];
    console.log(`  ${label.padEnd(58)} ${ms(median(times)).padStart(11)}   node-sql-parser loaded: ${loaded ? 'yes' : 'no'}`);
  });
}
