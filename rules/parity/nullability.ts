import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** NOT NULL on one side only: one engine accepts rows the other rejects. */
export default defineCrossFileRule({
  id: 'parity/nullability',
  description: 'Require a column to be NOT NULL in both dialect versions or in neither.',
  severity: 'warn',
  messages: {
    nullability: 'column {{table}}.{{column}} is {{here}} here but {{there}} in {{counterpart}}.',
  },
  help: {
    nullability: 'Make the column {{there}} here too, or list "{{table}}.{{column}}" in parityAllow.',
  },
});
