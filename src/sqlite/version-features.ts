import { isPunctuation, isWord, type Token } from '../sql/token.js';
import { directlyInsideParens } from '../sql/inside-parens.js';
import { memoizeLast } from '../sql/statement-memo.js';
import { indexAfter, type SkippedTokens } from './literal-rows.js';

/**
 * The engine here is a recent SQLite (sql.js 1.16 carries 3.5x), but the files it judges run
 * on whatever SQLite the application links: Debian 12's 3.40, Ubuntu 22.04's 3.37, an
 * Android device's. A statement that uses something newer than the target compiles here and
 * fails there, so the newer constructs are looked for explicitly, and reported in the words
 * the older SQLite uses.
 */

/** `3.40` by default: Debian 12's libsqlite3, the oldest SQLite of a supported mainstream distribution. */
export const DEFAULT_TARGET_SQLITE_VERSION = '3.40';

export interface NewerFeature {
  /** What the older SQLite says about it. */
  reason: string;
  /** The first SQLite version that accepts it. */
  since: string;
  /** What it is, for the help line: `concat()`, `ORDER BY inside an aggregate`. */
  feature: string;
  start: number;
  end: number;
}

/** Built-in functions added after 3.37, with the release that added them. */
const FUNCTIONS_SINCE: Record<string, string> = {
  unixepoch: '3.38',
  format: '3.38',
  unhex: '3.41',
  json_error_position: '3.42',
  octet_length: '3.43',
  timediff: '3.43',
  concat: '3.44',
  concat_ws: '3.44',
  string_agg: '3.44',
  jsonb: '3.45',
  jsonb_array: '3.45',
  jsonb_object: '3.45',
  jsonb_extract: '3.45',
  jsonb_insert: '3.45',
  jsonb_patch: '3.45',
  jsonb_remove: '3.45',
  jsonb_replace: '3.45',
  jsonb_set: '3.45',
  jsonb_group_array: '3.45',
  jsonb_group_object: '3.45',
  json_pretty: '3.46',
  unistr: '3.50',
  unistr_quote: '3.50',
};

/** Aggregates that accept `ORDER BY` among their arguments since 3.44. */
const ORDERED_AGGREGATES = new Set([
  'group_concat', 'string_agg', 'json_group_array', 'json_group_object', 'jsonb_group_array', 'jsonb_group_object',
]);

/** Words after which `name(` is a function call in an expression, not a table or column name. */
const EXPRESSION_LEADERS = new Set([
  'SELECT', 'WHERE', 'AND', 'OR', 'NOT', 'THEN', 'ELSE', 'WHEN', 'CASE', 'HAVING', 'BY', 'RETURNING', 'DISTINCT',
  'ALL', 'IS', 'LIKE', 'GLOB', 'BETWEEN', 'IN', 'RAISE',
]);

