import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import type { ViewModel } from '../../src/model/schema.js';
import { checkParity, type ParityFile } from '../../src/parity/check-parity.js';
import { compareSchemas } from '../../src/parity/compare.js';
import { selectShape } from '../../src/sql/sql-ast.js';

const FIXTURES = path.resolve('fixtures/parity');

function filesOf(folder: string): ParityFile[] {
  const root = path.join(FIXTURES, folder);
  return readdirSync(root)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({
      filePath: path.join(root, name),
      dialect: name.endsWith('.sqlite.sql') ? 'sqlite' : 'tsql',
      text: readFileSync(path.join(root, name), 'utf8'),
    }));
}

/** `file:line:column rule message`, sorted. */
function run(folder: string, files = filesOf(folder), parityAllow: string[] = []): string[] {
  const baseDir = path.join(FIXTURES, folder);
  const lines: string[] = [];
  for (const [filePath, diagnostics] of checkParity(files, { config: { parityAllow }, baseDir })) {
    for (const d of diagnostics) lines.push(`${path.relative(baseDir, filePath)}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
  }
  return lines.sort();
}

describe('parity/view', () => {
  it("reports nothing for views written in each dialect's idiom (TOP vs LIMIT, GETDATE() vs datetime('now'), brackets vs quotes, a column list)", () => {
    expect(run('views-idiomatic')).toEqual([]);
  });

  it('reads every view of the idiomatic pair, so its silence is agreement rather than a parse failure', () => {
    for (const file of filesOf('views-idiomatic')) {
      const model = file.dialect === 'tsql' ? buildTsqlModel(file.text, file.filePath) : buildSqliteModel(file.text, file.filePath);
      const views = model.objects.filter((object): object is ViewModel => object.kind === 'view');
      expect(views).toHaveLength(3);
      for (const view of views) {
        const shape = selectShape(view.query, file.dialect);
        expect(shape?.tables, `${file.dialect} ${view.name.name}`).toBeDefined();
        expect(view.columns ?? shape?.columns, `${file.dialect} ${view.name.name}`).toBeDefined();
      }
    }
  });

  it('reports a view that reads other tables or returns other columns, on both files, naming the other file and line', () => {
    expect(run('views-drift')).toEqual([
      'schema.sql:12:1 parity/view view refunded_orders returns columns id, customer_id in schema.sqlite.sql:10 but id, total here.',
      'schema.sql:8:1 parity/view view order_summary reads tables orders, refunds in schema.sqlite.sql:6 but orders, customers here.',
      'schema.sqlite.sql:10:1 parity/view view refunded_orders returns columns id, total in schema.sql:12 but id, customer_id here.',
      'schema.sqlite.sql:6:1 parity/view view order_summary reads tables orders, customers in schema.sql:8 but orders, refunds here.',
    ]);
  });

  it('compares an explicit column list, not the names the SELECT gives', () => {
    const files: ParityFile[] = [
      { filePath: path.resolve('v/schema.sql'), dialect: 'tsql', text: 'CREATE TABLE t (a INT, b INT)\nGO\nCREATE VIEW v (x, y) AS SELECT a, b FROM t\nGO\n' },
      { filePath: path.resolve('v/schema.sqlite.sql'), dialect: 'sqlite', text: 'CREATE TABLE t (a INTEGER, b INTEGER);\nCREATE VIEW v (x, z) AS SELECT a, b FROM t;\n' },
    ];
    const baseDir = path.resolve('v');
    const messages = [...checkParity(files, { config: {}, baseDir }).values()].flat().map((d) => d.message).sort();
    expect(messages).toEqual([
      'view v returns columns x, y in schema.sql:3 but x, z here.',
      'view v returns columns x, z in schema.sqlite.sql:2 but x, y here.',
    ]);
  });

  it("does not compare the tables of a view over each engine's catalog (sys.tables vs sqlite_master)", () => {
    const files: ParityFile[] = [
      { filePath: path.resolve('c/schema.sql'), dialect: 'tsql', text: "CREATE VIEW table_names AS SELECT name FROM sys.tables WHERE type = 'U'\nGO\n" },
      { filePath: path.resolve('c/schema.sqlite.sql'), dialect: 'sqlite', text: "CREATE VIEW table_names AS SELECT name FROM sqlite_master WHERE type = 'table';\n" },
    ];
    expect([...checkParity(files, { config: {}, baseDir: path.resolve('c') }).values()].flat()).toEqual([]);
    files[1].text = "CREATE VIEW table_names AS SELECT tbl_name FROM sqlite_master WHERE type = 'table';\n";
    expect([...checkParity(files, { config: {}, baseDir: path.resolve('c') }).values()].flat().map((d) => d.message).sort()).toEqual([
      'view table_names returns columns name in schema.sql:1 but tbl_name here.',
      'view table_names returns columns tbl_name in schema.sqlite.sql:1 but name here.',
    ]);
  });

  it('is silenced by parityAllow naming the view', () => {
    expect(run('views-drift', undefined, ['order_summary', 'refunded_orders'])).toEqual([]);
  });

  it('still reports a view present on one side only as parity/missing-view, and does not compare it', () => {
    const files = filesOf('views-drift').map((file) =>
      file.dialect === 'sqlite' ? { ...file, text: file.text.replace(/CREATE VIEW order_summary[^;]*;/, '') } : file,
    );
    expect(run('views-drift', files).filter((line) => line.includes('order_summary'))).toEqual([
      'schema.sqlite.sql:4:1 parity/missing-view view order_summary is defined in schema.sql:8 but not here.',
    ]);
  });
});

describe('parity/view switched off', () => {
  it('does not read view bodies at all', () => {
    const baseDir = path.join(FIXTURES, 'views-drift');
    const found = checkParity(filesOf('views-drift'), { config: { rules: { 'parity/view': 'off' } }, baseDir });
    expect([...found.values()].flat().filter((d) => d.ruleId === 'parity/view')).toEqual([]);
    const tsql = { dialect: 'tsql' as const, model: buildTsqlModel('CREATE VIEW v AS SELECT a FROM t', 't.sql'), baseFile: 't.sql' };
    const sqlite = { dialect: 'sqlite' as const, model: buildSqliteModel('CREATE VIEW v AS SELECT b FROM u;', 't.sqlite.sql'), baseFile: 't.sqlite.sql' };
    expect(compareSchemas(tsql, sqlite, { viewBodies: false })).toEqual([]);
    expect(compareSchemas(tsql, sqlite).map((finding) => finding.ruleId)).toEqual(['parity/view', 'parity/view', 'parity/view', 'parity/view']);
  });
});
