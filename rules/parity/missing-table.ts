import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** A table one dialect version of the schema defines and the other does not. */
export default defineCrossFileRule({
  id: 'parity/missing-table',
  description: 'Require every table of one dialect version of a schema in the other version too.',
  severity: 'error',
  messages: {
    missingTable: 'table {{table}} is defined in {{counterpart}} but not here.',
  },
  help: {
    missingTable: 'Add CREATE TABLE {{table}} to this file (schema-lint convert can write it), or list "{{table}}" in parityAllow.',
  },
});
