import type { Dialect } from '../sql/dialect.js';
import { SourceText } from '../sql/source-text.js';
import { MAX_STATEMENT_TOKENS, splitStatements } from '../sql/splitter.js';
import type { Statement } from '../sql/statement.js';
import type { Token } from '../sql/token.js';
import { compareDiagnostics, type Diagnostic, type Severity, type TextEdit } from './diagnostic.js';
import { DirectiveSet, type DirectiveProblem } from './directives.js';
import { ProblemBudget } from './problem-budget.js';
import type { DialectStep } from './resolve-dialect.js';
import { mergeEdits } from './fixes.js';
import type { ReportDescriptor, Rule, RuleContext, RuleSettings, RuleVisitor } from './rule.js';
import { VisitorDispatch } from './visitor-dispatch.js';

/** A rule switched on for one file, with the severity and options the configuration gives it. */
export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: readonly unknown[];
}

export interface LintSourceOptions {
  filePath: string;
  dialect: Dialect;
  dialectSource: string;
  /** Which resolution step decided the dialect; rules that question it need to know. */
  dialectStep?: DialectStep;
  /** Read as it stands at the first call with this list: what is worked out from it is kept per list (a run shares one). */
  rules: readonly ActiveRule[];
  settings: RuleSettings;
  /**
   * Called once with the pass's line index; the observer it returns sees every comment and
   * statement after the rules have (the schema-model builder rides along this way, so no one
   * splits the file a second time), a statement too long to hold (Statement.oversized) too.
   */
  observe?: (source: SourceText) => StatementObserver;
  /** See MAX_PROBLEMS_PER_FILE; smaller in tests. */
  maxProblems?: number;
  /** See MAX_STATEMENT_TOKENS; smaller in tests. */
  maxStatementTokens?: number;
}

export interface StatementObserver {
  comment(token: Token): void;
  statement(statement: Statement): void;
}

/** Extra facts a rule's context carries beyond ESLint's: why the file has its dialect. */
export interface SchemaRuleContext extends RuleContext {
  readonly dialectSource: string;
  readonly dialectStep?: DialectStep;
}

/**
 * Lints one decoded text with the given rules: a single streaming pass over the statements,
 * every rule's visitors called in rule order for what they select (visitor-dispatch.ts),
 * directives applied, diagnostics sorted.
 */
export function lintSource(text: string, options: LintSourceOptions): Diagnostic[] {
  const source = new SourceText(text);
  const directives = new DirectiveSet(source);
  const fallbackIds = fallbackRuleIds(options.rules);
  const budget = new ProblemBudget(source, options.maxProblems, directives, fallbackIds);
  /**
   * In rule order, built by push and handed on as it is. The list made from it by `map`, as it
   * was, came out packed for some files and holey for others (Array.prototype.map's fast and
   * slow paths), and on the 2,000-file tree the loop over it in VisitorDispatch's constructor
   * then deoptimised lintSource, into which it was inlined ("wrong map").
   */
  const visitors: RuleVisitor[] = [];

  for (const active of rulesOfDialect(options.rules, options.dialect)) {
    const context: SchemaRuleContext = {
      filePath: options.filePath,
      dialect: options.dialect,
      dialectSource: options.dialectSource,
      dialectStep: options.dialectStep,
      source,
      settings: options.settings,
      options: active.options,
      report: (descriptor) =>
        budget.add(
          {
            ruleId: active.rule.meta.id,
            severity: active.severity,
            start: descriptor.node.start,
            end: (descriptor.endNode ?? descriptor.node).end,
          },
          () => toDiagnostic(active, descriptor, source),
        ),
    };
    visitors.push(active.rule.create(context));
  }

  const dispatch = new VisitorDispatch(visitors);
  const commentVisitors = visitors.filter((visitor) => visitor.comment);
  const oversizedVisitors = visitors.filter((visitor) => visitor.oversized);

  const observer = options.observe?.(source);
  const onTrivia = (token: Token): void => {
    const problem = directives.add(token);
    if (problem) budget.add({ ruleId: null, severity: 2, start: problem.start, end: problem.end }, () => directiveNotice(problem, source));
    for (const visitor of commentVisitors) visitor.comment?.(token);
    observer?.comment(token);
  };

  const maxStatementTokens = options.maxStatementTokens ?? MAX_STATEMENT_TOKENS;
  const statements = splitStatements(text, options.dialect, { onTrivia, maxStatementTokens });
  lintStatements(statements, { dispatch, oversizedVisitors, maxStatementTokens }, observer, budget, source);
  for (const visitor of visitors) visitor.end?.();
  // The budget drops what the directives turn off and the fallback problems an error explains.
  return budget.listed().sort(compareDiagnostics);
}

