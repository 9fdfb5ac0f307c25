import type { Rule } from '../../src/engine/rule.js';
import check from './check.js';
import defaultRule from './default.js';
import foreignKey from './foreign-key.js';
import identity from './identity.js';
import indexRule from './index-rule.js';
import missingColumn from './missing-column.js';
import missingCounterpart from './missing-counterpart.js';
import missingTable from './missing-table.js';
import missingView from './missing-view.js';
import noCredentialAuditLog from './no-credential-audit-log.js';
import nullability from './nullability.js';
import primaryKey from './primary-key.js';
import secretOutsideCredentials from './secret-outside-credentials.js';
import typeMismatch from './type-mismatch.js';
import unencryptedCredential from './unencrypted-credential.js';
import unique from './unique.js';
import view from './view.js';

/** Cross-file rules: run by checkParity after every file is linted, never by the per-file pass. */
export const parityRules: Rule[] = [
  missingTable,
  missingView,
  view,
  missingColumn,
  typeMismatch,
  nullability,
  defaultRule,
  identity,
  primaryKey,
  unique,
  foreignKey,
  check,
  indexRule,
  missingCounterpart,
];

export const securityRules: Rule[] = [secretOutsideCredentials, unencryptedCredential, noCredentialAuditLog];

export const crossFileRules: Rule[] = [...parityRules, ...securityRules];
