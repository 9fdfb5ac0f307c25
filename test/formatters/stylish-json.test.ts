import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/engine/diagnostic.js';
import json from '../../src/formatters/json.js';
import stylish from '../../src/formatters/stylish.js';

const source = 'CREATE TABLE t (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n  ok BIT\n);\n';
const result: LintResult = {
  filePath: '/work/db/schema.sql',
  dialect: 'tsql',
  dialectSource: 'file name schema.sql',
  source,
  messages: [
    {
      ruleId: 'tsql/no-autoincrement',
      severity: 2,
      message: "SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.",
      help: 'Write the column as INT IDENTITY(1,1) PRIMARY KEY.',
      line: 2,
      column: 26,
      endLine: 2,
      endColumn: 39,
      startOffset: 42,
      endOffset: 55,
      fix: { range: [27, 55], text: 'INT IDENTITY(1,1) PRIMARY KEY' },
    },
    {
      ruleId: 'core/dialect-mismatch',
      severity: 1,
      message: 'This file reads as SQLite.',
      line: 3,
      column: 3,
      endLine: 3,
      endColumn: 5,
      startOffset: 58,
      endOffset: 60,
    },
  ],
  errorCount: 1,
  warningCount: 1,
  fixableErrorCount: 1,
  fixableWarningCount: 0,
};
const context = { cwd: '/work', rulesMeta: new Map(), color: false, env: {} };

describe('stylish', () => {
  it('prints a headline, location, code frame and help per problem, then a summary', () => {
    expect(stylish([result], context)).toBe(
      [
        'db/schema.sql (T-SQL: file name schema.sql)',
        "error: SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'. [tsql/no-autoincrement]",
        '  --> db/schema.sql:2:26',
        '    1 | CREATE TABLE t (',
        '  > 2 |   id INTEGER PRIMARY KEY AUTOINCREMENT,',
        '      |                          ^^^^^^^^^^^^^',
        '    3 |   ok BIT',
        '  help: Write the column as INT IDENTITY(1,1) PRIMARY KEY.',
        '',
        'warning: This file reads as SQLite. [core/dialect-mismatch]',
        '  --> db/schema.sql:3:3',
        '    2 |   id INTEGER PRIMARY KEY AUTOINCREMENT,',
        '  > 3 |   ok BIT',
        '      |   ^^',
        '    4 | );',
        '',
        '✖ 2 problems (1 error, 1 warning) in 1 file',
        '  1 error and 0 warnings potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when there is nothing to report, and colours only when asked', () => {
    expect(stylish([{ ...result, messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0 }], context)).toBe('');
    expect(stylish([result], { ...context, color: true })).toContain('\u001b[31m');
    expect(stylish([result], context)).not.toContain('\u001b[');
  });

  it('shows control characters of messages, help and paths as symbols, as in code frames', () => {
    // A table named with an ESC sequence on one side of a pair: parity/missing-table quotes it.
    const named = 'x\u001b]0;pwned\u0007y';
    const quoting: LintResult = {
      ...result,
      filePath: '/work/db/new\u001b[2J.sql',
      messages: [{ ...result.messages[1], ruleId: 'parity/missing-table', message: `table ${named} is defined in e.sqlite.sql:2 but not here.`, help: `Add CREATE TABLE ${named}.` }],
      errorCount: 0,
      fixableErrorCount: 0,
    };
    expect(stylish([quoting], context).split('\n').slice(0, 3)).toEqual([
      'db/new\u241b[2J.sql (T-SQL: file name schema.sql)',
      'warning: table x\u241b]0;pwned\u2407y is defined in e.sqlite.sql:2 but not here. [parity/missing-table]',
      '  --> db/new\u241b[2J.sql:3:3',
    ]);
    expect(stylish([quoting], context)).toContain('  help: Add CREATE TABLE x\u241b]0;pwned\u2407y.\n');
    expect(stylish([quoting], { ...context, color: true })).not.toContain('\u001b]0;');
  });
});

describe('json', () => {
  it("keeps ESLint's shape and adds the dialect and its reason, without the source", () => {
    const [file] = JSON.parse(json([result], context)) as Record<string, unknown>[];
    expect(Object.keys(file)).toEqual([
      'filePath',
      'dialect',
      'dialectSource',
      'messages',
      'errorCount',
      'warningCount',
      'fixableErrorCount',
      'fixableWarningCount',
    ]);
    expect(file.messages).toEqual([
      {
        ruleId: 'tsql/no-autoincrement',
        severity: 2,
        message: "SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.",
        line: 2,
        column: 26,
        endLine: 2,
        endColumn: 39,
        help: 'Write the column as INT IDENTITY(1,1) PRIMARY KEY.',
        fix: { range: [27, 55], text: 'INT IDENTITY(1,1) PRIMARY KEY' },
      },
      {
        ruleId: 'core/dialect-mismatch',
        severity: 1,
        message: 'This file reads as SQLite.',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 5,
      },
    ]);
  });
});
