import rule from '../../../rules/tsql/no-sqlite-maintenance.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (command: string): string =>
  `SQL Server has no ${command} statement (it is SQLite's): the batch fails with a syntax error.`;

runRuleTests(rule, {
  valid: [
    'UPDATE STATISTICS dbo.t',
    'ALTER INDEX ALL ON dbo.t REBUILD',
    { name: 'columns named like the commands', code: 'SELECT analyze, vacuum FROM t\nSELECT a\nFROM t\nWHERE reindex = 1' },
    'CREATE TABLE t (analyze INT, attach NVARCHAR(10))',
    "SELECT 'VACUUM' AS note",
  ],
  invalid: [
    {
      code: 'VACUUM;',
      errors: [
        {
          line: 1,
          column: 1,
          endColumn: 7,
          message: message('VACUUM'),
          help: 'Remove it: SQL Server reorganises storage with ALTER INDEX ... REBUILD (and DBCC SHRINKDATABASE).',
        },
      ],
    },
    {
      code: "ATTACH DATABASE 'archive.db' AS archive;\nDETACH DATABASE archive;",
      errors: [
        { line: 1, column: 1, message: message('ATTACH') },
        { line: 2, column: 1, message: message('DETACH') },
      ],
    },
    {
      code: 'CREATE TABLE t (a INT)\nANALYZE t\nREINDEX ix_a',
      errors: [
        { line: 2, column: 1, message: message('ANALYZE'), help: 'Write UPDATE STATISTICS table_name.' },
        { line: 3, column: 1, message: message('REINDEX'), help: 'Write ALTER INDEX ALL ON table_name REBUILD.' },
      ],
    },
  ],
});
