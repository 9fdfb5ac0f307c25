import type { TextEdit } from '../../src/engine/diagnostic.js';
import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { identifierName, isPunctuation, isWord, type Token } from '../../src/sql/token.js';
import { isNameToken, qualifiedNameEnd } from '../../src/rules-support/tokens.js';

/** Schema names every SQLite connection has. */
const BUILT_IN_SCHEMAS = new Set(['main', 'temp']);

/** Words after which a table, view, index or trigger name stands. */
const NAME_AFTER = new Set(['TABLE', 'VIEW', 'INDEX', 'TRIGGER', 'REFERENCES', 'INTO', 'FROM', 'JOIN', 'UPDATE']);

/** ATTACH names a database; every other report follows one of the words a name stands after. */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['attach'], words: [...NAME_AFTER, 'ON'] };

/**
 * `dbo.t`: SQLite reads a qualified name as `database.object`, and a connection knows only
 * `main`, `temp` and the databases ATTACHed to it, so `dbo` is an unknown database. Only
 * positions where an object name stands are read (after TABLE, INTO, FROM, JOIN, REFERENCES,
 * UPDATE, the ON of CREATE INDEX/TRIGGER), so `t.col` column references stay clean, and
 * names ATTACHed earlier in the file are accepted.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-schema-prefix',
    description: 'Disallow SQL Server schema prefixes such as dbo. on object names in SQLite files.',
    dialects: ['sqlite'],
    severity: 'error',
    fixable: true,
    messages: {
      prefix: 'SQLite rejects the schema prefix {{schema}}: unknown database {{schema}}.',
    },
    help: {
      prefix: 'Drop the prefix: write {{name}}.',
    },
  },
  create(context) {
    const attached = new Set<string>();
    /** Records the schema name an ATTACH gives its database; true when the statement is an ATTACH. */
    const learnAttached = (tokens: readonly Token[]): boolean => {
      if (!isWord(tokens[0], 'ATTACH')) return false;
      const as = schemaNameAs(tokens);
      if (as > 0 && isNameToken(tokens[as + 1])) attached.add(identifierName(tokens[as + 1]).toLowerCase());
      return true;
    };
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        if (learnAttached(tokens)) return;
        let onSeen = false;
        for (let i = 0; i < tokens.length; i++) {
          const token = tokens[i];
          if (token.kind !== 'word') continue;
          let nameStart = -1;
          if (NAME_AFTER.has(token.upper)) {
            if (token.upper === 'FROM' && isWord(tokens[i - 1], 'DISTINCT')) continue; // IS DISTINCT FROM a.b
            nameStart = i + 1;
            if (isWord(tokens[nameStart], 'IF')) nameStart += isWord(tokens[nameStart + 1], 'NOT') ? 3 : 2;
            if (token.upper === 'UPDATE' && isWord(tokens[nameStart], 'OR')) nameStart += 2;
          } else if (token.upper === 'ON' && !onSeen && (statement.kind === 'create index' || statement.kind === 'create trigger')) {
            onSeen = true;
            nameStart = i + 1;
          }
          if (nameStart < 0) continue;
          const nameEnd = qualifiedNameEnd(tokens, nameStart);
          if (nameEnd - nameStart < 3) continue; // not qualified
          const schema = tokens[nameStart];
          if (BUILT_IN_SCHEMAS.has(identifierName(schema).toLowerCase()) || attached.has(identifierName(schema).toLowerCase())) {
            continue;
          }
          const lastDot = tokens[nameEnd - 2];
          const prefix = context.source.text.slice(schema.start, lastDot.start);
          context.report({
            node: schema,
            endNode: lastDot,
            messageId: 'prefix',
            data: { schema: prefix, name: tokens[nameEnd - 1].text },
            fix: removeDbo(tokens, nameStart, nameEnd),
          });
        }
      },
      /**
       * Not judged (only its leading and latest tokens are kept), but an ATTACH whose file name
       * expression is that long still attaches its schema, named among its kept latest tokens.
       */
      oversized(statement) {
        learnAttached(statement.tokens);
      },
    };
  },
});

/**
 * The index of the AS that names an ATTACH's schema (`ATTACH expr AS name`), or -1. The file
 * expression may hold an AS of its own inside parentheses (`CAST('f.db' AS TEXT)`), so it is the
 * AS outside every parenthesis. The search runs back from the end, where the name stands, because
 * an oversized statement keeps only its leading and latest tokens: parentheses counted from its
 * start could be closed in the part it dropped.
 */
function schemaNameAs(tokens: readonly Token[]): number {
  let depth = 0;
  for (let i = tokens.length - 1; i > 0; i--) {
    const token = tokens[i];
    if (isPunctuation(token, ')')) depth++;
    else if (isPunctuation(token, '(')) depth--;
    else if (depth === 0 && isWord(token, 'AS')) return i;
  }
  return -1;
}

/** `dbo.t` → `t`: only SQL Server's default schema, whose objects SQLite keeps in main. */
function removeDbo(tokens: readonly Token[], nameStart: number, nameEnd: number): TextEdit | undefined {
  if (nameEnd - nameStart !== 3 || identifierName(tokens[nameStart]).toLowerCase() !== 'dbo') return undefined;
  if (!isPunctuation(tokens[nameStart + 1], '.')) return undefined;
  return { range: [tokens[nameStart].start, tokens[nameStart + 2].start], text: '' };
}