/** Parses `3.40`, `3.40.1` into a comparable number; undefined when it is not a version. */
export function parseSqliteVersion(text: string): number | undefined {
  const match = /^\s*3\.(\d{1,3})(?:\.\d+)?\s*$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** `latest`: the files run on a current SQLite, so nothing newer than the engine here is looked for. */
export const LATEST_SQLITE = 'latest';

/**
 * Constructs in the statement that SQLite versions before `target` reject. `skip`: tokens read
 * past, an INSERT's literal rows after the first (see literal-rows.ts): plain decimal numbers,
 * strings, blobs and NULL between `(`, `,` and `)` hold neither a call nor a digit separator.
 */
export function findNewerFeatures(tokens: readonly Token[], target: string, skip?: SkippedTokens): readonly NewerFeature[] {
  if (target === LATEST_SQLITE) return NONE_FOUND;
  const newer = newerThan(target);
  // Made for the rare statement that has one: the rest share NONE_FOUND.
  let found: NewerFeature[] | undefined;
  let unresolved: ((index: number) => boolean) | undefined;
  const digitSeparators = newer('3.46');
  for (let i = 0; i < tokens.length; i = indexAfter(i, skip)) {
    const token = tokens[i];
    if (token.kind === 'number' && digitSeparators) {
      const next = tokens[i + 1];
      if (next && next.start === token.end && next.kind === 'word' && /^_\d/.test(next.text)) {
        const literal = token.text + next.text;
        (found ??= []).push({
          reason: `unrecognized token: "${literal}"`,
          since: '3.46',
          feature: 'a digit separator in a number',
          start: token.start,
          end: next.end,
        });
      }
      continue;
    }
    if (token.kind !== 'word' || !isPunctuation(tokens[i + 1], '(') || !isExpressionPosition(tokens[i - 1])) continue;
    const name = token.text.toLowerCase();
    const since = FUNCTIONS_SINCE[name];
    if (since !== undefined && newer(since) && !(unresolved ??= unresolvedUntilUse(tokens))(i)) {
      (found ??= []).push({ reason: `no such function: ${token.text}`, since, feature: `${name}()`, start: token.start, end: token.end });
    } else if (ORDERED_AGGREGATES.has(name) && newer('3.44')) {
      const at = orderByInsideCalls(tokens)[i + 1];
      const order = at >= 0 ? tokens[at] : undefined;
      if (order) {
        (found ??= []).push({
          reason: 'near "ORDER": syntax error',
          since: '3.44',
          feature: `ORDER BY inside ${name}()`,
          start: order.start,
          end: order.end,
        });
      }
    }
  }
  return found ?? NONE_FOUND;
}

const NONE_FOUND: readonly NewerFeature[] = Object.freeze([]);

/**
 * Every statement is checked against the same target: its answers are kept per target, by its
 * minor version, the only part compared. Kept by the option's text, as they were, every
 * spelling of a target (`3.40.1`, `3.40.2`, ` 3.40`) added an entry for the life of the
 * process: an editor that lints with configs of changing targets grew the table by one entry
 * per spelling. By minor version there are at most a thousand (parseSqliteVersion reads 1 to 3 digits).
 */
const NEWER_THAN = new Map<number, (since: string) => boolean>();
/** The target asked about last and its answers: a file asks once per statement, always with the same text. */
let lastTarget: { text: string; newer: (since: string) => boolean } | undefined;

/** Whether a feature added in `since` is newer than `target`; one function per target minor version, shared. */
export function newerThan(target: string): (since: string) => boolean {
  if (lastTarget?.text === target) return lastTarget.newer;
  const targetMinor = parseSqliteVersion(target) ?? (parseSqliteVersion(DEFAULT_TARGET_SQLITE_VERSION) as number);
  let newer = NEWER_THAN.get(targetMinor);
  if (!newer) {
    const answers = new Map<string, boolean>();
    newer = (since) => {
      let answer = answers.get(since);
      if (answer === undefined) answers.set(since, (answer = (parseSqliteVersion(since) as number) > targetMinor));
      return answer;
    };
    NEWER_THAN.set(targetMinor, newer);
  }
  lastTarget = { text: target, newer };
  return newer;
}

/**
 * SQLite resolves function names when a statement is compiled, but a view's query, a
 * trigger's body and a column's DEFAULT expression are only compiled when they are used:
 * an unknown function there does not make the CREATE fail, so it is not reported there.
 */
function unresolvedUntilUse(tokens: readonly Token[]): (index: number) => boolean {
  let i = 1;
  while (isWord(tokens[i], 'TEMP', 'TEMPORARY')) i++;
  if (isWord(tokens[0], 'CREATE') && isWord(tokens[i], 'VIEW', 'TRIGGER')) return () => true;
  const ranges: [number, number][] = [];
  for (let j = 0; j < tokens.length; j++) {
    if (!isWord(tokens[j], 'DEFAULT') || !isPunctuation(tokens[j + 1], '(')) continue;
    let depth = 0;
    let k = j + 1;
    for (; k < tokens.length; k++) {
      if (isPunctuation(tokens[k], '(')) depth++;
      else if (isPunctuation(tokens[k], ')') && --depth === 0) break;
    }
    ranges.push([j + 1, k]);
    j = k;
  }
  // The ranges are in order and apart: only the last one starting before `index` can hold it.
  // (Asking every range per call made a table of 80,000 DEFAULT (concat(...)) columns take 9.4 s.)
  return (index) => {
    let low = 0;
    let high = ranges.length - 1;
    let last = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (ranges[middle][0] < index) {
        last = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return last >= 0 && index < ranges[last][1];
  };
}

function isExpressionPosition(previous: Token | undefined): boolean {
  if (!previous) return false;
  if (previous.kind === 'operator') return true;
  if (isPunctuation(previous, '(') || isPunctuation(previous, ',')) return true;
  return previous.kind === 'word' && EXPRESSION_LEADERS.has(previous.upper);
}

/**
 * For each `(` of a token list, the first `ORDER BY`'s ORDER directly inside its parentheses
 * (not in a nested subquery or call), or -1; an unclosed `(` runs to the end of the list. Made
 * in one pass per list: a scan of each call's parentheses made nested group_concat( calls
 * quadratic (32,000: 5.0 s).
 */
export const orderByInsideCalls = memoizeLast((tokens: readonly Token[]): Int32Array =>
  directlyInsideParens(tokens, (index) => isWord(tokens[index], 'ORDER') && isWord(tokens[index + 1], 'BY'), 'first'),
);
