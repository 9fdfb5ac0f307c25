import type { Token } from '../sql/token.js';
import type {
  AlterTableActionNode,
  AlterTableNode,
  CheckNode,
  ColumnNode,
  ConstraintNode,
  CreateTableNode,
  ForeignKeyNode,
  IndexColumnNode,
  InlineIndexNode,
  KeyConstraintNode,
  TableElementNode,
} from './ast.js';
import type { TokenCursor } from './cursor.js';
import { parseDataType } from './data-type.js';
import { parseExpression, parseScalarExpression, type ExpressionOptions } from './expression.js';
import { parseName } from './names.js';

/**
 * CREATE TABLE and ALTER TABLE, with every column and table constraint form SQL Server's
 * CREATE TABLE reference lists. Storage clauses whose option grammar varies by version
 * (`WITH (...)` option lists) are checked for balance, not for option names.
 */
export function parseCreateTable(c: TokenCursor, options: ExpressionOptions): CreateTableNode {
  const first = c.expectWord('CREATE');
  c.expectWord('TABLE');
  const name = parseName(c);
  let elements: TableElementNode[];
  if (c.acceptWord('AS')) {
    // FileTable and graph forms with no column list: AS FILETABLE, AS EDGE (an edge with no attributes), AS NODE.
    c.expectWord('FILETABLE', 'EDGE', 'NODE');
    elements = [];
  } else {
    elements = parseTableElementList(c, options);
    if (c.acceptWord('AS')) c.expectWord('NODE', 'EDGE');
  }
  parseTableStorage(c);
  if (!c.done) throw c.error();
  return { kind: 'create table', first, last: c.previous!, name, elements };
}

/** `(column, constraint, INDEX ..., PERIOD FOR ...)`: CREATE TABLE's list, also used by table types and table variables. */
export function parseTableElementList(c: TokenCursor, options: ExpressionOptions): TableElementNode[] {
  const elements: TableElementNode[] = [];
  c.expect('(');
  elements.push(parseTableElement(c, options, 'create'));
  while (c.accept(',')) {
    if (c.at(')')) break; // SQL Server accepts a trailing comma before ')'
    elements.push(parseTableElement(c, options, 'create'));
  }
  c.expect(')');
  return elements;
}

/** `ON [PRIMARY]`, `TEXTIMAGE_ON [PRIMARY]`, `FILESTREAM_ON fg`, `WITH (DATA_COMPRESSION = PAGE)`, in any order. */
function parseTableStorage(c: TokenCursor): void {
  for (;;) {
    if (c.acceptWord('ON')) parseStorageTarget(c);
    else if (c.acceptWord('TEXTIMAGE_ON', 'FILESTREAM_ON')) parseStorageTarget(c);
    else if (c.atWord('WITH') && c.peek(1)?.text === '(') {
      c.next();
      c.skipParenthesized();
    } else return;
  }
}

/** A filegroup, `"default"`, or a partition scheme with its column: `ps_date (created_at)`. */
function parseStorageTarget(c: TokenCursor): void {
  const token = c.peek();
  // `ON PRIMARY` without brackets: unsure whether every version accepts it, so it is not reported.
  if (token && token.kind === 'word' && (token.upper === 'DEFAULT' || token.upper === 'PRIMARY')) c.next();
  else if (token && token.kind === 'string') c.next();
  else c.expectIdentifier();
  if (c.at('(')) {
    c.next();
    c.expectIdentifier();
    c.expect(')');
  }
}

// Word lists of the per-element tests below as Sets: one lookup instead of an array literal per test.
const TABLE_CONSTRAINT_WORDS: ReadonlySet<string> = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK']);
const COLUMN_CONSTRAINT_WORDS: ReadonlySet<string> = new Set(['PRIMARY', 'UNIQUE', 'FOREIGN', 'REFERENCES', 'CHECK']);

function parseTableElement(c: TokenCursor, options: ExpressionOptions, mode: 'create' | 'alter'): TableElementNode {
  const token = c.peek();
  if (token && token.kind === 'word') {
    const graphConnection = token.upper === 'CONNECTION' && c.peek(1)?.text === '('; // else a column named Connection
    if (TABLE_CONSTRAINT_WORDS.has(token.upper) || graphConnection) {
      return { kind: 'constraint', constraint: parseTableConstraint(c, options, mode) };
    }
    if (mode === 'alter' && token.upper === 'DEFAULT') {
      return { kind: 'constraint', constraint: parseTableConstraint(c, options, mode) };
    }
    if (token.upper === 'INDEX') return { kind: 'index', index: parseInlineIndex(c, options) };
    if (token.upper === 'PERIOD' && c.peek(1)?.upper === 'FOR') {
      c.pos += 2;
      c.expectWord('SYSTEM_TIME');
      c.expect('(');
      c.expectIdentifier();
      c.expect(',');
      c.expectIdentifier();
      const last = c.expect(')');
      return { kind: 'period', first: token, last };
    }
  }
  return { kind: 'column', column: parseColumnDefinition(c, options) };
}

