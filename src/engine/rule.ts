import type { SqlServerVersion } from '../config/config.js';
import type { Dialect } from '../sql/dialect.js';
import type { SourceText } from '../sql/source-text.js';
import type { Statement } from '../sql/statement.js';
import type { Token } from '../sql/token.js';
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

/** Visitors. Statements arrive in file order; `token` sees each significant token of each statement. */
export interface RuleVisitor {
  statement?(statement: Statement): void;
  token?(token: Token, statement: Statement, indexInStatement: number): void;
  /** Comments, for rules about comment text. */
  comment?(token: Token): void;
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
