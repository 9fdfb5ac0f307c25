import type { DataType } from '../model/schema.js';
import { formatType, toSqliteType, toTsqlType, typeFamily, type TypeFamily } from '../model/type-mapping.js';
import type { Dialect } from '../sql/dialect.js';
import type { Token } from '../sql/token.js';
import { functionResultKind, LONGEST_IDIOM, translateCall, translateIdiom } from './functions.js';
import { checkSearchConditions } from './search-conditions.js';
import { isReservedIn, quoteName, stringLiteral } from './identifiers.js';
import { buildTree, isSignificant, shallowSignatureOf, signatureOf, signatureWithin, splitArguments, type GroupNode, type TreeNode } from './token-tree.js';

/**
 * Translates an expression or a query (a DEFAULT, a CHECK, a computed column, an index
 * predicate, a view's SELECT, a seed value) from one dialect into the other, token by token
 * over a tree of parenthesised groups. It rewrites what has a single right answer (quoting,
 * N'..', 0x.., TRUE/FALSE, `==`, known functions, `+` ↔ `||` where the operand types are
 * known) and refuses everything else with a reason: a refused expression is reported and
 * its object left out, never written half-translated.
 */
export type ExpressionPosition = 'default' | 'check' | 'computed' | 'predicate' | 'query' | 'value';

export interface NameLookup {
  /** True when the schema defines a column or table of that name. */
  isKnown(name: string): boolean;
  /** The type family of a column of that name, when the expression's context knows it. */
  familyOf(name: string): TypeFamily | undefined;
}

export interface ExpressionOptions {
  from: Dialect;
  to: Dialect;
  position: ExpressionPosition;
  names: NameLookup;
}

export type Translation = { ok: true; text: string } | { ok: false; reason: string; offset: number };

class Unsupported extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

export function translateExpression(text: string, options: ExpressionOptions): Translation {
  try {
    const tree = buildTree(text, options.from);
    let bare = new Map<Token, string>();
    let dropped = new Set<Token>();
    if (options.from === 'sqlite' && options.to === 'tsql') {
      const context = options.position === 'check' || options.position === 'predicate' ? 'condition' : options.position === 'query' ? 'query' : 'value';
      const check = checkSearchConditions(tree, context, (name) => options.names.familyOf(name));
      if (!check.ok) return check;
      ({ bare, dropped } = check);
    }
    const translator = new Translator(options, bare, dropped);
    const source = options.from === 'tsql' && options.position === 'query' ? rewriteEqualsAliases(tree) : tree;
    return { ok: true, text: translator.emit(source, { inOver: false }).trim() };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, reason: error.reason, offset: error.offset };
    // The translator recurses once per parenthesised group: about 1,300 nested calls overflow the
    // stack, and "Maximum call stack size exceeded" did not tell the user what was wrong with the input.
    if (isStackOverflow(error)) return { ok: false, reason: 'its parentheses nest too deep to translate', offset: 0 };
    return { ok: false, reason: `cannot translate: ${(error as Error).message}`, offset: 0 };
  }
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && error.message.includes('call stack');
}

type OperandKind = 'text' | 'number' | 'datetime' | 'null' | 'unknown';

/** Words that may stand before `(` without being a function name. */
const NOT_FUNCTIONS = new Set([
  'AND', 'OR', 'NOT', 'IN', 'EXISTS', 'AS', 'ON', 'WHERE', 'SELECT', 'FROM', 'JOIN', 'BY', 'WHEN', 'THEN', 'ELSE',
  'CASE', 'IS', 'LIKE', 'BETWEEN', 'VALUES', 'OVER', 'HAVING', 'UNION', 'ALL', 'DISTINCT', 'CHECK', 'WITH', 'ESCAPE',
  'INTERSECT', 'EXCEPT', 'END', 'ANY', 'SOME', 'NULL', 'USING', 'FILTER', 'RECURSIVE', 'INTO', 'SET', 'RETURN', 'TOP',
]);