/** A column definition; properties and column constraints may come in any order, as SQL Server allows. */
export function parseColumnDefinition(c: TokenCursor, options: ExpressionOptions): ColumnNode {
  const name = c.expectIdentifier();
  const column: ColumnNode = { name, first: name, last: name, constraints: [] };
  if (c.acceptWord('AS')) {
    const expression = parseExpression(c, options);
    column.computed = { expression, persisted: false };
  } else {
    column.type = parseDataType(c);
  }
  for (;;) {
    const token = c.peek();
    if (!token || token.kind !== 'word') break;
    const word = token.upper;
    if (word === 'PERSISTED' && column.computed) {
      c.next();
      column.computed.persisted = true;
    } else if (word === 'FILESTREAM' || word === 'SPARSE' || word === 'ROWGUIDCOL' || word === 'HIDDEN') {
      c.next();
    } else if (word === 'COLUMN_SET') {
      c.next();
      c.expectWord('FOR');
      c.expectWord('ALL_SPARSE_COLUMNS');
    } else if (word === 'COLLATE') {
      c.next();
      column.collation = c.expectIdentifier();
    } else if (word === 'MASKED' || word === 'ENCRYPTED') {
      c.next();
      c.expectWord('WITH');
      c.skipParenthesized();
    } else if (word === 'IDENTITY') {
      c.next();
      let seed = '1';
      let increment = '1';
      if (c.accept('(')) {
        seed = signedNumber(c);
        c.expect(',');
        increment = signedNumber(c);
        c.expect(')');
      }
      column.identity = { seed, increment, token };
    } else if (word === 'NOT' && c.peek(1)?.upper === 'FOR') {
      c.next();
      c.next();
      c.expectWord('REPLICATION');
    } else if (word === 'GENERATED') {
      c.next();
      c.expectWord('ALWAYS');
      c.expectWord('AS');
      c.expectWord('ROW', 'TRANSACTION_ID', 'SEQUENCE_NUMBER');
      c.expectWord('START', 'END');
    } else if (word === 'NULL') {
      c.next();
      column.nullable = true;
    } else if (word === 'NOT' && c.peek(1)?.upper === 'NULL') {
      c.pos += 2;
      column.nullable = false;
    } else if (word === 'INDEX') {
      parseColumnIndex(c);
    } else if (word === 'CONSTRAINT' || word === 'DEFAULT') {
      const constraintName = word === 'CONSTRAINT' ? (c.next(), c.expectIdentifier()) : undefined;
      const next = c.peek();
      if (next && next.kind === 'word' && next.upper === 'DEFAULT') {
        c.next();
        const expression = parseScalarExpression(c, options);
        column.default = { expression, name: constraintName, keyword: next };
        if (c.atWords('WITH', 'VALUES')) c.pos += 2;
      } else if (constraintName && next && next.kind === 'word' && next.upper === 'NULL') {
        c.next();
        column.nullable = true;
      } else if (constraintName && c.atWords('NOT', 'NULL')) {
        c.pos += 2;
        column.nullable = false;
      } else {
        column.constraints.push(parseColumnConstraint(c, options, constraintName));
      }
    } else if (COLUMN_CONSTRAINT_WORDS.has(word)) {
      column.constraints.push(parseColumnConstraint(c, options, undefined));
    } else break;
  }
  column.last = c.previous!;
  return column;
}

function signedNumber(c: TokenCursor): string {
  let sign = '';
  if (c.at('-') || c.at('+')) sign = c.next().text === '-' ? '-' : '';
  const token = c.peek();
  if (!token || token.kind !== 'number') throw c.error();
  c.next();
  return sign + token.text;
}

/** `INDEX ix_name [CLUSTERED | NONCLUSTERED] [WITH (...)] [ON fg]` written on a column. */
function parseColumnIndex(c: TokenCursor): void {
  c.expectWord('INDEX');
  c.expectIdentifier();
  c.acceptWord('CLUSTERED', 'NONCLUSTERED');
  c.acceptWord('HASH');
  parseIndexOptionsAndStorage(c);
}

