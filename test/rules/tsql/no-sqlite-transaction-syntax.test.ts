import rule from '../../../rules/tsql/no-sqlite-transaction-syntax.js';
import { runRuleTests } from '../../support/rule-tester.js';

const bareBegin =
  'In SQL Server BEGIN; opens a BEGIN ... END block, not a transaction: the statements after it run without one.';

runRuleTests(rule, {
  valid: [
    'BEGIN TRANSACTION;\nINSERT INTO t (a) VALUES (1);\nCOMMIT TRANSACTION;',
    'BEGIN TRAN\nUPDATE t SET a = 1\nCOMMIT',
    'IF @x = 1\nBEGIN;\n  SELECT 1;\nEND;',
    'WHILE @i < 3\nBEGIN\n  SET @i += 1\nEND',
    'CREATE PROCEDURE p AS\nBEGIN;\n  SELECT 1;\nEND;',
    'BEGIN TRY\n  SELECT 1\nEND TRY\nBEGIN CATCH\n  SELECT 2\nEND CATCH',
  ],
  invalid: [
    {
      code: 'BEGIN;\nINSERT INTO t (a) VALUES (1);\nEND;',
      errors: [{ line: 1, column: 1, endColumn: 7, message: bareBegin, help: 'Write BEGIN TRANSACTION; ... COMMIT TRANSACTION;' }],
    },
    {
      code: 'BEGIN IMMEDIATE TRANSACTION;\nUPDATE t SET a = 1;\nCOMMIT;',
      errors: [{ line: 1, column: 1, endColumn: 16, message: "SQL Server rejects BEGIN IMMEDIATE: Incorrect syntax near 'IMMEDIATE'." }],
    },
    {
      code: 'BEGIN TRANSACTION;\nDELETE FROM t;\nEND TRANSACTION;',
      errors: [
        { line: 3, column: 1, endColumn: 16, message: "SQL Server has no END TRANSACTION: Incorrect syntax near 'TRANSACTION'.", help: 'Write COMMIT TRANSACTION.' },
      ],
    },
    {
      code: 'begin exclusive',
      errors: [{ line: 1, column: 1, message: "SQL Server rejects BEGIN EXCLUSIVE: Incorrect syntax near 'EXCLUSIVE'." }],
    },
  ],
});
