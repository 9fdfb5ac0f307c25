import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** A foreign key present on one side only, or pointing elsewhere, or with other actions. */
export default defineCrossFileRule({
  id: 'parity/foreign-key',
  description: 'Require each foreign key, its referenced table and its ON DELETE/ON UPDATE actions in both dialect versions.',
  severity: 'warn',
  messages: {
    foreignKeyMissing: 'foreign key {{table}} ({{columns}}) → {{references}} is declared in {{counterpart}} but not here.',
    referencesDiffer: 'foreign key {{table}} ({{columns}}) references {{here}} here but {{there}} in {{counterpart}}.',
    actionDiffers: 'foreign key {{table}} ({{columns}}) has {{event}} {{here}} here but {{event}} {{there}} in {{counterpart}}.',
  },
  help: {
    foreignKeyMissing: 'Add FOREIGN KEY ({{columns}}) REFERENCES {{references}} here, or list "{{table}}" in parityAllow.',
    referencesDiffer: 'Reference {{there}} here too, or list "{{table}}" in parityAllow.',
    actionDiffers: 'Write {{event}} {{there}} here too, or list "{{table}}" in parityAllow.',
  },
});