function parseColumnConstraint(c: TokenCursor, options: ExpressionOptions, name: Token | undefined): ConstraintNode {
  const first = name ? c.tokens[c.pos - 2] : c.peek()!;
  const token = c.peek();
  if (!token || token.kind !== 'word') throw c.error();
  if (token.upper === 'PRIMARY' || token.upper === 'UNIQUE') {
    const key = parseKeyHead(c, first, name);
    parseIndexOptionsAndStorage(c);
    key.last = c.previous!;
    return key;
  }
  if (token.upper === 'FOREIGN' || token.upper === 'REFERENCES') {
    if (c.acceptWord('FOREIGN')) c.expectWord('KEY');
    return parseReferences(c, first, name, []);
  }
  if (token.upper === 'CHECK') return parseCheck(c, first, name, options);
  throw c.error();
}

function parseKeyHead(c: TokenCursor, first: Token, name: Token | undefined): KeyConstraintNode {
  const kind = c.acceptWord('PRIMARY') ? (c.expectWord('KEY'), 'primary key' as const) : (c.expectWord('UNIQUE'), 'unique' as const);
  const key: KeyConstraintNode = { kind, name, columns: [], first, last: c.previous! };
  if (c.acceptWord('CLUSTERED')) key.clustered = true;
  else if (c.acceptWord('NONCLUSTERED')) key.clustered = false;
  c.acceptWord('HASH');
  return key;
}

const LEGACY_INDEX_OPTIONS = new Set([
  'FILLFACTOR', 'PAD_INDEX', 'SORT_IN_TEMPDB', 'IGNORE_DUP_KEY', 'STATISTICS_NORECOMPUTE', 'DROP_EXISTING',
]);

/** `WITH (PAD_INDEX = OFF, ...)`, the old `WITH FILLFACTOR = 90`, then `ON [PRIMARY]`. */
function parseIndexOptionsAndStorage(c: TokenCursor): void {
  if (c.atWord('WITH')) {
    if (c.peek(1)?.text === '(') {
      c.next();
      c.skipParenthesized();
    } else if (c.peek(1)?.kind === 'word' && LEGACY_INDEX_OPTIONS.has(c.peek(1)!.upper)) {
      // The pre-2005 form without parentheses: WITH FILLFACTOR = 90, PAD_INDEX, IGNORE_DUP_KEY
      c.next();
      do {
        c.expectWordIn(LEGACY_INDEX_OPTIONS);
        if (c.accept('=')) {
          const value = c.next();
          if (value.kind !== 'number' && value.kind !== 'word') throw c.error();
        }
      } while (c.at(',') && c.peek(1)?.kind === 'word' && LEGACY_INDEX_OPTIONS.has(c.peek(1)!.upper) && c.accept(','));
    }
  }
  if (c.atWord('ON') && !(c.peek(1)?.upper === 'DELETE' || c.peek(1)?.upper === 'UPDATE')) {
    c.next();
    parseStorageTarget(c);
  }
}

function parseReferences(c: TokenCursor, first: Token, name: Token | undefined, columns: Token[]): ForeignKeyNode {
  c.expectWord('REFERENCES');
  const references = parseName(c);
  const referencedColumns: Token[] = [];
  if (c.accept('(')) {
    referencedColumns.push(c.expectIdentifier());
    while (c.accept(',')) referencedColumns.push(c.expectIdentifier());
    c.expect(')');
  }
  const foreignKey: ForeignKeyNode = { kind: 'foreign key', name, columns, references, referencedColumns, first, last: first };
  for (;;) {
    if (c.atWords('ON', 'DELETE')) {
      c.pos += 2;
      foreignKey.onDelete = referentialAction(c);
    } else if (c.atWords('ON', 'UPDATE')) {
      c.pos += 2;
      foreignKey.onUpdate = referentialAction(c);
    } else if (c.atWords('NOT', 'FOR', 'REPLICATION')) {
      c.pos += 3;
    } else break;
  }
  foreignKey.last = c.previous!;
  return foreignKey;
}

function referentialAction(c: TokenCursor): string {
  if (c.acceptWord('CASCADE')) return 'CASCADE';
  if (c.acceptWords('NO', 'ACTION')) return 'NO ACTION';
  if (c.acceptWord('SET')) return `SET ${c.expectWord('NULL', 'DEFAULT').upper}`;
  throw c.error();
}

