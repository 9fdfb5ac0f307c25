import { defineRule } from '../../src/engine/rule.js';
import type { SourceText } from '../../src/sql/source-text.js';
import type { Statement } from '../../src/sql/statement.js';
import type { Token } from '../../src/sql/token.js';

/**
 * The statements SQL Server only accepts as the first statement of a batch (Msg 111), with
 * the name its message gives them. A procedure's, view's or trigger's body runs to the end
 * of its batch, so anything before it in the batch makes the CREATE fail.
 */
const FIRST_IN_BATCH: Record<string, string> = {
  'create view': 'CREATE VIEW',
  'alter view': 'ALTER VIEW',
  'create procedure': 'CREATE/ALTER PROCEDURE',
  'alter procedure': 'CREATE/ALTER PROCEDURE',
  'create function': 'CREATE FUNCTION',
  'alter function': 'ALTER FUNCTION',
  'create trigger': 'CREATE TRIGGER',
  'alter trigger': 'ALTER TRIGGER',
  'create schema': 'CREATE SCHEMA',
  'create default': 'CREATE DEFAULT',
  'create rule': 'CREATE RULE',
};

/** Statements that CREATE SCHEMA takes as its own elements when no `;` separates them. */
const SCHEMA_ELEMENTS = new Set(['create table', 'create view', 'grant', 'revoke', 'deny']);

export default defineRule({
  meta: {
    id: 'tsql/batch-first-statement',
    description: 'Require CREATE VIEW / PROCEDURE / FUNCTION / TRIGGER / SCHEMA to be the first statement of a batch.',
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      notFirst: "'{{statement}}' must be the first statement in a query batch.",
    },
    help: {
      notFirst: 'Put a GO line before it, so that it starts a batch of its own.',
    },
  },
  create(context) {
    /** The file's line break for the GO line, found at the first report: searching the file per report made it quadratic. */
    let lineBreak: string | undefined;
    let statementsInBatch = 0;
    /** The batch began with CREATE SCHEMA and every statement since has been one of its elements. */
    let inSchemaElements = false;
    let previous: Statement | undefined;
    /** What a statement leaves for the next: its place in the batch and whether CREATE SCHEMA's elements go on. */
    const passed = (statement: Statement, kind: string | undefined, elementOfSchema: boolean): void => {
      inSchemaElements = statementsInBatch === 0 ? kind === 'create schema' : elementOfSchema;
      statementsInBatch++;
      previous = statement;
    };
    /** The statement is one more element of the CREATE SCHEMA that opened the batch (no `;` before it). */
    const isElementOfSchema = (statement: Statement, kind: string | undefined): boolean =>
      inSchemaElements && previous !== undefined && !previous.terminated && SCHEMA_ELEMENTS.has(kind ?? statement.kind);
    return {
      statement(statement) {
        if (statement.kind === 'go') {
          statementsInBatch = 0;
          inSchemaElements = false;
          previous = undefined;
          return;
        }
        if (statement.tokens.length === 1 && statement.tokens[0].text === ';') return;
        const kind = batchKind(statement);
        const elementOfSchema = isElementOfSchema(statement, kind);
        if (kind && statementsInBatch > 0 && !elementOfSchema) {
          const first = statement.tokens[0];
          context.report({
            node: first,
            endNode: objectToken(statement) ?? first,
            messageId: 'notFirst',
            data: { statement: FIRST_IN_BATCH[kind] },
            suggest: goSuggestion(statement, context.source, (lineBreak ??= context.source.text.includes('\r\n') ? '\r\n' : '\n')),
          });
        }
        passed(statement, kind, elementOfSchema);
      },
      /**
       * Not judged (only its leading and latest tokens are kept), but it is in the batch: a CREATE
       * VIEW after it is not the batch's first statement. Its leading tokens say what it is, so
       * one that is an element of a CREATE SCHEMA leaves the elements after it elements too.
       */
      oversized(statement) {
        const kind = batchKind(statement);
        passed(statement, kind, isElementOfSchema(statement, kind));
      },
    };
  },
});

/** The key of FIRST_IN_BATCH this statement is, if any (`CREATE XML SCHEMA COLLECTION` is not CREATE SCHEMA). */
function batchKind(statement: Statement): string | undefined {
  // Own keys only: a statement of kind `constructor` must not find Object.prototype's.
  if (!Object.hasOwn(FIRST_IN_BATCH, statement.kind)) return undefined;
  if (statement.kind === 'create schema' && statement.tokens[1]?.upper !== 'SCHEMA') return undefined;
  return statement.kind;
}

/** The object word (`VIEW`, `PROCEDURE`): the report spans `CREATE [OR ALTER] VIEW`. */
function objectToken(statement: Statement): Token | undefined {
  return statement.tokens.slice(1, 4).find((token) => token.kind === 'word' && !['OR', 'ALTER'].includes(token.upper)) ?? statement.tokens[1];
}

/**
 * A GO line before the statement, when it stands at the top level (inside IF ... BEGIN a GO
 * would cut the block) and nothing but blanks stands before it on its line. The line's start
 * comes from the line index and the blanks are read backwards from the statement, so a file of
 * many statements on one line costs no more per report than a file of one a line.
 */
function goSuggestion(
  statement: Statement,
  source: SourceText,
  lineBreak: string,
): { desc: string; fix: { range: [number, number]; text: string } }[] | undefined {
  if (statement.depth > 0 || statement.inRoutine) return undefined;
  const lineStart = source.lineStarts[source.positionAt(statement.start).line - 1];
  for (let i = statement.start - 1; i >= lineStart; i--) if (!BLANK.test(source.text[i])) return undefined;
  return [{ desc: 'Insert a GO line before this statement.', fix: { range: [lineStart, lineStart], text: `GO${lineBreak}` } }];
}

/** What String.prototype.trim takes away: white space and line terminators. */
const BLANK = /\s/;
