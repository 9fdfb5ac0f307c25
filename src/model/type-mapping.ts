import type { Dialect } from '../sql/dialect.js';
import type { DataType } from './schema.js';

/**
 * The one type mapping between SQL Server and SQLite. Parity uses `typeFamily` and
 * `compatibleTypes` to decide whether two declarations of one column agree; convert uses
 * `toSqliteType` / `toTsqlType` to rewrite a declaration. Both live here so that what convert
 * writes is, by construction, what parity accepts. The table is documented in docs/parity.md.
 *
 * A family is what kind of value the column holds, not how many bytes it takes: SQLite
 * ignores lengths and precisions, so NVARCHAR(50) and TEXT are the same family.
 */
export type TypeFamily =
  | 'integer'
  | 'boolean'
  | 'decimal'
  | 'float'
  | 'text'
  | 'binary'
  | 'datetime'
  | 'date'
  | 'time'
  | 'uuid'
  | 'json'
  | 'rowversion'
  /** SQL Server's sql_variant, or a SQLite column declared without a type: holds anything. */
  | 'any'
  /** A type this mapping does not know (a user-defined type, geography, hierarchyid). */
  | 'other';

/** Names whose family is the same in both dialects. Matched on the upper-cased base name. */
const FAMILY_BY_NAME: Readonly<Record<string, TypeFamily>> = {
  INT: 'integer',
  INTEGER: 'integer',
  BIGINT: 'integer',
  SMALLINT: 'integer',
  TINYINT: 'integer',
  MEDIUMINT: 'integer',
  INT2: 'integer',
  INT4: 'integer',
  INT8: 'integer',
  'UNSIGNED BIG INT': 'integer',
  BIT: 'boolean',
  BOOLEAN: 'boolean',
  BOOL: 'boolean',
  DECIMAL: 'decimal',
  NUMERIC: 'decimal',
  MONEY: 'decimal',
  SMALLMONEY: 'decimal',
  FLOAT: 'float',
  REAL: 'float',
  DOUBLE: 'float',
  'DOUBLE PRECISION': 'float',
  CHAR: 'text',
  VARCHAR: 'text',
  NCHAR: 'text',
  NVARCHAR: 'text',
  'CHARACTER VARYING': 'text',
  'NATIONAL CHARACTER': 'text',
  'NATIVE CHARACTER': 'text',
  'VARYING CHARACTER': 'text',
  CHARACTER: 'text',
  TEXT: 'text',
  NTEXT: 'text',
  CLOB: 'text',
  STRING: 'text',
  XML: 'text',
  SYSNAME: 'text',
  BINARY: 'binary',
  VARBINARY: 'binary',
  IMAGE: 'binary',
  BLOB: 'binary',
  DATETIME: 'datetime',
  DATETIME2: 'datetime',
  SMALLDATETIME: 'datetime',
  DATETIMEOFFSET: 'datetime',
  DATE: 'date',
  TIME: 'time',
  UNIQUEIDENTIFIER: 'uuid',
  UUID: 'uuid',
  GUID: 'uuid',
  JSON: 'json',
  JSONB: 'json',
  ROWVERSION: 'rowversion',
  SQL_VARIANT: 'any',
};

/**
 * The family of a declared type in a dialect. `TIMESTAMP` is the one name the dialects read
 * differently: SQL Server's is a row version, SQLite's (a NUMERIC-affinity name) holds dates.
 * A SQLite name this table does not know falls back to SQLite's own affinity rules.
 */
export function typeFamily(type: DataType | undefined, dialect: Dialect): TypeFamily {
  if (!type) return dialect === 'sqlite' ? 'any' : 'other';
  const name = type.name.trim().toUpperCase().replace(/\s+/g, ' ');
  if (name === 'TIMESTAMP') return dialect === 'tsql' ? 'rowversion' : 'datetime';
  const known = FAMILY_BY_NAME[name];
  if (known) return known;
  return dialect === 'sqlite' ? sqliteAffinityFamily(name) : 'other';
}