function parseCheck(c: TokenCursor, first: Token, name: Token | undefined, options: ExpressionOptions): CheckNode {
  c.expectWord('CHECK');
  if (c.atWords('NOT', 'FOR', 'REPLICATION')) c.pos += 3;
  c.expect('(');
  const expression = parseExpression(c, options);
  c.expect(')');
  return { kind: 'check', name, expression, first, last: c.previous! };
}

function parseIndexColumns(c: TokenCursor): IndexColumnNode[] {
  c.expect('(');
  const columns: IndexColumnNode[] = [];
  do {
    const name = c.expectIdentifier();
    let descending = false;
    if (c.acceptWord('DESC')) descending = true;
    else c.acceptWord('ASC');
    columns.push({ name, descending });
  } while (c.accept(','));
  c.expect(')');
  return columns;
}

function parseTableConstraint(c: TokenCursor, options: ExpressionOptions, mode: 'create' | 'alter'): ConstraintNode {
  const first = c.peek()!;
  const name = c.acceptWord('CONSTRAINT') ? c.expectIdentifier() : undefined;
  const token = c.peek();
  if (!token || token.kind !== 'word') throw c.error();
  switch (token.upper) {
    case 'PRIMARY':
    case 'UNIQUE': {
      const key = parseKeyHead(c, first, name);
      key.columns = parseIndexColumns(c);
      parseIndexOptionsAndStorage(c);
      key.last = c.previous!;
      return key;
    }
    case 'FOREIGN': {
      c.next();
      c.expectWord('KEY');
      c.expect('(');
      const columns = [c.expectIdentifier()];
      while (c.accept(',')) columns.push(c.expectIdentifier());
      c.expect(')');
      return parseReferences(c, first, name, columns);
    }
    case 'CHECK':
      return parseCheck(c, first, name, options);
    case 'DEFAULT': {
      if (mode !== 'alter') throw c.error();
      c.next();
      const expression = parseScalarExpression(c, options);
      c.expectWord('FOR');
      const column = c.expectIdentifier();
      if (c.atWords('WITH', 'VALUES')) c.pos += 2;
      return { kind: 'default', name, expression, column, first, last: c.previous! };
    }
    case 'CONNECTION': {
      // Graph edge constraint: CONNECTION (a TO b, ...) [ON DELETE CASCADE]; kept out of the model.
      c.next();
      const group = c.skipParenthesized();
      if (c.atWords('ON', 'DELETE')) {
        c.pos += 2;
        referentialAction(c);
      }
      return { kind: 'check', name, expression: { first: group.open, last: group.close, builtinCalls: [] }, first, last: c.previous! };
    }
    default:
      throw c.error();
  }
}

/** `INDEX ix [UNIQUE] [CLUSTERED | NONCLUSTERED] (cols) [INCLUDE (...)] [WHERE ...] [WITH (...)] [ON fg]`, and columnstore forms. */
function parseInlineIndex(c: TokenCursor, options: ExpressionOptions): InlineIndexNode {
  const first = c.expectWord('INDEX');
  const name = c.expectIdentifier();
  const index: InlineIndexNode = { name, unique: false, columns: [], include: [], first, last: first };
  if (c.acceptWord('UNIQUE')) index.unique = true;
  if (c.acceptWord('CLUSTERED')) index.clustered = true;
  else if (c.acceptWord('NONCLUSTERED')) index.clustered = false;
  if (c.acceptWord('COLUMNSTORE')) {
    if (c.at('(')) index.columns = parseIndexColumns(c);
  } else {
    c.acceptWord('HASH');
    index.columns = parseIndexColumns(c);
  }
  if (c.acceptWord('INCLUDE')) index.include = parseNameList(c);
  if (c.acceptWord('WHERE')) index.where = parseExpression(c, options);
  parseIndexOptionsAndStorage(c);
  index.last = c.previous!;
  return index;
}

export function parseNameList(c: TokenCursor): Token[] {
  c.expect('(');
  const names = [c.expectIdentifier()];
  while (c.accept(',')) names.push(c.expectIdentifier());
  c.expect(')');
  return names;
}

export { parseIndexColumns, parseIndexOptionsAndStorage };

/**
 * ALTER TABLE: ADD (columns and constraints), WITH CHECK / NOCHECK, CHECK / NOCHECK
 * CONSTRAINT, ALTER COLUMN, DROP, ENABLE / DISABLE TRIGGER. Less common forms (SWITCH,
 * SET (...), REBUILD) are accepted as written: their grammar changes between versions.
 */
