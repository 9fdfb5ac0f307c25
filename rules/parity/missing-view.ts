import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** A view one dialect version defines and the other does not. */
export default defineCrossFileRule({
  id: 'parity/missing-view',
  description: 'Require every view of one dialect version of a schema in the other version too.',
  severity: 'warn',
  messages: {
    missingView: 'view {{view}} is defined in {{counterpart}} but not here.',
  },
  help: {
    missingView: 'Add CREATE VIEW {{view}} to this file, or list "{{view}}" in parityAllow.',
  },
});