/** T-SQL words with no SQLite form in an expression or a view. */
const TSQL_ONLY_WORDS = new Set([
  'TOP', 'APPLY', 'PIVOT', 'UNPIVOT', 'OUTPUT', 'NOLOCK', 'OPTION', 'TABLESAMPLE', 'PERCENT', 'FOR', 'INTO',
  'CONTAINS', 'FREETEXT', 'SYSTEM_USER', 'CURRENT_USER', 'SESSION_USER', 'USER', 'OFFSET', 'FETCH', 'SOME', 'ANY',
  // An edge table's CONNECTION (a TO b) constraint, which the T-SQL model keeps among the checks.
  'TO',
]);

/** SQLite words with no T-SQL form in an expression or a view. */
const SQLITE_ONLY_WORDS = new Set([
  'LIMIT', 'OFFSET', 'GLOB', 'REGEXP', 'MATCH', 'NATURAL', 'USING', 'RECURSIVE', 'RAISE', 'NULLS', 'INDEXED',
  'FILTER', 'WINDOW', 'RETURNING', 'ROWID', '_ROWID_', 'OID', 'INTO',
]);

/** Keywords that shape a query; a bare one is never a name, even when a column is called that. */
const STRUCTURAL_WORDS = new Set([
  'SELECT', 'FROM', 'WHERE', 'ORDER', 'BY', 'GROUP', 'HAVING', 'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'LIKE', 'BETWEEN',
  'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'AS', 'ON', 'JOIN', 'LEFT', 'RIGHT', 'INNER', 'OUTER', 'CROSS', 'FULL', 'UNION',
  'ALL', 'DISTINCT', 'EXISTS', 'ASC', 'DESC', 'COLLATE', 'ESCAPE', 'WITH', 'OVER', 'PARTITION', 'EXCEPT', 'INTERSECT',
]);

class Translator {
  constructor(
    private readonly options: ExpressionOptions,
    /** SQLite conditions that are bare values, and the comparison that makes each a SQL Server predicate. */
    private readonly bareConditions: ReadonlyMap<Token, string> = new Map(),
    /** NOTs folded into those comparisons. */
    private readonly droppedTokens: ReadonlySet<Token> = new Set(),
  ) {}

  /** Names given to unnamed subqueries in FROM, counted per expression. */
  private derivedTables = 0;

  /** `FROM (SELECT ...)` or `JOIN (SELECT ...)` with no name after it. */
  private isUnaliasedDerivedTable(before: TreeNode | undefined, next: TreeNode | undefined): boolean {
    if (!(before?.kind === 'token' && before.token.kind === 'word' && (before.token.upper === 'FROM' || before.token.upper === 'JOIN'))) return false;
    if (next?.kind === 'token' && (next.token.kind === 'quoted-identifier' || (next.token.kind === 'word' && !STRUCTURAL_WORDS.has(next.token.upper) && !['LIMIT', 'GROUP', 'HAVING', 'WINDOW'].includes(next.token.upper)))) {
      return false;
    }
    return true;
  }

  private get toTsql(): boolean {
    return this.options.to === 'tsql';
  }

  emit(items: readonly TreeNode[], scope: { inOver: boolean }): string {
    const significant = items.map((item, index) => ({ item, index })).filter(({ item }) => isSignificant(item));
    const positionOf = new Map<number, number>(significant.map(({ index }, position) => [index, position]));
    const at = (position: number): TreeNode | undefined => significant[position]?.item;
    // Made once: made per item, a CHECK of 12,000 ANDs took 31 s to convert.
    const significantItems = this.toTsql ? significant.map((entry) => entry.item) : [];
    let out = '';
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!isSignificant(item)) {
        out += this.trivia((item as { token: Token }).token);
        continue;
      }
      const position = positionOf.get(i) as number;
      const next = at(position + 1);

      if (this.toTsql) {
        const chainEnd = this.concatChainEnd(significantItems, position);
        if (chainEnd > position) {
          const chain = this.emitConcatChain(significant.slice(position, chainEnd + 1).map((entry) => entry.item), scope);
          // SQLite's || binds tighter than * and /, T-SQL's + looser: keep the grouping next to another operator.
          const besideOperator = [at(position - 1), at(chainEnd + 1)].some((node) => node?.kind === 'token' && node.token.kind === 'operator');
          out += besideOperator ? `(${chain})` : chain;
          i = significant[chainEnd].index;
          continue;
        }
      }

