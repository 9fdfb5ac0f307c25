import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** A column whose two declarations hold different kinds of value under the documented type mapping. */
export default defineCrossFileRule({
  id: 'parity/type-mismatch',
  description: 'Require both declarations of a column to hold the same kind of value under the T-SQL ↔ SQLite type mapping (docs/parity.md).',
  severity: 'error',
  messages: {
    typeMismatch:
      'column {{table}}.{{column}} is {{type}} ({{family}}) here but {{otherType}} ({{otherFamily}}) in {{counterpart}}; the type mapping does not pair them.',
  },
  help: {
    typeMismatch: 'Declare it as {{suggestion}} here (the mapping in docs/parity.md), or list "{{table}}.{{column}}" in parityAllow.',
  },
});
