// `npm run bench`: measures the built binary end to end (process start included) on generated
// inputs and prints one table. Every figure is a median of several runs of a real child process,
// measured in the same run as its baseline (`node -e 0`, or the read-and-split floor), so a busy
// machine slows both sides alike. Inputs go to a temporary folder that is removed afterwards.
//
// Environment: BENCH_RUNS (runs per timed figure, default 5), BENCH_STARTUP_RUNS (default 21),
// BENCH_KEEP=1 keeps the temporary folder and prints where it is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeChurnFile, writeSchemaFile, writeTree } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const binary = path.join(root, 'bin', 'schema-lint.js');
const floorScript = path.join(here, 'floor.mjs');
const rssHook = path.join(here, 'max-rss.mjs');
const engineHook = path.join(here, 'engine-time.mjs');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const startupRuns = Number(process.env.BENCH_STARTUP_RUNS ?? 21);
const MB = 1024 * 1024;

const work = mkdtempSync(path.join(os.tmpdir(), 'schema-lint-bench-'));
try {
  main();
} finally {
  if (process.env.BENCH_KEEP) console.log(`\n(inputs kept in ${work})`);
  else rmSync(work, { recursive: true, force: true });
}

function main() {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  progress(`generating inputs in ${work}`);
  const small = path.join(work, 'small', 'schema.sql');
  const smallBytes = writeSchemaFile(small, 'tsql', 2 * 1024, 11);
  const smallSqlite = path.join(work, 'small-sqlite', 'schema.sqlite.sql');
  const smallSqliteBytes = writeSchemaFile(smallSqlite, 'sqlite', 2 * 1024, 11);
  const scaled = [1, 2, 4, 8].map((factor) => {
    const file = path.join(work, `scale-${factor}`, `big_${factor}_mssql.sql`);
    // The same seed for every size: the 1x file is the start of the 8x one, so sizes differ, content does not.
    return { factor, file, bytes: writeSchemaFile(file, 'tsql', factor * MB, 5) };
  });
  const bigSqlite = path.join(work, 'sqlite-8', 'big.sqlite.sql');
  const bigSqliteBytes = writeSchemaFile(bigSqlite, 'sqlite', 8 * MB, 6);
  const tree = path.join(work, 'tree');
  const treeBytes = writeTree(tree, 2000, 1);
  // 1,000 and 8,000 tables, each created, altered and dropped: the model builders' lookups must not grow with the square,
  // for names in plain ASCII (keyed) and names beyond it (kept in the collator's order), in T-SQL.
  const churnScripts = [
    { label: 'T-SQL', dialect: 'tsql', stem: 'churn' },
    { label: 'SQLite', dialect: 'sqlite', stem: 'churn' },
    { label: 'T-SQL, Cyrillic names', dialect: 'tsql', stem: 'таблица' },
  ];
  const churn = churnScripts.map((script, n) => ({
    ...script,
    sizes: [1, 8].map((factor) => {
      const file = path.join(work, `churn-${n}-${factor}`, script.dialect === 'tsql' ? 'churn.sql' : 'churn.sqlite.sql');
      return { file, bytes: writeChurnFile(file, script.dialect, factor * 1000, script.stem) };
    }),
  }));

  const rows = [];
  const add = (measure, value, target = '', ok) => rows.push({ measure, value, target, ok: ok === undefined ? '' : ok ? 'yes' : 'NO' });

  // 1. Startup: one small file, end to end, next to a bare node -e 0 in the same run.
  progress(`startup: ${startupRuns} runs each`);
  const bare = [];
  const one = [];
  const oneSqlite = [];
  for (let i = 0; i < startupRuns; i++) {
    bare.push(time(process.execPath, ['-e', '0']).ms);
    one.push(time(process.execPath, [binary, small], { cwd: path.dirname(small) }).ms);
    oneSqlite.push(time(process.execPath, [binary, smallSqlite], { cwd: path.dirname(smallSqlite) }).ms);
  }
  const bareMs = median(bare);
  const oneMs = median(one);
  const oneSqliteMs = median(oneSqlite);
  add('node -e 0 (median)', ms(bareMs));
  add(`one small file, ${kb(smallBytes)} (median)`, `${ms(oneMs)} = ${(oneMs / bareMs).toFixed(2)}× node -e 0`, '≤ 2× node -e 0', oneMs <= 2 * bareMs);
  // A SQLite file also loads the SQLite engine (WebAssembly): a pre-commit hook pays that too.
  add(
    `one small SQLite file, ${kb(smallSqliteBytes)} (median)`,
    `${ms(oneSqliteMs)} = ${(oneSqliteMs / bareMs).toFixed(2)}× node -e 0`,
    '≤ 2× node -e 0',
    oneSqliteMs <= 2 * bareMs,
  );

  // 2. Throughput on one 8 MB file per dialect, single-threaded by nature (one file).
  progress('throughput: 8 MB files');
  const eight = scaled.at(-1);
  const tsqlMs = medianTime(process.execPath, [binary, eight.file], path.dirname(eight.file));
  const tsqlFloorMs = medianTime(process.execPath, [floorScript, eight.file], path.dirname(eight.file));
  add(`one T-SQL file, ${mb(eight.bytes)}`, `${ms(tsqlMs)}, ${rate(eight.bytes, tsqlMs)}`, '≥ 10 MB/s per core', eight.bytes / MB / (tsqlMs / 1000) >= 10);
  add('  floor: read + split lines, same file', `${ms(tsqlFloorMs)} → schema-lint is ${(tsqlMs / tsqlFloorMs).toFixed(1)}× the floor`);
  const sqliteMs = medianTime(process.execPath, [binary, bigSqlite], path.dirname(bigSqlite));
  const sqliteFloorMs = medianTime(process.execPath, [floorScript, bigSqlite], path.dirname(bigSqlite));
  add(`one SQLite file, ${mb(bigSqliteBytes)}`, `${ms(sqliteMs)}, ${rate(bigSqliteBytes, sqliteMs)}`, '≥ 10 MB/s per core', bigSqliteBytes / MB / (sqliteMs / 1000) >= 10);
  add('  floor: read + split lines, same file', `${ms(sqliteFloorMs)} → schema-lint is ${(sqliteMs / sqliteFloorMs).toFixed(1)}× the floor`);
  const sqliteEngine = engineCost([binary, bigSqlite], path.dirname(bigSqlite));
  add(
    '  floor: inside the SQLite engine, timed per call',
    `${ms(sqliteEngine.engineMs)} of ${ms(sqliteEngine.runMs)} (${percent(sqliteEngine.engineMs, sqliteEngine.runMs)}) → alone ${rate(bigSqliteBytes, sqliteEngine.engineMs)}`,
  );

  // 3. Many small files: one core, then all cores, then the cache.
  progress('throughput: 2,000 files');
  const treeSerialMs = medianTime(process.execPath, [binary, '--concurrency', 'off', '.'], tree);
  const treeMs = medianTime(process.execPath, [binary, '.'], tree);
  const treeWorkersMs = medianTime(process.execPath, [binary, '--concurrency', String(cores), '.'], tree);
  const treeFloorMs = medianTime(process.execPath, [floorScript, '.'], tree);
  add(`2,000 files (${mb(treeBytes)}), one thread`, `${ms(treeSerialMs)}, ${rate(treeBytes, treeSerialMs)}`, '≥ 10 MB/s per core', treeBytes / MB / (treeSerialMs / 1000) >= 10);
  add(`2,000 files, default (--concurrency auto)`, `${ms(treeMs)}, ${rate(treeBytes, treeMs)}`);
  add(
    `2,000 files, --concurrency ${cores} (main + ${cores - 1} worker${cores > 2 ? 's' : ''})`,
    `${ms(treeWorkersMs)}, ${rate(treeBytes, treeWorkersMs)} = ${(treeSerialMs / treeWorkersMs).toFixed(2)}× one thread`,
  );
  add('  floor: find + read + split lines, same tree', `${ms(treeFloorMs)} → schema-lint is ${(treeMs / treeFloorMs).toFixed(1)}× the floor`);
  const treeEngine = engineCost([binary, '--concurrency', 'off', '.'], tree);
  add(
    '  floor: inside the SQLite engine, timed per call',
    `${ms(treeEngine.engineMs)} of ${ms(treeEngine.runMs)} (${percent(treeEngine.engineMs, treeEngine.runMs)}); ` +
      `with the floor above ${ms(treeEngine.engineMs + treeFloorMs)} → at most ${rate(treeBytes, treeEngine.engineMs + treeFloorMs)}`,
  );

  progress('cache: cold then warm runs');
  const cacheFile = path.join(work, 'cache', '.schemalintcache');
  const warm = [];
  let coldMs = 0;
  for (let i = 0; i < runs; i++) {
    rmSync(cacheFile, { force: true });
    coldMs = time(process.execPath, [binary, '--cache', '--cache-location', cacheFile, '.'], { cwd: tree }).ms;
    warm.push(time(process.execPath, [binary, '--cache', '--cache-location', cacheFile, '.'], { cwd: tree }).ms);
  }
  const warmMs = median(warm);
  add('2,000 files, --cache, first run (writes the cache)', ms(coldMs));
  add('2,000 files, --cache, second run (unchanged)', `${ms(warmMs)} = ${(treeMs / warmMs).toFixed(1)}× faster than without cache`, '≥ 5× faster', treeMs / warmMs >= 5);

  // 4. Growth: 1x, 2x, 4x, 8x input.
  progress('growth: 1x to 8x');
  const scaledMs = scaled.map(({ file }) => medianTime(process.execPath, [binary, file], path.dirname(file)));
  for (let i = 0; i < scaled.length; i++) {
    const ratio = scaledMs[i] / scaledMs[0];
    const net = (scaledMs[i] - oneMs) / (scaledMs[0] - oneMs);
    const isLast = i === scaled.length - 1;
    add(
      `${scaled[i].factor}× input (${mb(scaled[i].bytes)})`,
      `${ms(scaledMs[i])} = ${ratio.toFixed(2)}× the 1× time (${net.toFixed(2)}× without startup)`,
      isLast ? '≤ 9×' : '',
      isLast ? ratio <= 9 && net <= 9 : undefined,
    );
  }

  for (const { label, sizes } of churn) {
    const [one, eightTimes] = sizes;
    const [oneChurnMs, eightChurnMs] = [one, eightTimes].map(({ file }) => medianTime(process.execPath, [binary, file], path.dirname(file)));
    const ratio = eightChurnMs / oneChurnMs;
    add(
      `create, alter, drop 1,000 → 8,000 tables: ${label} (${mb(one.bytes)} → ${mb(eightTimes.bytes)})`,
      `${ms(oneChurnMs)} → ${ms(eightChurnMs)} = ${ratio.toFixed(2)}×`,
      '≤ 9×',
      ratio <= 9,
    );
  }

  // 5. Peak memory of the whole process on the largest file.
  progress('peak memory');
  const rssKb = peakRssKb([binary, eight.file], path.dirname(eight.file));
  const largest = Math.max(eight.bytes, bigSqliteBytes);
  const rssSqliteKb = peakRssKb([binary, bigSqlite], path.dirname(bigSqlite));
  const bareRssKb = peakRssKb(['-e', '0'], work);
  // What the same process needs for a file of a few KB (code, rules, the SQLite engine): the
  // part of the peak that does not grow with the input.
  const smallRssKb = peakRssKb([binary, small], path.dirname(small));
  const smallSqliteRssKb = peakRssKb([binary, smallSqlite], path.dirname(smallSqlite));
  const aboveSmall = (peakKb, baseKb, bytes) => `${mb((peakKb - baseKb) * 1024)} above the small file = ${(((peakKb - baseKb) * 1024) / bytes).toFixed(1)}× the file`;
  add('peak RSS, node -e 0', mb(bareRssKb * 1024));
  add(`peak RSS, one small T-SQL file / SQLite file`, `${mb(smallRssKb * 1024)} / ${mb(smallSqliteRssKb * 1024)}`);
  add(`peak RSS, T-SQL ${mb(eight.bytes)} file`, `${mb(rssKb * 1024)} = ${((rssKb * 1024) / largest).toFixed(1)}× the largest file`, '≤ 10× the largest file', rssKb * 1024 <= 10 * largest);
  add('  of which grows with the file', aboveSmall(rssKb, smallRssKb, eight.bytes));
  add(`peak RSS, SQLite ${mb(bigSqliteBytes)} file`, `${mb(rssSqliteKb * 1024)} = ${((rssSqliteKb * 1024) / largest).toFixed(1)}× the largest file`, '≤ 10× the largest file', rssSqliteKb * 1024 <= 10 * largest);
  add('  of which grows with the file', aboveSmall(rssSqliteKb, smallSqliteRssKb, bigSqliteBytes));
  // What no lint of this file can do without: Node itself, the engine's memory at the end of the run, and the text.
  const fixedBytes = bareRssKb * 1024 + sqliteEngine.memoryBytes + bigSqliteBytes;
  add(
    '  floor: node -e 0 + the engine\'s memory + the text',
    `${mb(bareRssKb * 1024)} + ${mb(sqliteEngine.memoryBytes)} + ${mb(bigSqliteBytes)} = ${mb(fixedBytes)} = ${(fixedBytes / largest).toFixed(1)}× the largest file`,
  );

  printTable(rows, cores);
}

