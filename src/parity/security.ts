import path from 'node:path';
import { tablesOf, type ColumnModel, type SchemaModel, type SourceRef, type TableModel } from '../model/schema.js';
import { formatType, typeFamily } from '../model/type-mapping.js';
import type { Dialect } from '../sql/dialect.js';
import type { Finding } from './compare.js';

/**
 * The seed's "Security Considerations" as checks on the schema model:
 *   1. secrets (API keys, passwords) live in the credentials database;
 *   2. the credentials database stores them encrypted;
 *   4. audit logging tracks every credential access and change.
 * (3, role-based access control, lives in application code, not in a schema.)
 * A database is the credentials one when its file sits in a folder named like `Credentials`
 * or its file name mentions credentials — the seed's `Credentials/schema.sql` layout.
 */

/**
 * `relativePath`: relative to the project root, so folders above the project never count. A
 * folder named `Credentials` (or `credential_db`, `credentials-store`, ...) or a file whose
 * name mentions credentials; not any folder that merely contains the word.
 */
export function isCredentialsDatabase(relativePath: string): boolean {
  const segments = relativePath.split(/[\\/]/);
  const fileName = segments.pop() ?? '';
  return /credential/i.test(fileName) || segments.some((segment) => /^credentials?([-_. ]?(db|database|store|vault))?$/i.test(segment));
}

/** Words that, at the end of a column name, mean the column holds a secret itself. */
const SECRET_ENDINGS: readonly (readonly string[])[] = [
  ['password'],
  ['passwd'],
  ['pwd'],
  ['passphrase'],
  ['secret'],
  ['token'],
  ['api', 'key'],
  ['apikey'],
  ['private', 'key'],
  ['secret', 'key'],
  ['access', 'key'],
  ['signing', 'key'],
  ['encryption', 'key'],
  ['credential', 'value'],
  ['credentials', 'value'],
  ['connection', 'string'],
];

/** `apiKey`, `API_KEY`, `api-key` → ['api', 'key']. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * A column holds a secret when its name ends in a secret word: `password`, `api_key`,
 * `webhook_secret`, `access_token`, `credential_value`. `password_hash`, `token_type`,
 * `api_key_id` and `secret_name` end in something else and are not secrets themselves.
 */
export function holdsSecret(column: ColumnModel): boolean {
  const parts = words(column.name);
  return SECRET_ENDINGS.some((ending) => ending.length <= parts.length && ending.every((word, i) => parts[parts.length - ending.length + i] === word));
}

/** A column that records that (or how) the values of its table are encrypted. */
const ENCRYPTION_MARKER = /encrypt|cipher|(^|_)(iv|nonce|kms|key_id|key_version)($|_)/;
const AUDIT_TABLE = /audit|access_?log|(^|_)log(s)?$|history$/;

export interface SecurityTarget {
  dialect: Dialect;
  model: SchemaModel;
  /** The base file of the database, where findings about the database as a whole go. */
  baseFile: string;
}

/**
 * Security findings for one database version. `credentialsFile` names the project's
 * credentials database when it has one; secrets elsewhere are reported only then, because
 * a project with a single database has nowhere better to put them.
 */
export function securityFindings(target: SecurityTarget, isCredentials: boolean, credentialsFile: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const tables = tablesOf(target.model);
  if (!isCredentials) {
    if (!credentialsFile) return findings;
    for (const table of tables) {
      for (const column of table.columns.filter(holdsSecret)) {
        findings.push({
          ruleId: 'security/secret-outside-credentials',
          messageId: 'secretOutside',
          at: column.ref,
          counterpart: column.ref,
          subject: { table: table.name.name, column: column.name },
          data: {
            table: table.name.name,
            column: column.name,
            credentials: path.relative(path.dirname(column.ref.file), credentialsFile).split(path.sep).join('/'),
          },
        });
      }
    }
    return findings;
  }

  for (const table of tables) {
    const secrets = table.columns.filter(holdsSecret);
    if (secrets.length === 0 || isEncrypted(table, secrets, target.dialect)) continue;
    const secret = secrets[0];
    findings.push({
      ruleId: 'security/unencrypted-credential',
      messageId: 'unencrypted',
      at: table.ref,
      counterpart: secret.ref,
      subject: { table: table.name.name, column: secret.name },
      data: { table: table.name.name, column: secret.name, type: formatType(secret.type) },
    });
  }
  if (tables.length > 0 && !tables.some((table) => AUDIT_TABLE.test(words(table.name.name).join('_')))) {
    const at: SourceRef = tables.find((table) => table.ref.file === target.baseFile)?.ref ?? tables[0].ref;
    findings.push({
      ruleId: 'security/no-credential-audit-log',
      messageId: 'noAuditLog',
      at,
      counterpart: at,
      subject: { table: '' },
      data: {},
    });
  }
  return findings;
}

/** Encrypted when a column marks it, or when every secret column stores bytes (ciphertext), not text. */
function isEncrypted(table: TableModel, secrets: readonly ColumnModel[], dialect: Dialect): boolean {
  if (table.columns.some((column) => ENCRYPTION_MARKER.test(words(column.name).join('_')))) return true;
  return secrets.every((column) => typeFamily(column.type, dialect) === 'binary');
}
