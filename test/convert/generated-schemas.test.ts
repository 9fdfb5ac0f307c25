import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertSchema, prepareConvert } from '../../src/convert/convert.js';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { tablesOf } from '../../src/model/schema.js';
import { splitAll } from '../../src/sql/splitter.js';
import { expressionOptionsFor, parseSchemaStatement } from '../../src/tsql/parse-statement.js';

beforeAll(async () => {
  await prepareConvert();
});

/** Names people really use, reserved words and spaces included. */
const NAMES = ['id', 'name', 'order', 'key', 'user', 'group', 'value', 'text', 'date', 'Order Date', 'status', 'created_at', 'amount', 'from', 'index', 'x1'];

interface Column {
  tsql: string;
  sqlite: string;
  kind: 'int' | 'text' | 'real' | 'date' | 'blob';
  defaultKind: 'none' | 'literal' | 'now' | 'id';
}

const TYPES: Pick<Column, 'tsql' | 'sqlite' | 'kind'>[] = [
  { tsql: 'INT', sqlite: 'INTEGER', kind: 'int' },
  { tsql: 'BIGINT', sqlite: 'BIGINT', kind: 'int' },
  { tsql: 'BIT', sqlite: 'BOOLEAN', kind: 'int' },
  { tsql: 'DECIMAL(18,2)', sqlite: 'DECIMAL(18,2)', kind: 'real' },
  { tsql: 'FLOAT', sqlite: 'REAL', kind: 'real' },
  { tsql: 'NVARCHAR(100)', sqlite: 'VARCHAR(100)', kind: 'text' },
  { tsql: 'NVARCHAR(MAX)', sqlite: 'TEXT', kind: 'text' },
  { tsql: 'DATETIME2', sqlite: 'DATETIME', kind: 'date' },
  { tsql: 'VARBINARY(MAX)', sqlite: 'BLOB', kind: 'blob' },
  { tsql: 'UNIQUEIDENTIFIER', sqlite: 'TEXT', kind: 'text' },
];

const column = fc.record({
  name: fc.constantFrom(...NAMES),
  type: fc.constantFrom(...TYPES),
  notNull: fc.boolean(),
  defaultKind: fc.constantFrom('none', 'literal', 'now', 'id') as fc.Arbitrary<Column['defaultKind']>,
});

const table = fc.record({
  columns: fc.uniqueArray(column, { minLength: 1, maxLength: 7, selector: (c) => c.name.toLowerCase() }),
  identity: fc.boolean(),
  guarded: fc.boolean(),
  unique: fc.boolean(),
  check: fc.boolean(),
  index: fc.constantFrom('none', 'plain', 'filtered'),
});

const schema = fc.uniqueArray(fc.tuple(fc.constantFrom('accounts', 'orders', 'order items', 'user', 'logs'), table), {
  minLength: 1,
  maxLength: 4,
  selector: ([name]) => name,
});

function defaultFor(c: { type: (typeof TYPES)[number]; defaultKind: Column['defaultKind'] }, dialect: 'tsql' | 'sqlite'): string {
  const kind = c.type.kind;
  if (c.defaultKind === 'none' || kind === 'blob') return '';
  if (c.defaultKind === 'now' && kind === 'date') return dialect === 'tsql' ? ' DEFAULT (GETDATE())' : ' DEFAULT CURRENT_TIMESTAMP';
  if (c.defaultKind === 'id' && kind === 'text') return dialect === 'tsql' ? ' DEFAULT (NEWID())' : ' DEFAULT (lower(hex(randomblob(16))))';
  if (kind === 'text') return dialect === 'tsql' ? " DEFAULT (N'n/a')" : " DEFAULT 'n/a'";
  if (kind === 'date') return " DEFAULT '2020-01-01'";
  return ' DEFAULT ((0))'.replace('((0))', dialect === 'tsql' ? '((0))' : '0');
}

type GeneratedSchema = [string, { columns: { name: string; type: (typeof TYPES)[number]; notNull: boolean; defaultKind: Column['defaultKind'] }[]; identity: boolean; guarded: boolean; unique: boolean; check: boolean; index: string }][];