/**
 * The pass over a file's statements, a function of its own rather than a loop inside
 * lintSource. Once lintSource is called often enough to be optimised (many files, or many
 * passes in one process), its optimised code no longer holds the per-statement loop with the
 * dispatch inlined into it: it compiled in half the time on the 2,000-file tree, whose whole
 * run took 0.3 % fewer instructions, and a lint pass of the 1 MB T-SQL file after the first
 * ~4 % fewer. A single run of that file, where only this loop is optimised, took 0.2 % more.
 */
function lintStatements(
  statements: Iterable<Statement>,
  rules: { dispatch: VisitorDispatch; oversizedVisitors: readonly RuleVisitor[]; maxStatementTokens: number },
  observer: StatementObserver | undefined,
  budget: ProblemBudget,
  source: SourceText,
): void {
  const { dispatch, oversizedVisitors } = rules;
  for (const statement of statements) {
    if (statement.oversized) {
      budget.add({ ruleId: null, severity: 1, start: statement.start, end: statement.end }, () =>
        oversizedNotice(statement, source, rules.maxStatementTokens),
      );
      for (const visitor of oversizedVisitors) visitor.oversized?.(statement);
      // The model builder must see it where it stands, as convert's does: an IF guard before it is its own.
      observer?.statement(statement);
      continue;
    }
    dispatch.visit(statement);
    observer?.statement(statement);
  }
}

/** Per rule list and dialect: the rules that run on a file of that dialect, found once per list (see fallbackIdsByList). */
const dialectRulesByList = new WeakMap<readonly ActiveRule[], Map<Dialect, readonly ActiveRule[]>>();

/** The rules of `rules` that run on `dialect`: one array per list and dialect, the same each time it is asked for. */
export function rulesOfDialect(rules: readonly ActiveRule[], dialect: Dialect): readonly ActiveRule[] {
  let byDialect = dialectRulesByList.get(rules);
  if (!byDialect) {
    byDialect = new Map();
    dialectRulesByList.set(rules, byDialect);
  }
  let ofDialect = byDialect.get(dialect);
  if (!ofDialect) {
    ofDialect = rules.filter((active) => active.rule.meta.dialects.includes(dialect));
    byDialect.set(dialect, ofDialect);
  }
  return ofDialect;
}

/** Per rule list: a run's files mostly share one list (activeRulesByFile), so the set is made once, not per file. */
const fallbackIdsByList = new WeakMap<readonly ActiveRule[], ReadonlySet<string>>();

function fallbackRuleIds(rules: readonly ActiveRule[]): ReadonlySet<string> {
  let ids = fallbackIdsByList.get(rules);
  if (!ids) {
    ids = new Set(rules.filter((active) => active.rule.meta.fallback).map((active) => active.rule.meta.id));
    fallbackIdsByList.set(rules, ids);
  }
  return ids;
}

