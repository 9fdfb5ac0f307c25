import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** IDENTITY on one side, no generated key on the other: inserts that omit the key fail on one engine. */
export default defineCrossFileRule({
  id: 'parity/identity',
  description: 'Require a generated key (T-SQL IDENTITY, SQLite INTEGER PRIMARY KEY [AUTOINCREMENT]) in both versions or in neither.',
  severity: 'warn',
  messages: {
    identity: 'column {{table}}.{{column}} is {{here}} here but {{there}} in {{counterpart}}.',
  },
  help: {
    identity: 'Write INT IDENTITY(1,1) PRIMARY KEY in T-SQL and INTEGER PRIMARY KEY AUTOINCREMENT in SQLite, or list "{{table}}.{{column}}" in parityAllow.',
  },
});
