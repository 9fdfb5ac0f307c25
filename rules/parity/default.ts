import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** Different defaults: an INSERT that omits the column stores different values on each engine. */
export default defineCrossFileRule({
  id: 'parity/default',
  description: "Require a column's default to mean the same value in both dialect versions (GETDATE() and CURRENT_TIMESTAMP agree).",
  severity: 'warn',
  messages: {
    defaultDiffers: 'column {{table}}.{{column}} defaults to {{here}} here but to {{there}} in {{counterpart}}.',
    defaultMissing: 'column {{table}}.{{column}} has no default here but defaults to {{there}} in {{counterpart}}.',
  },
  help: {
    defaultDiffers: 'Give both versions the same default, or list "{{table}}.{{column}}" in parityAllow.',
    defaultMissing: 'Add DEFAULT {{there}} (in this dialect\'s spelling) here, or list "{{table}}.{{column}}" in parityAllow.',
  },
});
