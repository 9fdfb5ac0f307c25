import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** A CHECK constraint one engine enforces and the other does not. */
export default defineCrossFileRule({
  id: 'parity/check',
  description: 'Require a CHECK constraint on the same columns in both dialect versions of a table.',
  severity: 'warn',
  messages: {
    checkMissing: 'CHECK ({{expression}}) on {{table}} is declared in {{counterpart}} but not here.',
  },
  help: {
    checkMissing: 'Add the CHECK constraint to table {{table}} here (in this dialect\'s spelling), or list "{{table}}" in parityAllow.',
  },
});
