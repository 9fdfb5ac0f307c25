import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** A view whose two dialect versions read different tables or return different columns. */
export default defineCrossFileRule({
  id: 'parity/view',
  description: 'Require both dialect versions of a view to read the same tables and return the same columns.',
  severity: 'warn',
  messages: {
    tablesDiffer: 'view {{view}} reads tables {{there}} in {{counterpart}} but {{here}} here.',
    columnsDiffer: 'view {{view}} returns columns {{there}} in {{counterpart}} but {{here}} here.',
  },
  help: {
    tablesDiffer: 'Make both versions of {{view}} read the same tables, or list "{{view}}" in parityAllow.',
    columnsDiffer: 'Make both versions of {{view}} return the same columns in the same order, or list "{{view}}" in parityAllow.',
  },
});
