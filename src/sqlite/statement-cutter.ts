import type { SourceText } from '../sql/source-text.js';
import { blankBackToLineStart } from '../sql/blanks.js';
import { isPunctuation, type Token } from '../sql/token.js';

/** A piece of a SQLite file as SQLite itself would read it. */
export type SqlitePiece =
  | { kind: 'sql'; tokens: readonly Token[] }
  /** A line of the sqlite3 shell (`.read x.sql`, `.mode csv`): not SQL, the library rejects it. */
  | { kind: 'shell-command'; tokens: Token[]; name: string };

/**
 * Cuts the splitter's statements where SQLite ends a statement, so that the engine sees
 * exactly the statements an application would hand it.
 *
 * The project's splitter keeps a `;` inside parentheses in the statement (helpful for rules,
 * which then see one broken statement), but SQLite ends a statement at every `;` outside a
 * trigger body: `CREATE TABLE a (x INT;` is one failed statement and the next line starts a
 * new one. The rule SQLite applies is the one `sqlite3_complete()` documents: a `;` ends the
 * statement, except after `CREATE [TEMP] TRIGGER`, where only a `;` that follows `END` that
 * follows `;` does. The state machine below implements that rule over significant tokens.
 *
 * sqlite3 shell dot-commands are recognised where a statement may start: a `.` that is the
 * first character of its line; the command runs to the end of that line.
 */
export class StatementCutter {
  /** A shell command's line may have been split by the splitter at a `;`: skip its rest. */
  private shellLineEnd = -1;
  /**
   * A statement SQLite has not ended yet waits for the splitter's next statement, because
   * SQLite reads on to the next `;`: the splitter ends a statement before a GO line
   * (`SELECT * FROM t` + `GO` is one valid statement to SQLite, GO being an alias) and may
   * end a trigger early (at a column named `end`). The next statement's tokens are appended to
   * it and reading goes on from where it stopped, in `pendingState`: copying and reading it again
   * from its start per statement made a trigger whose body sets a column named `end` 8,000 times
   * take 15.4 s, and 8,000 GO-separated lines without `;` 4.0 s.
   */
  private pending: Token[] = [];
  private pendingState: CompletionState = 'start';

  constructor(private readonly source: SourceText) {}

  cut(statementTokens: readonly Token[]): SqlitePiece[] {
    const pieces: SqlitePiece[] = [];
    let tokens: readonly Token[] = statementTokens;
    let state: CompletionState = 'start';
    // The piece being read is tokens[pieceStart..i], sliced once it ends (usually the whole statement, which is then passed on as it is).
    let pieceStart = -1;
    let i = 0;
    // The cutter's own array, which it may keep appending to (the splitter's it must not change).
    const owned = this.pending.length > 0 ? this.pending : undefined;
    if (owned) {
      // The waiting statement goes on: read on from where it stopped.
      pieceStart = 0;
      i = owned.length;
      state = this.pendingState;
      for (const token of statementTokens) owned.push(token);
      tokens = owned;
    }
    this.pending = [];
    this.pendingState = 'start';
    while (i < tokens.length) {
      const token = tokens[i];
      if (pieceStart < 0) {
        // Tokens come in file order, so the rest of a shell command's line can only come before a piece starts.
        if (token.start < this.shellLineEnd) {
          i++;
          continue;
        }
        if (this.isShellCommandStart(token)) {
          const lineEnd = this.source.lineEnd(this.source.positionAt(token.start).line);
          const command: Token[] = [];
          while (i < tokens.length && tokens[i].start < lineEnd) command.push(tokens[i++]);
          this.shellLineEnd = lineEnd;
          const name = command[1] && command[1].start === token.end ? `.${command[1].text}` : '.';
          pieces.push({ kind: 'shell-command', tokens: command, name });
          continue;
        }
        pieceStart = i;
      }
      // In a plain statement only a `;` changes the state: most tokens of a file, read without classifying them.
      if (state === 'normal') {
        if (isPunctuation(token, ';')) state = 'start';
      } else {
        state = advance(state, classify(token));
      }
      if (state === 'start' && isPunctuation(token, ';')) {
        pieces.push({ kind: 'sql', tokens: pieceStart === 0 && i === tokens.length - 1 ? tokens : tokens.slice(pieceStart, i + 1) });
        pieceStart = -1;
      }
      i++;
    }
    if (pieceStart >= 0) {
      this.pending = pieceStart === 0 && owned ? owned : tokens.slice(pieceStart);
      this.pendingState = state;
    }
    return pieces;
  }

  /** At the end of the file: what no `;` ended is the file's last statement. */
  finish(): SqlitePiece[] {
    const rest = this.pending;
    this.pending = [];
    this.pendingState = 'start';
    return rest.length > 0 ? [{ kind: 'sql', tokens: rest }] : [];
  }

  private isShellCommandStart(token: Token): boolean {
    // Not a slice of the line trimmed: a long indent before many `.` tokens was copied and read again per token.
    return isPunctuation(token, '.') && blankBackToLineStart(this.source.text, token.start);
  }
}

type CompletionState = 'start' | 'normal' | 'explain' | 'create' | 'trigger' | 'semi' | 'end';
type CompletionToken = 'semi' | 'other' | 'explain' | 'create' | 'temp' | 'trigger' | 'end';

function classify(token: Token): CompletionToken {
  if (isPunctuation(token, ';')) return 'semi';
  if (token.kind !== 'word') return 'other';
  switch (token.upper) {
    case 'EXPLAIN':
      return 'explain';
    case 'CREATE':
      return 'create';
    case 'TEMP':
    case 'TEMPORARY':
      return 'temp';
    case 'TRIGGER':
      return 'trigger';
    case 'END':
      return 'end';
    default:
      return 'other';
  }
}

/** The transitions of sqlite3_complete(), without its whitespace class (tokens here are significant). */
function advance(state: CompletionState, token: CompletionToken): CompletionState {
  switch (state) {
    case 'start':
    case 'normal':
      if (token === 'semi') return 'start';
      if (state === 'normal') return 'normal';
      if (token === 'explain') return 'explain';
      if (token === 'create') return 'create';
      return 'normal';
    case 'explain':
      if (token === 'semi') return 'start';
      if (token === 'other') return 'explain';
      if (token === 'create') return 'create';
      return 'normal';
    case 'create':
      if (token === 'semi') return 'start';
      if (token === 'temp') return 'create';
      if (token === 'trigger') return 'trigger';
      return 'normal';
    case 'trigger':
      return token === 'semi' ? 'semi' : 'trigger';
    case 'semi':
      if (token === 'semi') return 'semi';
      if (token === 'end') return 'end';
      return 'trigger';
    case 'end':
      return token === 'semi' ? 'start' : 'trigger';
  }
}
