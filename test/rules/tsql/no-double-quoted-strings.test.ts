import rule from '../../../rules/tsql/no-double-quoted-strings.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (value: string): string =>
  `SQL Server reads "${value}" as a name, not a string (QUOTED_IDENTIFIER is ON by default), and rejects it here.`;

runRuleTests(rule, {
  valid: [
    { name: 'double-quoted names are T-SQL identifiers', code: 'CREATE TABLE "dbo"."t" ("id" INT NOT NULL, "name" NVARCHAR(50))' },
    'SELECT "a"."id", "name" FROM "t" AS "a" WHERE "a"."id" = "b"."id"',
    { name: 'a comparison with a name-like value is a column', code: 'SELECT id FROM t WHERE status = "other_status"' },
    "INSERT INTO t (name) VALUES ('text')",
    'MERGE t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id) VALUES ("id");',
    "CREATE TABLE t (status NVARCHAR(10) DEFAULT 'new')",
    {
      name: 'strings in double quotes after SET QUOTED_IDENTIFIER OFF',
      code: 'SET QUOTED_IDENTIFIER OFF\nGO\nINSERT INTO t (name) VALUES ("text")\nGO\nSET QUOTED_IDENTIFIER ON',
    },
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (status NVARCHAR(10) DEFAULT "new")',
      errors: [{ line: 1, column: 45, endColumn: 50, message: message('new'), help: "Write the string in single quotes: 'new'." }],
      output: null,
    },
    {
      code: "INSERT INTO t (a, b) VALUES (1, \"it's\")",
      errors: [{ line: 1, column: 33, message: message("it's"), help: "Write the string in single quotes: 'it''s'." }],
    },
    {
      code: 'CREATE TABLE t (\n  status NVARCHAR(10) DEFAULT ("new")\n)',
      errors: [{ line: 2, column: 32, message: message('new') }],
    },
    {
      code: 'SELECT id FROM t WHERE name LIKE "a%"',
      errors: [{ line: 1, column: 34, message: message('a%') }],
    },
    {
      name: 'QUOTED_IDENTIFIER back ON',
      code: 'SET QUOTED_IDENTIFIER OFF\nSET QUOTED_IDENTIFIER ON\nINSERT INTO t (name) VALUES ("text")',
      errors: [{ line: 3, column: 30, message: message('text') }],
    },
    {
      code: 'DELETE FROM t WHERE label = "two words"',
      errors: [{ line: 1, column: 29, message: message('two words') }],
    },
  ],
});
