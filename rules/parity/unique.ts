import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** A uniqueness rule one engine enforces and the other does not. */
export default defineCrossFileRule({
  id: 'parity/unique',
  description: 'Require each UNIQUE constraint (or unique index) in both dialect versions of a table.',
  severity: 'warn',
  messages: {
    uniqueMissing: 'UNIQUE ({{columns}}) on {{table}} is declared in {{counterpart}} but not here.',
  },
  help: {
    uniqueMissing: 'Add UNIQUE ({{columns}}) to table {{table}} here, or list "{{table}}" in parityAllow.',
  },
});
