import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** A column one version of a table has and the other lacks. */
export default defineCrossFileRule({
  id: 'parity/missing-column',
  description: 'Require every column of a table in both dialect versions of the schema.',
  severity: 'error',
  messages: {
    missingColumn: 'column {{table}}.{{column}} is defined in {{counterpart}} but not here.',
  },
  help: {
    missingColumn: 'Add the column {{column}} to table {{table}} here, or list "{{table}}.{{column}}" in parityAllow.',
  },
});
