import rule from '../../../rules/sqlite/no-index-options.js';
import { runRuleTests } from '../../support/rule-tester.js';

const clustered = (word: string): string => `SQLite rejects ${word}: near "${word}": syntax error.`;
const filegroup = (clause: string, word = 'ON'): string =>
  `SQLite rejects the filegroup clause ${clause}: near "${word}": syntax error.`;
const options = "SQLite rejects SQL Server's storage options WITH (...): syntax error.";

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (a INT PRIMARY KEY ON CONFLICT REPLACE, b INT UNIQUE ON CONFLICT IGNORE, c INT REFERENCES u (id) ON DELETE CASCADE ON UPDATE SET NULL);',
    'CREATE UNIQUE INDEX IF NOT EXISTS ix ON t (a, b) WHERE a > 0;',
    'CREATE TABLE t (clustered INT, include TEXT, [with] INT) WITHOUT ROWID, STRICT;',
    'CREATE TABLE t AS SELECT a.x FROM a JOIN b ON a.id = b.id;',
    "INSERT INTO t (a) VALUES ('ON [PRIMARY]');\n-- CREATE CLUSTERED INDEX",
  ],
  invalid: [
    {
      name: 'an SSMS-scripted table',
      code: [
        'CREATE TABLE [t](',
        '\t[id] [int] NOT NULL,',
        ' CONSTRAINT [PK_t] PRIMARY KEY CLUSTERED ',
        '(',
        '\t[id] ASC',
        ')WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF) ON [PRIMARY]',
        ') ON [PRIMARY] TEXTIMAGE_ON [PRIMARY];',
      ].join('\n'),
      errors: [
        { line: 3, column: 32, message: clustered('CLUSTERED') },
        { line: 6, column: 2, endColumn: 54, message: options, help: 'Delete WITH (...): SQLite has no such index or table settings.' },
        { line: 6, column: 55, message: filegroup('ON [PRIMARY]'), help: 'Delete ON [PRIMARY]: SQLite keeps the whole database in one file.' },
        { line: 7, column: 3, message: filegroup('ON [PRIMARY]') },
        { line: 7, column: 16, message: filegroup('TEXTIMAGE_ON [PRIMARY]', 'TEXTIMAGE_ON') },
      ],
      output: 'CREATE TABLE [t](\n\t[id] [int] NOT NULL,\n CONSTRAINT [PK_t] PRIMARY KEY \n(\n\t[id] ASC\n)\n);',
    },
    {
      code: 'CREATE UNIQUE NONCLUSTERED INDEX ix ON t (a) WITH (FILLFACTOR = 80) ON [INDEXES];',
      errors: [
        { line: 1, column: 15, message: clustered('NONCLUSTERED') },
        { line: 1, column: 46, message: options },
        { line: 1, column: 69, message: filegroup('ON [INDEXES]') },
      ],
      output: 'CREATE UNIQUE INDEX ix ON t (a);',
    },
    {
      code: 'CREATE INDEX ix ON t (a) INCLUDE (b, c);',
      errors: [{ line: 1, column: 26, endColumn: 40, message: 'SQLite rejects INCLUDE (...): near "INCLUDE": syntax error.' }],
      output: null,
    },
    {
      code: 'CREATE TABLE t (a INT PRIMARY KEY NONCLUSTERED, b INT UNIQUE CLUSTERED) ON ps_date (a);',
      errors: [
        { line: 1, column: 35, message: clustered('NONCLUSTERED') },
        { line: 1, column: 62, message: clustered('CLUSTERED') },
        { line: 1, column: 73, message: filegroup('ON ps_date (a)') },
      ],
      output: 'CREATE TABLE t (a INT PRIMARY KEY, b INT UNIQUE);',
    },
  ],
});
