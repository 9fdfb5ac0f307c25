import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** An index missing on one side, or with other columns, order, direction, uniqueness or filter. */
export default defineCrossFileRule({
  id: 'parity/index',
  description: 'Require each index with the same columns, order, sort direction, uniqueness and filter in both dialect versions.',
  severity: 'warn',
  messages: {
    indexMissing: 'index {{index}} on {{table}} ({{columns}}) is defined in {{counterpart}} but not here.',
    columnsDiffer: 'index {{index}} on {{table}} is ({{here}}) here but ({{there}}) in {{counterpart}}.',
    uniqueDiffers: 'index {{index}} on {{table}} is {{here}} here but {{there}} in {{counterpart}}.',
    filterDiffers: 'index {{index}} on {{table}} filters {{here}} here but {{there}} in {{counterpart}}.',
  },
  help: {
    indexMissing: 'Create the index here too, or list "{{table}}" in parityAllow.',
    columnsDiffer: 'Index ({{there}}) here too: column order and ASC/DESC decide which queries the index serves.',
    uniqueDiffers: 'Make the index {{there}} here too, or list "{{table}}" in parityAllow.',
    filterDiffers: 'Give both indexes the same WHERE clause, or list "{{table}}" in parityAllow.',
  },
});
