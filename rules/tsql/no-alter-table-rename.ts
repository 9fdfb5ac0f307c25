import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { isNameToken, qualifiedNameEnd } from '../../src/rules-support/tokens.js';
import { identifierName, isPunctuation, isWord, type Token } from '../../src/sql/token.js';

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['alter table'] };

/** SQLite renames with ALTER TABLE; SQL Server renames with the sp_rename procedure. */
export default defineRule({
  meta: {
    id: 'tsql/no-alter-table-rename',
    description: 'Disallow ALTER TABLE ... RENAME TO / RENAME COLUMN: SQL Server renames with sp_rename.',
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      rename: "SQL Server rejects ALTER TABLE ... RENAME: Incorrect syntax near 'RENAME'.",
    },
    help: {
      rename: 'Rename with {{call}}',
    },
  },
  create(context) {
    const text = context.source.text;
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        if (statement.kind !== 'alter table') return;
        const tokens = statement.tokens;
        const nameEnd = qualifiedNameEnd(tokens, 2);
        const rename = tokens[nameEnd];
        if (nameEnd === 2 || !isWord(rename, 'RENAME')) return;
        const table = text.slice(tokens[2].start, tokens[nameEnd - 1].end);
        const call = renameCall(tokens, nameEnd + 1, table);
        const last = tokens[tokens.length - 1];
        const end = isPunctuation(last, ';') ? last.start : last.end;
        context.report({
          node: rename,
          messageId: 'rename',
          data: { call: call ?? "EXEC sp_rename N'old_name', N'new_name';" },
          suggest: call ? [{ desc: 'Call sp_rename instead.', fix: { range: [tokens[0].start, end], text: call.replace(/;$/, '') } }] : undefined,
        });
      },
    };
  },
});

/** `RENAME TO u` → `EXEC sp_rename N't', N'u';`; `RENAME [COLUMN] a TO b` → `EXEC sp_rename N't.a', N'b', N'COLUMN';`. */
function renameCall(tokens: readonly Token[], at: number, table: string): string | undefined {
  const quote = (value: string): string => `N'${value.replace(/'/g, "''")}'`;
  if (isWord(tokens[at], 'TO') && isNameToken(tokens[at + 1])) {
    return `EXEC sp_rename ${quote(table)}, ${quote(identifierName(tokens[at + 1]))};`;
  }
  const column = isWord(tokens[at], 'COLUMN') ? at + 1 : at;
  if (isNameToken(tokens[column]) && isWord(tokens[column + 1], 'TO') && isNameToken(tokens[column + 2])) {
    const from = `${table}.${tokens[column].text}`;
    return `EXEC sp_rename ${quote(from)}, ${quote(identifierName(tokens[column + 2]))}, N'COLUMN';`;
  }
  return undefined;
}
