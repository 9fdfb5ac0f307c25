import type { SqlServerVersion } from '../config/config.js';
import type { Dialect } from '../sql/dialect.js';
import type { SourceText } from '../sql/source-text.js';
import type { Statement } from '../sql/statement.js';
import type { Token, TokenKind } from '../sql/token.js';
import type { TextEdit } from './diagnostic.js';

/**
 * Rules follow the shape ESLint made familiar: static `meta`, and `create(context)` returning
 * visitors. A rule reads and reports; it never changes the text or the tokens it is given.
 */
export interface RuleMeta {
  /** `tsql/no-autoincrement`: the dialect whose files the rule guards, then what it forbids. */
  id: string;
  description: string;
  /** Dialects of the files the rule runs on. */
  dialects: readonly Dialect[];
  /** Default severity: `error` for what the engine rejects, `warn` for what it silently changes. */
  severity: 'error' | 'warn';
  fixable?: boolean;
  hasSuggestions?: boolean;
  /**
   * A fallback rule (a grammar or an engine check) reports what more specific rules may
   * already explain. Its diagnostic is dropped when a non-fallback rule reported an error on
   * the same line, so a user sees "AUTOINCREMENT is SQLite's" instead of that plus
   * "Incorrect syntax near 'AUTOINCREMENT'".
   */
  fallback?: boolean;
  /** Message templates by id; `{{name}}` is replaced by report data. */
  messages: Record<string, string>;
  /** The rewrite, one line per message id, with the same placeholders. */
  help?: Record<string, string>;
}

export interface RuleSettings {
  sqlserverVersion: SqlServerVersion;
}

export interface RuleContext {
  readonly filePath: string;
  readonly dialect: Dialect;
  readonly source: SourceText;
  readonly settings: RuleSettings;
  /** Options given after the severity in config: `["warn", { ... }]`. */
  readonly options: readonly unknown[];
  report(descriptor: ReportDescriptor): void;
}

/** What a rule reports on: a token, a token span, or a raw offset range. */
export type ReportTarget = Token | { start: number; end: number };

export interface ReportDescriptor {
  node: ReportTarget;
  /** Where the report ends when it spans several tokens. */
  endNode?: ReportTarget;
  messageId: string;
  data?: Record<string, string | number>;
  fix?: TextEdit | TextEdit[];
  suggest?: { desc: string; fix: TextEdit | TextEdit[] }[];
}

/**
 * Which tokens a `token` visitor is called for, as ESLint's selectors name the nodes a
 * listener wants: a token matches when it is one of `words` or of one of `kinds`.
 */
export interface TokenSelector {
  /** Bare words, upper-cased: `LIMIT` matches `limit`, never `[limit]`, `"limit"` or `'limit'`. */
  readonly words?: readonly string[];
  readonly kinds?: readonly TokenKind[];
}

/**
 * Which statements a `statement` visitor is called for: one of `kinds`, or one that holds
 * one of `words` or a token of one of `tokenKinds` anywhere.
 */
export interface StatementSelector {
  /** Statement kinds as `classifyStatement` names them: `create table`, `alter table`, `go`. */
  readonly kinds?: readonly string[];
  /** Bare words, upper-cased, as in TokenSelector. */
  readonly words?: readonly string[];
  readonly tokenKinds?: readonly TokenKind[];
}

/**
 * Visitors. Statements arrive in file order; `token` sees each significant token of each
 * statement. For each statement the engine calls every rule's `statement` (in rule order),
 * then, token by token, every rule's `token` (in rule order).
 *
 * A rule that acts only on some tokens or statements says which with a selector, so the
 * engine skips the rest without calling it (one table lookup per token instead of a call per
 * rule). A selector only narrows: the visitor is called exactly as without it for what it
 * selects, so it may keep its own checks. Without a selector a visitor sees everything.
 * Keep selectors in module constants: the engine builds its tables once per set of selectors
 * and reads a selector only the first time it meets it.
 */
export interface RuleVisitor {
  statement?(statement: Statement): void;
  /** The statements `statement` is called for; without it, every statement. */
  statementSelector?: StatementSelector;
  token?(token: Token, statement: Statement, indexInStatement: number): void;
  /** The tokens `token` is called for; without it, every significant token. */
  tokenSelector?: TokenSelector;
  /** Comments, for rules about comment text. */
  comment?(token: Token): void;
  /**
   * A statement too long to hold (Statement.oversized), which the engine reports as not linted
   * and for which `statement` and `token` are not called: it has only its leading and latest
   * tokens. For rules that keep state from one statement to the next, so that what follows it
   * is judged as following a statement (an IF before it has its statement).
   */
  oversized?(statement: Statement): void;
  /** After the last statement. */
  end?(): void;
}

export interface Rule {
  meta: RuleMeta;
  /**
   * Loads what the rule needs before any file is linted (the SQLite engine's WebAssembly).
   * Awaited once per run, only when the rule is switched on, so a run that does not need
   * it never pays for it.
   */
  prepare?(): Promise<void>;
  create(context: RuleContext): RuleVisitor;
}

/** Identity helper that gives rule modules type checking without a class. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
