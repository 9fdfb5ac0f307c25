import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** The seed keeps each schema in both dialects; a loader falls back to the wrong one when a file is missing. */
export default defineCrossFileRule({
  id: 'parity/missing-counterpart',
  description: 'Require a SQLite version next to each T-SQL schema file (and the reverse) in projects that keep both.',
  severity: 'warn',
  messages: {
    noSqlite:
      'this T-SQL schema has no SQLite version ({{expected}} is missing); a loader that falls back to running this file on SQLite fails on its T-SQL.',
    noTsql: 'this SQLite schema has no SQL Server version ({{expected}} is missing), so SQL Server deployments lack its tables.',
  },
  help: {
    noSqlite: 'Create {{expected}} (schema-lint convert --to-sqlite writes it), or pair this file explicitly with "pairs" in the config.',
    noTsql: 'Create {{expected}} (schema-lint convert writes it), or pair this file explicitly with "pairs" in the config.',
  },
});
