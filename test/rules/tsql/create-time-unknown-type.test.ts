import { readdirSync, readFileSync } from 'node:fs';
import rule from '../../../rules/tsql/create-time-unknown-type.js';
import { runRuleTests } from '../../support/rule-tester.js';

const validDirectory = new URL('../../../fixtures/syntax/tsql/valid/', import.meta.url);
const fixtures = readdirSync(validDirectory).map((name) => ({ name: `fixture ${name}`, code: readFileSync(new URL(name, validDirectory), 'utf8') }));
const message = (ordinal: number, type: string): string => `Column, parameter, or variable #${ordinal}: Cannot find data type ${type}.`;

runRuleTests(rule, {
  valid: [
    ...fixtures,
    'CREATE TABLE t (a INT, b NVARCHAR(MAX), c DOUBLE PRECISION, d NATIONAL CHARACTER VARYING(10), e SYSNAME, f sql_variant)',
    'CREATE TYPE Phone FROM VARCHAR(20)\nGO\nCREATE TABLE t (p Phone, q dbo.Email, r [Flag])',
    'CREATE TABLE t (a INT, total AS a * 2)',
    {
      name: 'alias types made with sp_addtype, as pre-2005 install scripts do',
      code: "EXEC sp_addtype sku, 'varchar(8)', 'NOT NULL'\nexecute sp_addtype [badge_no], 'char(9)'\nEXEC sys.sp_addtype @typename = N'zone_code', @phystype = 'char(2)'\nGO\nCREATE TABLE stock (item sku, holder badge_no NULL, zone zone_code)",
    },
    { code: 'CREATE TABLE t (doc JSON, v VECTOR(3))', sqlserverVersion: '2025' },
    'CREATE TABLE t (a BOOLEAN',
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (\n  id INT,\n  name VARCHAR2(50),\n  flag BOOLEAN\n)',
      errors: [
        { line: 3, column: 8, endColumn: 16, message: message(2, 'VARCHAR2') },
        { line: 4, column: 8, message: message(3, 'BOOLEAN') },
      ],
    },
    {
      name: 'MySQL display widths',
      code: 'CREATE TABLE t (\n  id INT(11) NOT NULL,\n  flag TINYINT(1),\n  at DATETIME(6),\n  price DECIMAL(10, 2)\n)',
      errors: [
        { line: 2, column: 6, endColumn: 13, message: 'Column, parameter, or variable #1: Cannot specify a column width on data type int.' },
        { line: 3, column: 8, message: 'Column, parameter, or variable #2: Cannot specify a column width on data type tinyint.' },
        { line: 4, column: 6, message: 'Column, parameter, or variable #3: Cannot specify a column width on data type datetime.' },
      ],
    },
    {
      code: 'CREATE TABLE t (id INT)\nALTER TABLE t ADD note nvarchr(20), doc JSON',
      errors: [
        { line: 2, column: 24, message: message(1, 'nvarchr') },
        { line: 2, column: 41, message: message(2, 'JSON') },
      ],
    },
  ],
});