      if (item.kind === 'group') {
        const before = at(position - 1);
        const compound = before?.kind === 'token' && before.token.kind === 'word' && ['UNION', 'ALL', 'EXCEPT', 'INTERSECT'].includes(before.token.upper);
        if (compound && this.options.to === 'sqlite' && firstWord(item.items) === 'SELECT') {
          throw new Unsupported('SQLite has no parenthesised SELECT inside UNION / EXCEPT / INTERSECT', item.open.start);
        }
        out += `(${this.emit(item.items, { inOver: false })})`;
        if (this.toTsql && this.isUnaliasedDerivedTable(before, next)) {
          // SQLite lets a subquery in FROM go without a name; SQL Server requires one.
          out += ` AS [derived${++this.derivedTables}]`;
        }
        continue;
      }
      const token = item.token;

      if ((token.kind === 'word' || token.kind === 'quoted-identifier') && next?.kind === 'group' && this.isFunctionName(token, at(position - 1))) {
        out += this.call(token, next, scope);
        i = significant[position + 1].index;
        continue;
      }
      if (this.isDroppedSchemaPrefix(token, at(position - 1), next, at(position + 2))) {
        i = significant[position + 1].index; // the name and its dot
        continue;
      }
      if (this.droppedTokens.has(token)) {
        while (i + 1 < items.length && !isSignificant(items[i + 1])) i++; // and the space after it
        continue;
      }
      out += this.token(token, at(position - 1), next, at(position + 2), scope);
      out += this.bareConditions.get(token) ?? '';
    }
    return out;
  }

  private trivia(token: Token): string {
    if (token.kind !== 'block-comment') return token.text;
    // T-SQL nests /* */ and SQLite does not: keep the comment's words, never its inner markers.
    const inner = token.text.slice(2, token.error ? undefined : -2).replace(/\/\*|\*\//g, ' ');
    return `/*${inner}*/`;
  }

  private token(token: Token, previous: TreeNode | undefined, next: TreeNode | undefined, afterNext: TreeNode | undefined, scope: { inOver: boolean }): string {
    const { from, to } = this.options;
    switch (token.kind) {
      case 'quoted-identifier':
        return this.quotedIdentifier(token);
      case 'string':
        return this.string(token, previous);
      case 'blob':
        return to === 'tsql' ? `0x${token.value ?? ''}` : token.text;
      case 'number':
        return this.number(token);
      case 'variable':
        throw new Unsupported(`the parameter or variable ${token.text} has no meaning in a schema`, token.start);
      case 'operator':
        return this.operator(token, previous, next);
      case 'punctuation':
        return token.text;
      case 'batch-separator':
      case 'unknown':
        throw new Unsupported(`unexpected ${JSON.stringify(token.text)}`, token.start);
      case 'word':
        break;
      default:
        return token.text;
    }
    const upper = token.upper;
    if (token.error) throw new Unsupported(token.error, token.start);
    if (from === 'tsql' && to === 'sqlite') {
      if (TSQL_ONLY_WORDS.has(upper)) throw new Unsupported(`${upper} has no SQLite equivalent here`, token.start);
      if (upper === 'WITH' && next?.kind === 'group') throw new Unsupported('table hints WITH (...) have no SQLite equivalent', token.start);
    }
    if (from === 'sqlite' && to === 'tsql') {
      if (SQLITE_ONLY_WORDS.has(upper)) throw new Unsupported(`${upper} has no SQL Server equivalent here`, token.start);
      if (upper === 'TRUE') return '1';
      if (upper === 'FALSE') return '0';
      if (upper === 'CURRENT_TIMESTAMP') return 'SYSUTCDATETIME()';
      if (upper === 'CURRENT_DATE') return 'CAST(SYSUTCDATETIME() AS DATE)';
      if (upper === 'CURRENT_TIME') return 'CAST(SYSUTCDATETIME() AS TIME)';
      if (upper === 'ISNULL') return 'IS NULL';
      if (upper === 'NOTNULL') return 'IS NOT NULL';
      if (upper === 'IS') this.checkIsNull(token, next, afterNext);
      if (upper === 'ORDER' && this.options.position === 'query' && !scope.inOver) {
        throw new Unsupported('SQL Server rejects ORDER BY in a view without TOP', token.start);
      }
    }
    if (upper === 'COLLATE') return token.text;
    if (previous?.kind === 'token' && previous.token.kind === 'word' && previous.token.upper === 'COLLATE') {
      return this.collation(token);
    }
    // A name the schema defines that the target reserves: quote it (a column called `key` or `user`).
    if (!STRUCTURAL_WORDS.has(upper) && this.options.names.isKnown(token.text) && isReservedIn(to, token.text)) {
      return quoteName(to, token.text);
    }
    return token.text;
  }

  /** SQLite's `IS` compares any two values; T-SQL has only IS [NOT] NULL. */
  private checkIsNull(token: Token, next: TreeNode | undefined, afterNext: TreeNode | undefined): void {
    const word = (node: TreeNode | undefined): string => (node?.kind === 'token' && node.token.kind === 'word' ? node.token.upper : '');
    if (word(next) === 'NULL' || (word(next) === 'NOT' && word(afterNext) === 'NULL')) return;
    throw new Unsupported('SQL Server has IS only in IS [NOT] NULL', token.start);
  }

  private collation(token: Token): string {
    const name = token.text.toUpperCase();
    if (this.toTsql) {
      if (name === 'NOCASE') return 'SQL_Latin1_General_CP1_CI_AS';
      if (name === 'BINARY') return 'Latin1_General_BIN2';
      throw new Unsupported(`collation ${token.text} has no SQL Server equivalent`, token.start);
    }
    if (name.includes('_CI')) return 'NOCASE';
    if (name.includes('_BIN') || name.includes('_CS')) return 'BINARY';
    throw new Unsupported(`collation ${token.text} has no SQLite equivalent`, token.start);
  }

  private quotedIdentifier(token: Token): string {
    const value = token.value ?? token.text;
    if (token.error) throw new Unsupported(token.error, token.start);
    // SQLite reads a double-quoted word that names no column as a string literal.
    if (this.options.from === 'sqlite' && token.quote === '"') {
      const position = this.options.position;
      if (position === 'default' || position === 'value' || (position === 'check' && !this.options.names.isKnown(value))) {
        return stringLiteral(this.options.to, value);
      }
    }
    return quoteName(this.options.to, value);
  }

  private string(token: Token, previous: TreeNode | undefined): string {
    if (token.error) throw new Unsupported(token.error, token.start);
    const value = token.value ?? '';
    const afterLike = previous?.kind === 'token' && previous.token.kind === 'word' && previous.token.upper === 'LIKE';
    if (afterLike && value.includes('[')) {
      // T-SQL reads [..] in a LIKE pattern as a character class; SQLite reads it literally.
      if (this.toTsql) return stringLiteral('tsql', value.replace(/\[/g, '[[]'));
      throw new Unsupported('a LIKE pattern with [...] character classes has no SQLite equivalent', token.start);
    }
    return stringLiteral(this.options.to, value);
  }

  private number(token: Token): string {
    // T-SQL money literals: $12.50 is the number 12.50.
    if (token.text.startsWith('$') && this.options.from === 'tsql') return token.text.slice(1);
    if (!/^0x/i.test(token.text)) return token.text;
    if (this.toTsql) {
      // SQLite's 0x1F is an integer; T-SQL's would be binary.
      return BigInt(token.text).toString();
    }
    const digits = token.text.slice(2);
    return `X'${digits.length % 2 === 1 ? `0${digits}` : digits}'`;
  }

  private operator(token: Token, previous: TreeNode | undefined, next: TreeNode | undefined): string {
    const text = token.text;
    if (text === '==') return '=';
    if (text === '!<') return '>=';
    if (text === '!>') return '<=';
    if (['->', '->>', '::', '<<', '>>'].includes(text) || (this.options.from === 'tsql' && text.length === 2 && text.endsWith('=') && !['<=', '>=', '!='].includes(text))) {
      throw new Unsupported(`the operator ${text} has no ${this.toTsql ? 'SQL Server' : 'SQLite'} equivalent`, token.start);
    }
    if (text === '+' && this.options.from === 'tsql' && this.options.to === 'sqlite') return this.tsqlPlus(token, previous, next);
    return text;
  }

  /** T-SQL's `+` joins strings when both sides are strings and adds otherwise. */
  private tsqlPlus(token: Token, previous: TreeNode | undefined, next: TreeNode | undefined): string {
    if (!previous || isOperatorLike(previous)) return '+'; // unary plus
    const left = this.operandKind(previous);
    const right = next ? this.operandKind(next) : 'unknown';
    if (left === 'datetime' || right === 'datetime') {
      throw new Unsupported('date arithmetic with + has no SQLite equivalent', token.start);
    }
    if (left === 'text' && right === 'text') return '||';
    if ((left === 'text' && (right === 'unknown' || right === 'null')) || (right === 'text' && (left === 'unknown' || left === 'null'))) {
      const literal = left === 'text' ? previous : next;
      if (literal?.kind === 'token' && literal.token.kind === 'string' && /^\s*[-+]?\d/.test(literal.token.value ?? '')) {
        throw new Unsupported('cannot tell whether + adds numbers or joins strings here', token.start);
      }
      return '||';
    }
    if (left === 'number' || right === 'number') return '+';
    throw new Unsupported('cannot tell whether + adds numbers or joins strings here', token.start);
  }

  private operandKind(node: TreeNode): OperandKind {
    if (node.kind === 'group') {
      const inner = node.items.filter(isSignificant);
      return inner.length === 1 ? this.operandKind(inner[0]) : 'unknown';
    }
    const token = node.token;
    if (token.kind === 'string') return 'text';
    if (token.kind === 'number') return 'number';
    if (token.kind === 'word' && token.upper === 'NULL') return 'null';
    if (token.kind === 'word' || token.kind === 'quoted-identifier') {
      const family = this.options.names.familyOf(token.kind === 'word' ? token.text : (token.value ?? token.text));
      if (family === 'text' || family === 'json') return 'text';
      if (family === 'integer' || family === 'decimal' || family === 'float' || family === 'boolean') return 'number';
      if (family === 'datetime' || family === 'date' || family === 'time') return 'datetime';
    }
    return 'unknown';
  }

  private isFunctionName(token: Token, previous: TreeNode | undefined): boolean {
    if (token.kind === 'quoted-identifier') return true; // a user-defined function: refused in call()
    if (NOT_FUNCTIONS.has(token.upper)) return false;
    // `REFERENCES t (a)`-like shapes do not occur in expressions; a name after a dot is a schema-qualified function.
    return !(previous?.kind === 'token' && previous.token.kind === 'word' && ['AS', 'JOIN', 'FROM', 'TABLE', 'VIEW'].includes(previous.token.upper));
  }

  /** `dbo.` (T-SQL) and `main.` (SQLite) name the default schema, which the other dialect does not write. */
  private isDroppedSchemaPrefix(token: Token, previous: TreeNode | undefined, next: TreeNode | undefined, afterNext: TreeNode | undefined): boolean {
    if (token.kind !== 'word' && token.kind !== 'quoted-identifier') return false;
    if (!(next?.kind === 'token' && next.token.kind === 'punctuation' && next.token.text === '.')) return false;
    if (previous?.kind === 'token' && previous.token.kind === 'punctuation' && previous.token.text === '.') return false;
    if (!(afterNext?.kind === 'token' && (afterNext.token.kind === 'word' || afterNext.token.kind === 'quoted-identifier'))) return false;
    const name = (token.kind === 'word' ? token.text : (token.value ?? '')).toLowerCase();
    return this.options.from === 'tsql' ? name === 'dbo' : name === 'main';
  }

  private call(nameToken: Token, group: GroupNode, scope: { inOver: boolean }): string {
    if (nameToken.kind === 'quoted-identifier') {
      throw new Unsupported(`the user-defined function ${nameToken.text} cannot be converted`, nameToken.start);
    }
    const upper = nameToken.upper;
    if (upper === 'CAST' || upper === 'TRY_CAST') return this.cast(nameToken, group);
    if (upper === 'CONVERT' && this.options.from === 'tsql') return this.convertCall(nameToken, group);
    // Only a call as short as an idiom can be one. The whole signature of each nested call read
    // its subtree again at every level: COALESCE(COALESCE(...)) looked at 409 tokens per level
    // 100 deep and 3,209 800 deep, now 11 at both (converting a view that nests it 1,600 deep:
    // 1.19 s, now 0.18 s).
    const signature = signatureWithin(group.items, LONGEST_IDIOM - upper.length - 2);
    const idiom = signature === undefined ? undefined : translateIdiom(this.options.from, this.options.to, `${upper}(${signature})`);
    if (idiom !== undefined) return idiom;
    const parts = splitArguments(group.items);
    if ((upper === 'COUNT' || upper === 'COUNT_BIG') && parts.length === 1 && shallowSignatureOf(parts[0]) === '*') return upper === 'COUNT' ? `${nameToken.text}(*)` : 'count(*)';
    const distinct = parts.length === 1 && firstWord(parts[0]) === 'DISTINCT';
    if (distinct && ['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'].includes(upper)) {
      // COUNT(DISTINCT x) and its kin read the same in both dialects.
      const argument = parts[0].slice(parts[0].findIndex(isSignificant) + 1);
      return `${upper}(DISTINCT ${this.emit(argument, scope).trim()})`;
    }
    if (parts.some((part) => part.some((node) => node.kind === 'token' && node.token.kind === 'word' && node.token.upper === 'DISTINCT'))) {
      throw new Unsupported(`${nameToken.text}(DISTINCT ...) is not converted`, nameToken.start);
    }
    const args = parts.map((part) => this.emit(part, scope).trim());
    const result = translateCall(this.options.from, this.options.to, {
      name: nameToken.text,
      args,
      signatures: parts.map((part) => shallowSignatureOf(part)),
    });
    if ('unsupported' in result) throw new Unsupported(result.unsupported, nameToken.start);
    return result.text;
  }

  /** `CAST(x AS type)`: the expression is translated, the type mapped. */
  private cast(nameToken: Token, group: GroupNode): string {
    const asIndex = group.items.findIndex((node) => node.kind === 'token' && node.token.kind === 'word' && node.token.upper === 'AS');
    if (asIndex < 0) throw new Unsupported('CAST without AS', nameToken.start);
    const value = this.emit(group.items.slice(0, asIndex), { inOver: false }).trim();
    return this.castTo(value, group.items.slice(asIndex + 1), nameToken);
  }

  /**
   * A CAST in the target dialect. SQLite casts by affinity, and a date type name has NUMERIC
   * affinity (CAST('1900-01-01' AS DATETIME) is 1900), so casts to a date or time become
   * SQLite's date functions and every other cast names its affinity.
   */
  private castTo(value: string, typeNodes: readonly TreeNode[], at: Token): string {
    if (this.toTsql) return `CAST(${value} AS ${this.mapType(typeNodes, at)})`;
    const source = this.readType(typeNodes, at);
    switch (typeFamily(source, 'tsql')) {
      case 'integer':
      case 'boolean':
        return `CAST(${value} AS INTEGER)`;
      case 'float':
        return `CAST(${value} AS REAL)`;
      case 'decimal':
        return `CAST(${value} AS NUMERIC)`;
      case 'text':
      case 'uuid':
      case 'json':
        return `CAST(${value} AS TEXT)`;
      case 'binary':
        return `CAST(${value} AS BLOB)`;
      case 'date':
        return `date(${value})`;
      case 'datetime':
        if (source.name === 'DATETIMEOFFSET') break;
        return `datetime(${value})`;
      case 'time':
        return `time(${value})`;
      default:
        break;
    }
    throw new Unsupported(`CAST to ${formatType(source)} has no exact SQLite equivalent`, at.start);
  }

  /** T-SQL `CONVERT(type, x)` without a style is a CAST. */
  private convertCall(nameToken: Token, group: GroupNode): string {
    const parts = splitArguments(group.items);
    if (parts.length !== 2) throw new Unsupported('CONVERT() with a style has no SQLite equivalent', nameToken.start);
    return this.castTo(this.emit(parts[1], { inOver: false }).trim(), parts[0], nameToken);
  }

  private mapType(nodes: readonly TreeNode[], at: Token): string {
    const source = this.readType(nodes, at);
    const converted = this.toTsql ? toTsqlType(source) : toSqliteType(source);
    if (!converted.exact || !converted.type) throw new Unsupported(`CAST to ${formatType(source)} has no exact equivalent`, at.start);
    return formatType(converted.type).replace(/, /g, ',');
  }

  private readType(nodes: readonly TreeNode[], at: Token): DataType {
    const significant = nodes.filter(isSignificant);
    const words: string[] = [];
    let args: string[] = [];
    for (const node of significant) {
      if (node.kind === 'group') {
        args = splitArguments(node.items).map((part) => signatureOf(part));
      } else if (node.token.kind === 'word' || node.token.kind === 'quoted-identifier') {
        words.push((node.token.value ?? node.token.text).toUpperCase());
      } else {
        throw new Unsupported('cannot read the type of this CAST', at.start);
      }
    }
    if (words.length === 0) throw new Unsupported('cannot read the type of this CAST', at.start);
    return { name: words.join(' '), args };
  }

  /**
   * SQLite's `a || b || c`. T-SQL's `+` joins only strings (a number on either side makes it
   * an addition), so every operand not known to be text is cast to NVARCHAR(MAX) first, which
   * keeps SQLite's NULL-in, NULL-out behaviour that CONCAT() would not.
   */
  private concatChainEnd(significant: readonly TreeNode[], start: number): number {
    let joined = false;
    let position = start;
    for (;;) {
      const operandEnd = this.operandEnd(significant, position);
      if (operandEnd < 0) {
        const operator = significant[position - 1];
        if (joined) throw new Unsupported('cannot tell what || joins here', operator?.kind === 'token' ? operator.token.start : 0);
        return start;
      }
      const operator = significant[operandEnd + 1];
      if (!(operator?.kind === 'token' && operator.token.kind === 'operator' && operator.token.text === '||')) {
        return joined ? operandEnd : start;
      }
      joined = true;
      position = operandEnd + 2;
      if (position >= significant.length) throw new Unsupported('|| without a right operand', operator.token.start);
    }
  }

  /** The last position of a primary operand starting at `position`, or -1 when there is none. */
  private operandEnd(significant: readonly TreeNode[], position: number): number {
    const node = significant[position];
    if (!node) return -1;
    if (node.kind === 'group') return position;
    const token = node.token;
    if (token.kind === 'string' || token.kind === 'number' || token.kind === 'blob') return position;
    if (token.kind !== 'word' && token.kind !== 'quoted-identifier') return -1;
    if (significant[position + 1]?.kind === 'group' && token.kind === 'word' && !NOT_FUNCTIONS.has(token.upper)) return position + 1;
    let end = position;
    while (isDot(significant[end + 1]) && isName(significant[end + 2])) end += 2;
    if (token.kind === 'word' && NOT_FUNCTIONS.has(token.upper) && end === position) return -1;
    return end;
  }

  private emitConcatChain(nodes: readonly TreeNode[], scope: { inOver: boolean }): string {
    const operands: TreeNode[][] = [[]];
    for (const node of nodes) {
      if (node.kind === 'token' && node.token.kind === 'operator' && node.token.text === '||') operands.push([]);
      else operands[operands.length - 1].push(node);
    }
    return operands
      .map((operand) => {
        const text = this.emit(operand, scope).trim();
        return this.isTextOperand(operand) ? text : `CAST(${text} AS NVARCHAR(MAX))`;
      })
      .join(' + ');
  }

  private isTextOperand(operand: readonly TreeNode[]): boolean {
    const first = operand[0];
    if (!first) return false;
    if (operand.length === 2 && first.kind === 'token' && first.token.kind === 'word' && operand[1].kind === 'group') {
      return functionResultKind(first.token.text) === 'text' && first.token.upper !== 'HEX';
    }
    const last = operand[operand.length - 1];
    return this.operandKind(last) === 'text';
  }
}

function firstWord(nodes: readonly TreeNode[]): string {
  const first = nodes.find(isSignificant);
  return first?.kind === 'token' && first.token.kind === 'word' ? first.token.upper : '';
}

/**
 * T-SQL's `SELECT total = SUM(x)` names a column; SQLite would read it as a comparison and
 * return 0 or 1. Each such item of a top-level select list is rewritten `SUM(x) AS total`.
 */
function rewriteEqualsAliases(items: readonly TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  let inList = false;
  let item: TreeNode[] = [];
  const flushItem = (): void => {
    const significant = item.filter(isSignificant);
    const [name, equals] = significant;
    if (inList && name && isName(name) && equals?.kind === 'token' && equals.token.kind === 'operator' && equals.token.text === '=' && significant.length > 2) {
      const rest = item.slice(item.indexOf(equals) + 1);
      while (rest.length > 0 && !isSignificant(rest[0])) rest.shift();
      const trailing: TreeNode[] = [];
      while (rest.length > 0 && !isSignificant(rest[rest.length - 1])) trailing.unshift(rest.pop() as TreeNode);
      const leading = item.slice(0, item.indexOf(name));
      // Pushed one by one, not spread: an item of 20,000 nodes passed as arguments overflows the stack.
      pushAll(out, leading);
      pushAll(out, rest);
      out.push(syntheticToken('whitespace', ' '), syntheticToken('word', 'AS'), syntheticToken('whitespace', ' '), name);
      pushAll(out, trailing);
    } else {
      pushAll(out, item);
    }
    item = [];
  };
  for (const node of items) {
    const upper = node.kind === 'token' && node.token.kind === 'word' ? node.token.upper : '';
    if (upper === 'SELECT') {
      flushItem();
      out.push(node);
      inList = true;
      continue;
    }
    if (inList && (upper === 'FROM' || upper === 'UNION' || upper === 'EXCEPT' || upper === 'INTERSECT' || upper === 'WHERE')) {
      flushItem();
      inList = false;
      out.push(node);
      continue;
    }
    if (!inList) {
      out.push(node);
      continue;
    }
    if (upper === 'DISTINCT' || upper === 'ALL') {
      pushAll(out, item);
      out.push(node);
      item = [];
      continue;
    }
    if (node.kind === 'token' && node.token.kind === 'punctuation' && node.token.text === ',') {
      flushItem();
      out.push(node);
      continue;
    }
    item.push(node);
  }
  flushItem();
  return out;
}

function syntheticToken(kind: 'word' | 'whitespace', text: string): TreeNode {
  return { kind: 'token', token: { kind, text, start: -1, end: -1, upper: kind === 'word' ? text.toUpperCase() : '' } };
}

function isDot(node: TreeNode | undefined): boolean {
  return node?.kind === 'token' && node.token.kind === 'punctuation' && node.token.text === '.';
}

function isName(node: TreeNode | undefined): boolean {
  return node?.kind === 'token' && (node.token.kind === 'word' || node.token.kind === 'quoted-identifier');
}

/** True when a `+` after this node is a sign, not an addition. */
function isOperatorLike(node: TreeNode): boolean {
  if (node.kind === 'group') return false;
  const token = node.token;
  if (token.kind === 'operator') return true;
  if (token.kind === 'punctuation') return token.text === ',' || token.text === '(';
  return token.kind === 'word' && NOT_FUNCTIONS.has(token.upper) && token.upper !== 'END' && token.upper !== 'NULL';
}

/** Appends `items` to `out` one by one: a spread passes every item as an argument, past the stack's limit for long lists. */
function pushAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}
