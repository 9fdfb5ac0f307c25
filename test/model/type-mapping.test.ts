import { describe, expect, it } from 'vitest';
import type { DataType } from '../../src/model/schema.js';
import { compatibleTypes, formatType, toSqliteType, toTsqlType, typeFamily } from '../../src/model/type-mapping.js';

const t = (name: string, ...args: string[]): DataType => ({ name, args });

describe('typeFamily', () => {
  it('reads TIMESTAMP as a row version in T-SQL and as a date in SQLite', () => {
    expect(typeFamily(t('TIMESTAMP'), 'tsql')).toBe('rowversion');
    expect(typeFamily(t('TIMESTAMP'), 'sqlite')).toBe('datetime');
  });
  it('falls back to SQLite affinity rules for unknown SQLite names', () => {
    expect(typeFamily(t('BIGSERIALINT'), 'sqlite')).toBe('integer');
    expect(typeFamily(t('VARYING TEXTUAL'), 'sqlite')).toBe('text');
    expect(typeFamily(t('FLOATY'), 'sqlite')).toBe('float');
    expect(typeFamily(t('WHATEVER'), 'sqlite')).toBe('decimal');
    expect(typeFamily(undefined, 'sqlite')).toBe('any');
  });
  it('does not guess unknown T-SQL names', () => {
    expect(typeFamily(t('GEOGRAPHY'), 'tsql')).toBe('other');
  });
});

describe('compatibleTypes (T-SQL, SQLite)', () => {
  const agree: [DataType, DataType | undefined][] = [
    [t('NVARCHAR', 'MAX'), t('TEXT')],
    [t('NVARCHAR', '50'), t('VARCHAR', '10')],
    [t('BIT'), t('INTEGER')],
    [t('BIT'), t('BOOLEAN')],
    [t('INT'), t('INTEGER')],
    [t('BIGINT'), t('INTEGER')],
    [t('DECIMAL', '18', '8'), t('REAL')],
    [t('DATETIME2'), t('TEXT')],
    [t('DATETIME'), t('TIMESTAMP')],
    [t('UNIQUEIDENTIFIER'), t('TEXT')],
    [t('VARBINARY', 'MAX'), t('BLOB')],
    [t('INT'), undefined],
    [t('INT'), t('BOOLEAN')],
    [t('DECIMAL', '10', '0'), t('INTEGER')],
    [t('TIMESTAMP'), t('DATETIME')],
  ];
  for (const [tsql, sqlite] of agree) {
    it(`${formatType(tsql)} ~ ${formatType(sqlite)}`, () => expect(compatibleTypes(tsql, sqlite)).toBe(true));
  }
  const disagree: [DataType, DataType][] = [
    [t('INT'), t('TEXT')],
    [t('NVARCHAR', '100'), t('INTEGER')],
    [t('DATETIME2'), t('INTEGER')],
    [t('DECIMAL', '18', '2'), t('INTEGER')],
    [t('VARBINARY', 'MAX'), t('TEXT')],
    [t('FLOAT'), t('TEXT')],
  ];
  for (const [tsql, sqlite] of disagree) {
    it(`${formatType(tsql)} !~ ${formatType(sqlite)}`, () => expect(compatibleTypes(tsql, sqlite)).toBe(false));
  }
});

describe('canonical conversions', () => {
  it('T-SQL → SQLite', () => {
    expect(formatType(toSqliteType(t('NVARCHAR', 'MAX')).type)).toBe('TEXT');
    expect(formatType(toSqliteType(t('BIT')).type)).toBe('INTEGER');
    expect(formatType(toSqliteType(t('DECIMAL', '18', '2')).type)).toBe('DECIMAL(18, 2)');
    expect(formatType(toSqliteType(t('MONEY')).type)).toBe('DECIMAL(19, 4)');
    expect(formatType(toSqliteType(t('DATETIME2', '7')).type)).toBe('DATETIME');
    expect(formatType(toSqliteType(t('TIMESTAMP')).type)).toBe('BLOB');
    expect(toSqliteType(t('DATETIMEOFFSET')).exact).toBe(false);
    expect(toSqliteType(t('SQL_VARIANT')).type).toBeUndefined();
  });
  it('SQLite → T-SQL', () => {
    expect(formatType(toTsqlType(t('TEXT')).type)).toBe('NVARCHAR(MAX)');
    expect(formatType(toTsqlType(t('VARCHAR', '255')).type)).toBe('VARCHAR(255)');
    expect(formatType(toTsqlType(t('VARCHAR', '9000')).type)).toBe('NVARCHAR(MAX)');
    expect(formatType(toTsqlType(t('INTEGER')).type)).toBe('INT');
    expect(formatType(toTsqlType(t('BOOLEAN')).type)).toBe('BIT');
    expect(formatType(toTsqlType(t('REAL')).type)).toBe('FLOAT');
    expect(formatType(toTsqlType(t('NUMERIC')).type)).toBe('DECIMAL(38, 10)');
    expect(formatType(toTsqlType(t('TIMESTAMP')).type)).toBe('DATETIME2');
    expect(formatType(toTsqlType(t('BLOB')).type)).toBe('VARBINARY(MAX)');
    expect(toTsqlType(undefined).exact).toBe(false);
  });
  it('every canonical conversion is accepted by parity', () => {
    const tsqlNames = ['INT', 'BIGINT', 'BIT', 'DECIMAL', 'MONEY', 'FLOAT', 'REAL', 'NVARCHAR', 'VARCHAR', 'NTEXT', 'XML',
      'VARBINARY', 'IMAGE', 'DATETIME', 'DATETIME2', 'SMALLDATETIME', 'DATETIMEOFFSET', 'DATE', 'TIME', 'UNIQUEIDENTIFIER', 'TIMESTAMP', 'ROWVERSION'];
    for (const name of tsqlNames) expect(compatibleTypes(t(name), toSqliteType(t(name)).type), name).toBe(true);
    const sqliteNames = ['INTEGER', 'TEXT', 'BLOB', 'REAL', 'NUMERIC', 'BOOLEAN', 'DATETIME', 'DATE', 'TIME', 'TIMESTAMP', 'UUID', 'JSON', 'VARCHAR', 'DOUBLE'];
    for (const name of sqliteNames) expect(compatibleTypes(toTsqlType(t(name)).type, t(name)), name).toBe(true);
  });
});
