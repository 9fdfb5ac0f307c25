import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** Different primary keys: different rows count as duplicates on each engine. */
export default defineCrossFileRule({
  id: 'parity/primary-key',
  description: 'Require the same primary key columns in both dialect versions of a table.',
  severity: 'warn',
  messages: {
    keyDiffers: 'primary key of {{table}} is ({{here}}) here but ({{there}}) in {{counterpart}}.',
    keyMissing: 'table {{table}} has no primary key here but ({{there}}) in {{counterpart}}.',
  },
  help: {
    keyDiffers: 'Declare PRIMARY KEY ({{there}}) here too, or list "{{table}}" in parityAllow.',
    keyMissing: 'Declare PRIMARY KEY ({{there}}) here too, or list "{{table}}" in parityAllow.',
  },
});
