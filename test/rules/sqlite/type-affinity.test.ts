import rule from '../../../rules/sqlite/type-affinity.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (a nvarchar(50), b datetime2, c unsigned big int, d decimal(10,2), e datetime, f INTEGER);',
    'CREATE TABLE [t] ([bit] INTEGER, "money" TEXT, `xml` BLOB);',
    "CREATE TABLE t (a TEXT DEFAULT 'BIT', b TEXT CHECK (b <> 'MONEY'));",
    'SELECT CAST(a AS BIT) FROM t;',
    'CREATE TABLE t ("nvarchar" TEXT, a "varchar"(10));',
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (\n  active BIT NOT NULL,\n  id UNIQUEIDENTIFIER,\n  price MONEY\n);',
      errors: [
        {
          line: 2,
          column: 10,
          endColumn: 13,
          message: 'SQLite accepts BIT only as a name and gives the column NUMERIC affinity: there is no boolean type, any value fits.',
          help: 'Declare the SQLite type you mean (INTEGER, REAL, TEXT, BLOB or NUMERIC) and keep values in one format.',
        },
        {
          line: 3,
          column: 6,
          message: 'SQLite accepts UNIQUEIDENTIFIER only as a name and gives the column NUMERIC affinity: GUIDs are kept as text; nothing generates or checks them.',
        },
        {
          line: 4,
          column: 9,
          message: 'SQLite accepts MONEY only as a name and gives the column NUMERIC affinity: fractional amounts are stored as 8-byte floating point, not exact decimals.',
        },
      ],
      output: null,
    },
    {
      code: 'CREATE TABLE t (created DATETIME2(7) NOT NULL);',
      errors: [
        {
          line: 1,
          column: 25,
          endColumn: 37,
          message: 'SQLite ignores the precision of DATETIME2(7): the column gets NUMERIC affinity and keeps values as written.',
        },
      ],
    },
    {
      code: 'CREATE TABLE [t] (\n\t[name] [nvarchar](50) NULL,\n\t[n] [int]\n);',
      errors: [
        {
          line: 2,
          column: 9,
          endColumn: 23,
          message: 'SQLite reads [nvarchar](50) as the type name nvarchar(50): the column gets TEXT affinity.',
          help: 'Write the type without brackets: nvarchar(50).',
        },
        { line: 3, column: 6, message: 'SQLite reads [int] as the type name int: the column gets INTEGER affinity.' },
      ],
      output: 'CREATE TABLE [t] (\n\t[name] nvarchar(50) NULL,\n\t[n] int\n);',
    },
    {
      code: 'ALTER TABLE t ADD COLUMN flag bit;',
      errors: [{ line: 1, column: 31, message: 'SQLite accepts bit only as a name and gives the column NUMERIC affinity: there is no boolean type, any value fits.' }],
    },
  ],
});
