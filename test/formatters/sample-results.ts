import path from 'node:path';
import { countDiagnostics, type Diagnostic, type LintResult } from '../../src/engine/diagnostic.js';
import { lintSource } from '../../src/engine/linter.js';
import type { RuleMeta } from '../../src/engine/rule.js';
import type { FormatterContext } from '../../src/formatters/formatter.js';
import noAutoincrement from '../../rules/tsql/no-autoincrement.js';

/**
 * One run's results shared by every golden test: a real rule's diagnostic with its fix, a
 * warning whose message holds every character some format must escape, a file whose name
 * holds `:`, `,` and `%`, a clean file, and an unreadable one (a problem with no rule).
 */
export const SAMPLE_CWD = path.resolve('/projects/shop');

const TSQL_SOURCE = ['-- customers', 'CREATE TABLE customers (', '  id INTEGER PRIMARY KEY AUTOINCREMENT,', '  name NVARCHAR(50) NOT NULL', ');', ''].join('\n');

/** A rule that only exists here, so its metadata can carry a warning default. */
export const EXAMPLE_WARNING_META: RuleMeta = {
  id: 'tsql/example-warning',
  description: 'An example rule that warns, with characters that need escaping: <, &, ", %.',
  dialects: ['tsql', 'sqlite'],
  severity: 'warn',
  messages: { tricky: '{{text}}' },
};

/** Every character some format escapes: workflow-command `%`, CR, LF, `:`, `,`; XML and Markdown specials. */
export const TRICKY_MESSAGE = 'Value 100% of "a:b, c" <x> & \'y\' | *z*\nsecond line\r\nthird';

function result(relativePath: string, dialect: LintResult['dialect'], messages: Diagnostic[], source?: string): LintResult {
  return {
    filePath: path.join(SAMPLE_CWD, relativePath),
    dialect,
    dialectSource: dialect === 'tsql' ? 'default dialect for *.sql' : 'file name *.sqlite.sql',
    messages,
    ...countDiagnostics(messages),
    ...(source === undefined ? {} : { source }),
  };
}

function diagnostic(partial: Partial<Diagnostic> & Pick<Diagnostic, 'message' | 'severity'>): Diagnostic {
  return { ruleId: null, line: 1, column: 1, endLine: 1, endColumn: 1, startOffset: 0, endOffset: 0, ...partial };
}

export function sampleResults(): LintResult[] {
  const schemaPath = path.join(SAMPLE_CWD, 'db/schema.sql');
  const autoincrement = lintSource(TSQL_SOURCE, {
    filePath: schemaPath,
    dialect: 'tsql',
    dialectSource: 'default dialect for *.sql',
    rules: [{ rule: noAutoincrement, severity: 2, options: [] }],
    settings: { sqlserverVersion: '2019' },
  });
  const nameOffset = TSQL_SOURCE.indexOf('name');
  const tricky = diagnostic({
    ruleId: EXAMPLE_WARNING_META.id,
    severity: 1,
    message: TRICKY_MESSAGE,
    line: 4,
    column: 3,
    endLine: 4,
    endColumn: 7,
    startOffset: nameOffset,
    endOffset: nameOffset + 4,
  });
  const oddName = diagnostic({
    ruleId: EXAMPLE_WARNING_META.id,
    severity: 1,
    message: 'A file name with a colon, a comma and a percent sign.',
    line: 2,
    column: 5,
    endLine: 3,
    endColumn: 2,
  });
  return [
    result('db/clean.sqlite.sql', 'sqlite', [], 'CREATE TABLE t (id INTEGER PRIMARY KEY);\n'),
    result('db/missing.sql', 'tsql', [diagnostic({ severity: 2, message: 'Cannot read the file: permission denied.', fatal: true })]),
    result('db/odd:name, 100%.sql', 'tsql', [oddName]),
    result('db/schema.sql', 'tsql', [...autoincrement, tricky], TSQL_SOURCE),
  ];
}

export function sampleContext(env: NodeJS.ProcessEnv = {}): FormatterContext {
  return {
    cwd: SAMPLE_CWD,
    rulesMeta: new Map([
      [noAutoincrement.meta.id, noAutoincrement.meta],
      [EXAMPLE_WARNING_META.id, EXAMPLE_WARNING_META],
    ]),
    color: false,
    env,
  };
}
