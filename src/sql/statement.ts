import type { Token } from './token.js';

/**
 * One statement of a file, as the splitter found it. T-SQL control flow is kept flat:
 * `IF <condition>`, `ELSE`, `BEGIN` and `END` are statements of their own and the statements
 * they govern follow with a larger `depth`, so a rule sees every `CREATE TABLE` whether it is
 * guarded by an `IF` or not. A T-SQL `GO` line is a statement of kind `go`.
 */
export interface Statement {
  /** 0-based position among the file's statements. */
  index: number;
  /** Significant tokens (no whitespace or comments), including a terminating `;`. */
  tokens: Token[];
  /** Offset of the first token and one past the last. */
  start: number;
  end: number;
  /** 0-based batch number: T-SQL GO lines start a new batch. */
  batch: number;
  /** Nesting depth inside BEGIN…END blocks and routine bodies. */
  depth: number;
  /** A lower-case classification such as `create table`, `alter table`, `insert`, `if`, `go`. */
  kind: string;
  /** True inside a T-SQL procedure, function or trigger body. */
  inRoutine: boolean;
  /** True when the statement ends with a `;`. */
  terminated: boolean;
  /**
   * Set when the statement ran past MAX_STATEMENT_TOKENS (splitter.ts): `tokens` holds only some
   * of its tokens (the leading ones and the latest); `start` and `end` still span all of it.
   * Nothing reads it as SQL: the linter reports it and hands it only to rules' `oversized`
   * visitors, which count it where it stands.
   */
  oversized?: boolean;
}

const OBJECT_MODIFIERS = new Set([
  'UNIQUE', 'CLUSTERED', 'NONCLUSTERED', 'TEMP', 'TEMPORARY', 'VIRTUAL', 'COLUMNSTORE', 'XML', 'SPATIAL',
  'FULLTEXT', 'PRIMARY', 'MATERIALIZED',
]);
const SYNONYMS: Record<string, string> = { PROC: 'procedure', EXECUTE: 'exec', TRAN: 'transaction' };

const BLOCK_QUALIFIERS = new Set(['TRY', 'CATCH', 'TRAN', 'TRANSACTION', 'DISTRIBUTED', 'DIALOG', 'CONVERSATION']);

/**
 * Kinds already made, by verb and then by the word after it. The splitter classifies a
 * statement while it grows and every rule compares kinds, so handing out one string per kind
 * spares building the same strings again and again (a T-SQL file has hundreds of thousands of
 * statements and a few dozen kinds). Bounded: a file of odd words cannot grow it without limit.
 */
const KINDS = new Map<string, Map<string, string>>();
const MAX_KINDS = 4096;
let kindCount = 0;

function kindOf(verbWord: string, objectWord: string): string {
  let byObject = KINDS.get(verbWord);
  if (byObject === undefined) {
    byObject = new Map();
    if (kindCount < MAX_KINDS) KINDS.set(verbWord, byObject);
  }
  let kind = byObject.get(objectWord);
  if (kind === undefined) {
    const verb = SYNONYMS[verbWord] ?? verbWord.toLowerCase();
    kind = objectWord === '' ? verb : `${verb} ${SYNONYMS[objectWord] ?? objectWord.toLowerCase()}`;
    if (kindCount < MAX_KINDS) {
      byObject.set(objectWord, kind);
      kindCount++;
    }
  }
  return kind;
}

/**
 * Filled in by classifyStatement: whether its answer is final for the statement, so that the
 * splitter, which classifies a statement while it grows, can keep the kind instead of asking again.
 */
export interface ClassificationState {
  settled: boolean;
}

/**
 * Classifies a statement by its leading words: `create table`, `create or alter procedure` →
 * `create procedure`. With `state`, also tells whether no token added after `tokens` could
 * change the answer: the words it reads are all there.
 */
export function classifyStatement(tokens: readonly Token[], state?: ClassificationState): string {
  const first = tokens[0];
  if (state) state.settled = first !== undefined;
  if (!first) return 'empty';
  if (first.kind === 'batch-separator') return 'go';
  if (first.kind !== 'word') return 'unknown';
  const verb = first.upper;
  if (verb === 'CREATE' || verb === 'ALTER' || verb === 'DROP') {
    let i = 1;
    const or = tokens[1]?.upper === 'OR';
    if (or && (tokens[2]?.upper === 'ALTER' || tokens[2]?.upper === 'REPLACE')) i += 2;
    while (tokens[i] && OBJECT_MODIFIERS.has(tokens[i].upper)) i++;
    // Unsettled while the object word is still to come, or an OR waits for its ALTER or REPLACE.
    if (state) state.settled = i < tokens.length && !(or && tokens.length < 3);
    const object = tokens[i];
    return kindOf(verb, object?.kind === 'word' ? object.upper : '');
  }
  if (verb === 'BEGIN' || verb === 'END') {
    if (state) state.settled = tokens.length >= 2;
    const second = tokens[1];
    if (second?.kind === 'word' && BLOCK_QUALIFIERS.has(second.upper)) return kindOf(verb, second.upper);
  }
  return kindOf(verb, '');
}

