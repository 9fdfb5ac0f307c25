import rule from '../../../rules/tsql/no-backtick-identifiers.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = "SQL Server rejects backtick-quoted names: Incorrect syntax near '`'.";

runRuleTests(rule, {
  valid: [
    'CREATE TABLE [t] ([id] INT)',
    'CREATE TABLE "t" ("id" INT)',
    "SELECT '`id`' AS sample",
    '-- `id` in a comment\nSELECT 1',
  ],
  invalid: [
    {
      code: 'CREATE TABLE `t` (`id` INT)',
      errors: [
        { line: 1, column: 14, endColumn: 17, message, help: 'Write [t] instead of `t`.' },
        { line: 1, column: 19, message },
      ],
      output: 'CREATE TABLE [t] ([id] INT)',
    },
    {
      code: 'SELECT `odd]name` FROM t',
      errors: [{ line: 1, column: 8, message }],
      output: 'SELECT [odd]]name] FROM t',
    },
    {
      code: 'SELECT a\nFROM `my table`',
      errors: [{ line: 2, column: 6, message }],
      output: 'SELECT a\nFROM [my table]',
    },
  ],
});
