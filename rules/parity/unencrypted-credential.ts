import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** The seed: the credentials database "contains sensitive credential information with encryption". */
export default defineCrossFileRule({
  id: 'security/unencrypted-credential',
  description: 'Require a table that holds secrets in the credentials database to mark them as encrypted (a column such as is_encrypted or encryption_iv, or a binary type).',
  severity: 'warn',
  messages: {
    unencrypted:
      'table {{table}} holds the secret column {{column}} as {{type}} with no encryption marker (no column such as is_encrypted or encryption_iv, no binary type).',
  },
  help: {
    unencrypted: 'Store the encrypted value (VARBINARY/BLOB) or add a column that records the encryption, such as is_encrypted or encryption_iv.',
  },
});
