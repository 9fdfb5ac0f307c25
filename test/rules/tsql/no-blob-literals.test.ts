import rule from '../../../rules/tsql/no-blob-literals.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (literal: string, hex: string): string =>
  `SQL Server rejects the blob literal ${literal}: it reads X as a name followed by the string '${hex}'.`;

runRuleTests(rule, {
  valid: [
    'INSERT INTO t (data) VALUES (0xABCD)',
    "SELECT 'X''AB''' AS text",
    "SELECT t.x'alias' FROM t",
    "SELECT x'not hex' FROM t",
  ],
  invalid: [
    {
      code: "INSERT INTO t (data) VALUES (X'ABCD')",
      errors: [{ line: 1, column: 30, endColumn: 37, message: message("X'ABCD'", 'ABCD'), help: 'Write 0xABCD.' }],
      output: 'INSERT INTO t (data) VALUES (0xABCD)',
    },
    {
      code: "CREATE TABLE t (\n  data VARBINARY(16) DEFAULT x'00ff'\n)",
      errors: [{ line: 2, column: 30, message: message("x'00ff'", '00ff') }],
      output: 'CREATE TABLE t (\n  data VARBINARY(16) DEFAULT 0x00ff\n)',
    },
    {
      code: "SELECT a FROM t WHERE data = X''",
      errors: [{ line: 1, column: 30, message: message("X''", '') }],
      output: 'SELECT a FROM t WHERE data = 0x',
    },
  ],
});