/** SQLite's affinity rules (datatype3.html §3.1), in their order, as a family. */
function sqliteAffinityFamily(name: string): TypeFamily {
  if (name.includes('INT')) return 'integer';
  if (name.includes('CHAR') || name.includes('CLOB') || name.includes('TEXT')) return 'text';
  if (name.includes('BLOB') || name === '') return 'binary';
  if (name.includes('REAL') || name.includes('FLOA') || name.includes('DOUB')) return 'float';
  if (name.includes('DATE') || name.includes('TIME')) return 'datetime';
  return 'decimal';
}

/**
 * For each family of the T-SQL declaration, the SQLite families that hold the same values.
 * SQLite stores dates as text (the SQL Server drivers and SQLite's date functions both read
 * ISO-8601 strings); money written as REAL is a common, accepted idiom; a BIT may be
 * INTEGER or BOOLEAN. Anything else is a type outside the mapping.
 */
const SQLITE_FAMILIES_FOR: Readonly<Record<Exclude<TypeFamily, 'any' | 'other'>, readonly TypeFamily[]>> = {
  integer: ['integer', 'boolean'],
  boolean: ['boolean', 'integer'],
  decimal: ['decimal', 'float'],
  float: ['float', 'decimal'],
  // SQLite has no date type: a date column declared DATETIME there holds the same text.
  text: ['text', 'json', 'datetime', 'date', 'time', 'uuid'],
  binary: ['binary'],
  datetime: ['datetime', 'date', 'text'],
  date: ['date', 'datetime', 'text'],
  time: ['time', 'text'],
  uuid: ['uuid', 'text', 'binary'],
  json: ['json', 'text'],
  rowversion: ['rowversion', 'binary', 'integer'],
};

/**
 * True when a T-SQL column type and a SQLite column type hold the same kind of value.
 * A side whose type holds anything (sql_variant, an untyped SQLite column) or that this
 * mapping does not know agrees with everything: parity reports only what it can prove.
 */
export function compatibleTypes(tsqlType: DataType | undefined, sqliteType: DataType | undefined): boolean {
  const tsql = typeFamily(tsqlType, 'tsql');
  const sqlite = typeFamily(sqliteType, 'sqlite');
  if (tsql === 'any' || tsql === 'other' || sqlite === 'any' || sqlite === 'other') return true;
  if (SQLITE_FAMILIES_FOR[tsql].includes(sqlite)) return true;
  // DECIMAL(10) / DECIMAL(10, 0) holds whole numbers only: an INTEGER column holds the same values.
  if (tsql === 'decimal' && sqlite === 'integer' && tsqlType && /^0?$/.test(tsqlType.args[1] ?? '') && tsqlType.args.length > 0) return true;
  // A T-SQL TIMESTAMP written for a date is the tsql/no-timestamp-type rule's to report, not a second time here.
  if (tsqlType?.name.toUpperCase() === 'TIMESTAMP' && (sqlite === 'datetime' || sqlite === 'text')) return true;
  return false;
}

/** A converted type; `exact` is false when the target cannot hold everything the source could. */
export interface TypeConversion {
  /** Undefined: declare the SQLite column without a type. */
  type: DataType | undefined;
  exact: boolean;
  /** Why the conversion is not exact, for a convert diagnostic. */
  note?: string;
}

const type = (name: string, ...args: string[]): DataType => ({ name, args });