/** A statement too long to hold is reported, not linted (see MAX_STATEMENT_TOKENS): no rule saw it. */
function oversizedNotice(statement: Statement, source: SourceText, maxStatementTokens: number): Diagnostic {
  const start = source.positionAt(statement.start);
  const end = source.positionAt(statement.end);
  return {
    ruleId: null,
    severity: 1,
    message:
      `Statement not linted: it runs over ${maxStatementTokens.toLocaleString('en-US')} tokens (lines ${start.line}–${end.line}); ` +
      'a statement is held whole while it is linted, so one this long is skipped to keep memory bounded.',
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    startOffset: statement.start,
    endOffset: statement.end,
  };
}

/** A directive comment that is not applied is an error at the comment, as in ESLint: what the user meant to turn off stays on. */
function directiveNotice(problem: DirectiveProblem, source: SourceText): Diagnostic {
  const start = source.positionAt(problem.start);
  const end = source.positionAt(problem.end);
  return {
    ruleId: null,
    severity: 2,
    message: problem.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    startOffset: problem.start,
    endOffset: problem.end,
  };
}

function toDiagnostic(active: ActiveRule, descriptor: ReportDescriptor, source: SourceText): Diagnostic {
  const { meta } = active.rule;
  const template = meta.messages[descriptor.messageId];
  if (template === undefined) {
    throw new Error(`Rule ${meta.id} reported an unknown messageId "${descriptor.messageId}".`);
  }
  const startOffset = descriptor.node.start;
  const endOffset = (descriptor.endNode ?? descriptor.node).end;
  const start = source.positionAt(startOffset);
  const end = source.positionAt(Math.max(endOffset, startOffset));
  const diagnostic: Diagnostic = {
    ruleId: meta.id,
    severity: active.severity,
    message: fill(template, descriptor.data),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    startOffset,
    endOffset: Math.max(endOffset, startOffset),
  };
  const help = meta.help?.[descriptor.messageId];
  if (help !== undefined) diagnostic.help = fill(help, descriptor.data);
  if (descriptor.fix && meta.fixable) diagnostic.fix = toSingleEdit(source.text, descriptor.fix);
  if (descriptor.suggest && descriptor.suggest.length > 0) {
    diagnostic.suggestions = descriptor.suggest.map((suggestion) => ({
      desc: suggestion.desc,
      fix: toSingleEdit(source.text, suggestion.fix),
    }));
  }
  return diagnostic;
}

function toSingleEdit(text: string, fix: TextEdit | TextEdit[]): TextEdit {
  return Array.isArray(fix) ? mergeEdits(text, fix) : fix;
}

/** A message template cut at its `{{name}}` placeholders: `literals` has one more entry than `names` and `placeholders`. */
interface TemplatePieces {
  readonly literals: readonly string[];
  readonly names: readonly string[];
  /** Each placeholder as written, kept when its name has no datum. */
  readonly placeholders: readonly string[];
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
/** Rules' templates are few and filled once per problem (parity's on every file of a run): each is cut once. */
const piecesByTemplate = new Map<string, TemplatePieces>();
const MAX_TEMPLATES = 1024;

function piecesOf(template: string): TemplatePieces {
  let pieces = piecesByTemplate.get(template);
  if (!pieces) {
    const literals: string[] = [];
    const names: string[] = [];
    const placeholders: string[] = [];
    let from = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      literals.push(template.slice(from, match.index));
      names.push(match[1]);
      placeholders.push(match[0]);
      from = match.index + match[0].length;
    }
    literals.push(template.slice(from));
    pieces = { literals, names, placeholders };
    if (piecesByTemplate.size >= MAX_TEMPLATES) piecesByTemplate.clear(); // templates made up per call: keep memory bounded
    piecesByTemplate.set(template, pieces);
  }
  return pieces;
}

/** Replaces `{{name}}` placeholders; unknown names stay visible so a missing datum is noticed. */
export function fill(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  const { literals, names, placeholders } = piecesOf(template);
  let filled = literals[0];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    filled += (Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : placeholders[i]) + literals[i + 1];
  }
  return filled;
}