export function parseAlterTable(c: TokenCursor, options: ExpressionOptions): AlterTableNode {
  const first = c.expectWord('ALTER');
  c.expectWord('TABLE');
  const name = parseName(c);
  const actions: AlterTableActionNode[] = [];
  if (c.atWord('WITH') && c.peek(1)?.kind === 'word' && ['CHECK', 'NOCHECK'].includes(c.peek(1)!.upper)) c.pos += 2;
  const token = c.peek();
  if (!token || token.kind !== 'word') throw c.error();
  switch (token.upper) {
    case 'ADD': {
      c.next();
      do {
        const element = parseTableElement(c, options, 'alter');
        if (element.kind === 'column') actions.push({ kind: 'add column', column: element.column });
        else if (element.kind === 'constraint') actions.push({ kind: 'add constraint', constraint: element.constraint });
        else actions.push({ kind: 'other' });
      } while (c.accept(','));
      break;
    }
    case 'CHECK':
    case 'NOCHECK':
      c.next();
      c.expectWord('CONSTRAINT');
      if (!c.acceptWord('ALL')) {
        c.expectIdentifier();
        while (c.accept(',')) c.expectIdentifier();
      }
      actions.push({ kind: 'other' });
      break;
    case 'ALTER': {
      c.next();
      c.expectWord('COLUMN');
      const columnName = c.expectIdentifier();
      if (c.atWord('ADD', 'DROP')) {
        c.next();
        if (c.atWords('NOT', 'FOR', 'REPLICATION')) c.pos += 3;
        else if (c.acceptWord('MASKED')) {
          if (c.acceptWord('WITH')) c.skipParenthesized();
        } else c.expectWord('ROWGUIDCOL', 'PERSISTED', 'SPARSE', 'HIDDEN');
        actions.push({ kind: 'other' });
      } else {
        const action: AlterTableActionNode = { kind: 'alter column', name: columnName, type: parseDataType(c) };
        for (;;) {
          if (c.acceptWord('COLLATE')) action.collation = c.expectIdentifier();
          else if (c.acceptWord('NULL')) action.nullable = true;
          else if (c.acceptWords('NOT', 'NULL')) action.nullable = false;
          else if (c.acceptWord('SPARSE', 'HIDDEN', 'ROWGUIDCOL')) continue;
          else if (c.atWord('ENCRYPTED', 'MASKED')) {
            c.next();
            c.expectWord('WITH');
            c.skipParenthesized();
          } else break;
        }
        if (c.atWord('WITH') && c.peek(1)?.text === '(') {
          c.next();
          c.skipParenthesized();
        }
        actions.push(action);
      }
      break;
    }
    case 'DROP': {
      c.next();
      const dropped: { kind: 'drop'; columns: Token[]; constraints: Token[] } = { kind: 'drop', columns: [], constraints: [] };
      let list = dropped.constraints; // CONSTRAINT is the default, and a keyword carries over to the names after it
      do {
        if (c.acceptWords('PERIOD', 'FOR', 'SYSTEM_TIME')) continue;
        if (c.acceptWord('CONSTRAINT')) list = dropped.constraints;
        else if (c.acceptWord('COLUMN')) list = dropped.columns;
        if (c.atWords('IF', 'EXISTS')) c.pos += 2;
        list.push(c.expectIdentifier());
        if (c.atWord('WITH') && c.peek(1)?.text === '(') {
          c.next();
          c.skipParenthesized();
        }
      } while (c.accept(','));
      actions.push(dropped);
      break;
    }
    case 'ENABLE':
    case 'DISABLE':
      c.next();
      if (c.acceptWord('TRIGGER')) {
        if (!c.acceptWord('ALL')) {
          c.expectIdentifier();
          while (c.accept(',')) c.expectIdentifier();
        }
      } else {
        c.expectWord('CHANGE_TRACKING');
        if (c.atWord('WITH') && c.peek(1)?.text === '(') {
          c.next();
          c.skipParenthesized();
        }
      }
      actions.push({ kind: 'other' });
      break;
    case 'SWITCH':
    case 'SET':
    case 'REBUILD':
    case 'SPLIT':
    case 'MERGE':
      c.pos = c.end;
      actions.push({ kind: 'other' });
      break;
    default:
      throw c.error();
  }
  if (!c.done) throw c.error();
  return { kind: 'alter table', first, last: c.previous!, name, actions };
}
