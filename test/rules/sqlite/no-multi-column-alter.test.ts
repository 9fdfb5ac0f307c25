import { describe, expect, it } from 'vitest';
import rule from '../../../rules/sqlite/no-multi-column-alter.js';
import { applyEdits } from '../../../src/engine/fixes.js';
import { lintSource } from '../../../src/engine/linter.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'ALTER TABLE t ADD COLUMN a INT;\nALTER TABLE t ADD b TEXT DEFAULT (1, 2);',
    "ALTER TABLE t ADD COLUMN c TEXT CHECK (c IN ('x', 'y'));",
    'ALTER TABLE t DROP COLUMN a;\nALTER TABLE t RENAME COLUMN a TO b;',
    'ALTER TABLE t ADD CONSTRAINT a CHECK (x > 0), CONSTRAINT b CHECK (y > 0);',
  ],
  invalid: [
    {
      code: 'ALTER TABLE t ADD b INT, c INT;',
      errors: [
        {
          line: 1,
          column: 24,
          endColumn: 25,
          message: 'SQLite rejects a second column in one ALTER TABLE ... ADD: near ",": syntax error.',
          help: 'Write one ALTER TABLE t ADD ... statement per column.',
        },
      ],
    },
    {
      code: 'ALTER TABLE [dbo_t] ADD\n  a INT NULL,\n  b NVARCHAR(20) NOT NULL DEFAULT (\'\')',
      errors: [{ line: 2, column: 13, message: 'SQLite rejects a second column in one ALTER TABLE ... ADD: near ",": syntax error.' }],
    },
    {
      code: 'ALTER TABLE t DROP COLUMN a, b;',
      errors: [{ line: 1, column: 28, message: 'SQLite rejects a second column in one ALTER TABLE ... DROP: near ",": syntax error.' }],
    },
  ],
});

describe('sqlite/no-multi-column-alter suggestion', () => {
  it('splits the statement into one ALTER TABLE per column', () => {
    const code = 'ALTER TABLE t ADD COLUMN b INT, c TEXT DEFAULT (1);';
    const [diagnostic] = lintSource(code, {
      filePath: 'x.sqlite.sql',
      dialect: 'sqlite',
      dialectSource: 'test',
      rules: [{ rule, severity: 2, options: [] }],
      settings: { sqlserverVersion: '2019' },
    });
    expect(applyEdits(code, [diagnostic.suggestions![0].fix]).output).toBe(
      'ALTER TABLE t ADD COLUMN b INT;\nALTER TABLE t ADD COLUMN c TEXT DEFAULT (1);',
    );
  });
});
