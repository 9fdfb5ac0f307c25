import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** The seed: "Sensitive data (API keys, passwords) is stored in the credentials database". */
export default defineCrossFileRule({
  id: 'security/secret-outside-credentials',
  description: 'Disallow columns that hold secrets (passwords, API keys, tokens) outside the credentials database, when the project has one.',
  severity: 'warn',
  messages: {
    secretOutside: 'column {{table}}.{{column}} looks like it holds a secret, but this is not the credentials database ({{credentials}}).',
  },
  help: {
    secretOutside: 'Store the value in the credentials database and keep only a reference here (e.g. {{column}}_id).',
  },
});