/** Runs a child to completion; its output is discarded, as a pre-commit hook's often is. */
function time(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const child = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', ...options });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  // Exit 1 means "lint errors found", which generated inputs are meant to have.
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')} failed (exit ${child.status}): ${child.stderr}`);
  }
  return { ms: elapsed };
}

function medianTime(command, args, cwd) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(time(command, args, { cwd }).ms);
  return median(samples);
}

function peakRssKb(args, cwd) {
  const file = path.join(work, 'rss.txt');
  const samples = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    time(process.execPath, ['--import', rssHook, ...args], { cwd, env: { ...process.env, BENCH_RSS_FILE: file } });
    samples.push(Number(readFileSync(file, 'utf8')));
  }
  return Math.max(...samples);
}

/**
 * What the SQLite engine costs a run, from runs of their own with bench/engine-time.mjs preloaded
 * (its timers would slow the timed runs): the medians of the time inside the engine and of the
 * whole run on the same clock, and the engine's memory at the end.
 */
function engineCost(args, cwd) {
  const file = path.join(work, 'engine.json');
  const reports = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    time(process.execPath, ['--import', engineHook, ...args], { cwd, env: { ...process.env, BENCH_ENGINE_FILE: file } });
    reports.push(JSON.parse(readFileSync(file, 'utf8')));
  }
  return {
    engineMs: median(reports.map((report) => report.engineMs)),
    runMs: median(reports.map((report) => report.runMs)),
    memoryBytes: Math.max(...reports.map((report) => report.memoryBytes)),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function printTable(rows, cores) {
  const header = { measure: 'measure', value: 'result', target: 'target', ok: 'met' };
  const all = [header, ...rows];
  const width = (key) => Math.max(...all.map((row) => [...row[key]].length));
  const widths = { measure: width('measure'), value: width('value'), target: width('target'), ok: width('ok') };
  const line = (row) => `| ${['measure', 'value', 'target', 'ok'].map((key) => pad(row[key], widths[key])).join(' | ')} |`;
  const rule = `|${['measure', 'value', 'target', 'ok'].map((key) => '-'.repeat(widths[key] + 2)).join('|')}|`;
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  console.log(`\nschema-lint ${packageVersion()} — Node ${process.version}, ${os.platform()} ${os.arch()}, ${cores} cores (${cpu}), ${runs} runs per figure (median)\n`);
  console.log(line(header));
  console.log(rule);
  for (const row of rows) console.log(line(row));
}

function pad(text, size) {
  return text + ' '.repeat(Math.max(0, size - [...text].length));
}

function packageVersion() {
  return JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
}

function progress(text) {
  process.stderr.write(`bench: ${text}\n`);
}

function ms(value) {
  return `${Math.round(value)} ms`;
}
function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
function mb(bytes) {
  return `${(bytes / MB).toFixed(1)} MB`;
}
function percent(part, whole) {
  return `${Math.round((100 * part) / whole)} %`;
}
function rate(bytes, millis) {
  return `${(bytes / MB / (millis / 1000)).toFixed(1)} MB/s`;
}
