import rule from '../../../rules/sqlite/no-national-strings.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    "CREATE TABLE t (a TEXT DEFAULT 'x');",
    "SELECT 'N''x''' AS n, n FROM t WHERE name = 'N';",
    "-- N'x'\nSELECT [N'x'], \"N'y'\" FROM t;",
    "SELECT * FROM t WHERE a IN('x') AND b = X'0A';",
  ],
  invalid: [
    {
      code: "CREATE TABLE t (a NVARCHAR(10) DEFAULT N'x');",
      errors: [
        {
          line: 1,
          column: 40,
          endColumn: 44,
          message: `SQLite rejects the N prefix of N'x': near "'x'": syntax error.`,
          help: "Drop the N: write 'x' (SQLite strings are always Unicode).",
        },
      ],
      output: "CREATE TABLE t (a NVARCHAR(10) DEFAULT 'x');",
    },
    {
      code: "INSERT INTO t (a, b) VALUES\n  (N'Zürich', n'it''s');",
      errors: [
        { line: 2, column: 4, message: `SQLite rejects the N prefix of N'Zürich': near "'Zürich'": syntax error.` },
        { line: 2, column: 15, message: `SQLite rejects the N prefix of n'it''s': near "'it''s'": syntax error.` },
      ],
      output: "INSERT INTO t (a, b) VALUES\n  ('Zürich', 'it''s');",
    },
    {
      code: "SELECT * FROM t WHERE a = N'x';",
      errors: [{ line: 1, column: 27, message: `SQLite rejects the N prefix of N'x': near "'x'": syntax error.` }],
      output: "SELECT * FROM t WHERE a = 'x';",
    },
  ],
});