/** The canonical SQLite declaration of a T-SQL type. */
export function toSqliteType(source: DataType | undefined): TypeConversion {
  if (!source) return { type: undefined, exact: true };
  const name = source.name.toUpperCase();
  const family = typeFamily(source, 'tsql');
  switch (family) {
    case 'integer':
    case 'boolean':
      return { type: type('INTEGER'), exact: true };
    case 'decimal':
      if (name === 'MONEY') return { type: type('DECIMAL', '19', '4'), exact: true };
      if (name === 'SMALLMONEY') return { type: type('DECIMAL', '10', '4'), exact: true };
      // SQLite keeps DECIMAL(p,s) as a NUMERIC-affinity name; the precision survives a round trip.
      return { type: type(name, ...source.args), exact: true };
    case 'float':
      return { type: type('REAL'), exact: true };
    case 'text':
      return { type: type('TEXT'), exact: true };
    case 'binary':
    case 'rowversion':
      return { type: type('BLOB'), exact: true };
    case 'datetime':
      if (name === 'DATETIMEOFFSET') {
        return { type: type('TEXT'), exact: false, note: 'DATETIMEOFFSET becomes TEXT: SQLite has no time-zone-aware type' };
      }
      return { type: type('DATETIME'), exact: true };
    case 'date':
      return { type: type('DATE'), exact: true };
    case 'time':
      return { type: type('TIME'), exact: true };
    case 'uuid':
      return { type: type('TEXT'), exact: true };
    case 'json':
      return { type: type('TEXT'), exact: true };
    case 'any':
      return { type: undefined, exact: true };
    case 'other':
      return {
        type: /^[A-Z_][A-Z0-9_]*$/.test(name) ? type(name, ...source.args.filter((arg) => /^\d+$/.test(arg))) : undefined,
        exact: false,
        note: `SQL Server type ${source.name} has no SQLite counterpart; the column keeps the name for its affinity only`,
      };
  }
}

/** Bare NUMERIC/DECIMAL in SQLite holds any number; T-SQL's default (18,0) would drop fractions. */
const WIDE_DECIMAL = type('DECIMAL', '38', '10');

/** The canonical T-SQL declaration of a SQLite type. */
export function toTsqlType(source: DataType | undefined): TypeConversion {
  if (!source) {
    return {
      type: type('NVARCHAR', 'MAX'),
      exact: false,
      note: 'a SQLite column without a type holds any value; SQL Server needs one, NVARCHAR(MAX) is used',
    };
  }
  const name = source.name.toUpperCase().replace(/\s+/g, ' ');
  const numericArgs = source.args.every((arg) => /^\d+$/.test(arg));
  switch (typeFamily(source, 'sqlite')) {
    case 'integer':
      if (name === 'BIGINT' || name === 'INT8' || name === 'UNSIGNED BIG INT') return { type: type('BIGINT'), exact: true };
      if (name === 'SMALLINT' || name === 'INT2') return { type: type('SMALLINT'), exact: true };
      if (name === 'TINYINT') return { type: type('TINYINT'), exact: true };
      return { type: type('INT'), exact: true };
    case 'boolean':
      return { type: type('BIT'), exact: true };
    case 'decimal':
      if ((name === 'DECIMAL' || name === 'NUMERIC') && source.args.length > 0 && numericArgs) {
        return { type: type(name, ...source.args), exact: true };
      }
      if (name === 'MONEY' || name === 'SMALLMONEY') return { type: type(name), exact: true };
      return { type: WIDE_DECIMAL, exact: true };
    case 'float':
      return { type: type('FLOAT'), exact: true };
    case 'text':
      if (['VARCHAR', 'NVARCHAR', 'CHAR', 'NCHAR'].includes(name) && source.args.length === 1 && numericArgs) {
        const length = Number(source.args[0]);
        if (length >= 1 && length <= (name.startsWith('N') ? 4000 : 8000)) return { type: type(name, source.args[0]), exact: true };
      }
      return { type: type('NVARCHAR', 'MAX'), exact: true };
    case 'json':
      return { type: type('NVARCHAR', 'MAX'), exact: true };
    case 'binary':
      return { type: type('VARBINARY', 'MAX'), exact: true };
    case 'datetime':
      return { type: type('DATETIME2'), exact: true };
    case 'date':
      return { type: type('DATE'), exact: true };
    case 'time':
      return { type: type('TIME'), exact: true };
    case 'uuid':
      return { type: type('UNIQUEIDENTIFIER'), exact: true };
    case 'rowversion':
      return { type: type('VARBINARY', '8'), exact: true };
    case 'any':
    case 'other':
      return { type: type('NVARCHAR', 'MAX'), exact: false, note: `SQLite type ${source.name} has no SQL Server counterpart` };
  }
}

/** `NVARCHAR(MAX)`, `DECIMAL(18, 2)`, `INTEGER`: a type as schema-lint writes it in messages. */
export function formatType(type: DataType | undefined): string {
  if (!type) return '(no type)';
  return type.args.length > 0 ? `${type.name}(${type.args.join(', ')})` : type.name;
}
