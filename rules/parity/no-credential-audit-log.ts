import { defineCrossFileRule } from '../../src/parity/cross-file-rule.js';

/** The seed: "Audit logging tracks all credential access and modifications". */
export default defineCrossFileRule({
  id: 'security/no-credential-audit-log',
  description: 'Require the credentials database to define an audit-log table.',
  severity: 'warn',
  messages: {
    noAuditLog: 'this credentials database defines no audit-log table (a table named like credential_audit_log or access_log).',
  },
  help: {
    noAuditLog: 'Add a table such as credential_audit_log (credential, action, actor, timestamp) that records every access and change.',
  },
});