function tsqlScript(tables: GeneratedSchema): string {
  const out: string[] = [];
  for (const [name, t] of tables) {
    const cols = t.columns.map((c, i) => {
      const identity = i === 0 && t.identity && c.type.kind === 'int' && c.type.tsql !== 'BIT' ? ' IDENTITY(1,1)' : '';
      const nullability = i === 0 || c.notNull ? ' NOT NULL' : ' NULL';
      return `    [${c.name}] ${c.type.tsql}${identity}${nullability}${identity ? '' : defaultFor(c, 'tsql')}`;
    });
    const first = t.columns[0];
    const keyable = (c: (typeof t.columns)[number]) => !c.type.tsql.includes('MAX');
    if (keyable(first)) cols.push(`    PRIMARY KEY ([${first.name}])`);
    const second = t.columns[1];
    if (t.unique && second && keyable(second) && second.notNull) cols.push(`    UNIQUE ([${second.name}])`);
    const numeric = t.columns.find((c) => c.type.kind === 'int' || c.type.kind === 'real');
    if (t.check && numeric) cols.push(`    CHECK ([${numeric.name}] >= 0 OR [${numeric.name}] IS NULL)`);
    const guard = t.guarded ? `IF OBJECT_ID(N'${name}', N'U') IS NULL\n` : '';
    out.push(`${guard}CREATE TABLE [${name}] (\n${cols.join(',\n')}\n)\nGO`);
    const indexed = t.columns.find((c, i) => i > 0 && keyable(c));
    if (t.index !== 'none' && indexed) {
      const where = t.index === 'filtered' ? ` WHERE [${indexed.name}] IS NOT NULL` : '';
      out.push(`CREATE INDEX [ix_${name.replace(/ /g, '_')}] ON [${name}] ([${indexed.name}] DESC)${where}\nGO`);
    }
  }
  return out.join('\n');
}

function sqliteScript(tables: GeneratedSchema): string {
  const out: string[] = [];
  for (const [name, t] of tables) {
    const cols = t.columns.map((c, i) => {
      if (i === 0 && t.identity && c.type.kind === 'int') return `    "${c.name}" INTEGER PRIMARY KEY AUTOINCREMENT`;
      return `    "${c.name}" ${c.type.sqlite}${c.notNull || i === 0 ? ' NOT NULL' : ''}${defaultFor(c, 'sqlite')}`;
    });
    const first = t.columns[0];
    if (!(t.identity && first.type.kind === 'int')) cols.push(`    PRIMARY KEY ("${first.name}")`);
    const second = t.columns[1];
    if (t.unique && second && second.notNull) cols.push(`    UNIQUE ("${second.name}")`);
    const numeric = t.columns.find((c) => c.type.kind === 'int' || c.type.kind === 'real');
    if (t.check && numeric) cols.push(`    CHECK ("${numeric.name}" >= 0 OR "${numeric.name}" IS NULL)`);
    out.push(`CREATE TABLE ${t.guarded ? 'IF NOT EXISTS ' : ''}"${name}" (\n${cols.join(',\n')}\n);`);
    const indexed = t.columns[1];
    if (t.index !== 'none' && indexed) {
      const where = t.index === 'filtered' ? ` WHERE "${indexed.name}" IS NOT NULL` : '';
      out.push(`CREATE INDEX "ix_${name.replace(/ /g, '_')}" ON "${name}" ("${indexed.name}" DESC)${where};`);
    }
  }
  return out.join('\n');
}

describe('generated schemas convert without loss in both directions', () => {
  it('T-SQL → SQLite: nothing left out, the engine runs it, and every table and column arrives', () => {
    fc.assert(
      fc.property(schema, (tables) => {
        const text = tsqlScript(tables);
        const result = convertSchema(text, { from: 'tsql', to: 'sqlite', filePath: 'gen.sql' });
        expect(result.diagnostics.filter((d) => d.severity === 'error'), `${text}\n---\n${result.output}`).toEqual([]);
        const back = buildSqliteModel(result.output, 'gen.sqlite.sql');
        expect(tablesOf(back).map((t) => [t.name.name, t.columns.map((c) => c.name)])).toEqual(
          tables.map(([name, t]) => [name, t.columns.map((c) => c.name)]),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('SQLite → T-SQL: nothing left out, the T-SQL grammar accepts every statement, and it converts back', () => {
    fc.assert(
      fc.property(schema, (tables) => {
        const text = sqliteScript(tables);
        const result = convertSchema(text, { from: 'sqlite', to: 'tsql', filePath: 'gen.sqlite.sql' });
        expect(result.diagnostics.filter((d) => d.severity === 'error'), `${text}\n---\n${result.output}`).toEqual([]);
        for (const statement of splitAll(result.output, 'tsql')) {
          expect(parseSchemaStatement(statement, expressionOptionsFor('2016')).error?.message).toBeUndefined();
        }
        const back = convertSchema(result.output, { from: 'tsql', to: 'sqlite', filePath: 'gen.sql' });
        expect(back.diagnostics.filter((d) => d.severity === 'error'), result.output).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
