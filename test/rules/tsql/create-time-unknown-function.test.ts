import { readdirSync, readFileSync } from 'node:fs';
import rule from '../../../rules/tsql/create-time-unknown-function.js';
import { runRuleTests } from '../../support/rule-tester.js';

const validDirectory = new URL('../../../fixtures/syntax/tsql/valid/', import.meta.url);
const fixtures = readdirSync(validDirectory).map((name) => ({ name: `fixture ${name}`, code: readFileSync(new URL(name, validDirectory), 'utf8') }));
const message = (name: string): string => `'${name}' is not a recognized built-in function name.`;

runRuleTests(rule, {
  valid: [
    ...fixtures,
    "CREATE TABLE t (a DATETIME DEFAULT GETDATE(), b AS DATEADD(day, 1, a), c NVARCHAR(10) CHECK (LEN(c) > 0 AND c = UPPER(c)))",
    'CREATE TABLE t (a INT DEFAULT dbo.NextNumber(), b AS dbo.Twice(a))',
    "ALTER TABLE t ADD CONSTRAINT df DEFAULT (NEWSEQUENTIALID()) FOR id",
    'SELECT datetime(1)',
  ],
  invalid: [
    {
      code: "CREATE TABLE t (\n  created TEXT DEFAULT (datetime('now')),\n  n INT CHECK (typeof(n) = 'integer'),\n  m AS ifnull(n, 0)\n)",
      errors: [
        { line: 2, column: 25, endColumn: 33, message: message('datetime') },
        { line: 3, column: 16, message: message('typeof') },
        { line: 4, column: 8, message: message('ifnull') },
      ],
    },
    {
      code: 'ALTER TABLE t ADD CONSTRAINT df_at DEFAULT NOWW() FOR at, CONSTRAINT ck CHECK (strlen(x) > 1)',
      errors: [
        { line: 1, column: 44, message: message('NOWW') },
        { line: 1, column: 80, message: message('strlen') },
      ],
    },
  ],
});
