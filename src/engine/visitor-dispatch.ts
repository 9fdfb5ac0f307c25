import type { Statement } from '../sql/statement.js';
import type { Token, TokenKind } from '../sql/token.js';
import type { RuleVisitor, StatementSelector, TokenSelector } from './rule.js';

/**
 * What one token leads to: the token visitors it is for, and the statement visitors it
 * selects. Visitors are named by slot: their index among the file's token visitors or
 * statement visitors, both in rule order.
 */
interface TokenRoute {
  /** Ascending, so visitors are called in rule order. */
  readonly tokenSlots: readonly number[];
  readonly statementSlots: readonly number[];
}

/** A statement visitor, and whether a statement of some kind calls it without a look at its tokens. */
interface StatementCandidate {
  readonly slot: number;
  /** True: called. False: called only when one of the statement's tokens selected it. */
  readonly always: boolean;
}

/** The statement visitors a statement of some kind may call. */
interface StatementCandidates {
  /** In rule order. */
  readonly all: readonly StatementCandidate[];
  /**
   * The slots of the `always` candidates, in rule order: all that is called when no token of
   * the statement selected a visitor, as in nearly every statement (all but 2,493 of the
   * 12,000 statements of the bench's 1 MB T-SQL file). Going through `all` instead read
   * sixteen candidates per statement that were never called.
   */
  readonly always: readonly number[];
}

/**
 * Every token kind, commonest first in the bench files: kindIndex tries them in this order and
 * answers with the position in TOKEN_KINDS. An object of the kinds, not an array, so that
 * TypeScript rejects a kind left out (an array of kinds may miss one, and a token of that kind
 * would then find no route); TypeScript checks that kindIndex names each kind too, and a test
 * checks that both agree.
 */
const ORDERED_KINDS: Record<TokenKind, true> = {
  word: true,
  punctuation: true,
  'quoted-identifier': true,
  number: true,
  string: true,
  operator: true,
  variable: true,
  'batch-separator': true,
  blob: true,
  'line-comment': true,
  'block-comment': true,
  whitespace: true,
  unknown: true,
};

/** Every token kind, in ORDERED_KINDS' order (an object keeps its string keys in the order written). */
export const TOKEN_KINDS = Object.keys(ORDERED_KINDS) as readonly TokenKind[];

/**
 * A token kind's position in TOKEN_KINDS, for the plan's array of routes by kind. Kinds are
 * string literals, so each comparison here is one of pointers; the Map of routes by kind that
 * this replaced hashed the kind and searched a bucket for each token (1 MB T-SQL: 112,000
 * tokens that are not words).
 */
export function kindIndex(kind: TokenKind): number {
  switch (kind) {
    case 'word':
      return 0;
    case 'punctuation':
      return 1;
    case 'quoted-identifier':
      return 2;
    case 'number':
      return 3;
    case 'string':
      return 4;
    case 'operator':
      return 5;
    case 'variable':
      return 6;
    case 'batch-separator':
      return 7;
    case 'blob':
      return 8;
    case 'line-comment':
      return 9;
    case 'block-comment':
      return 10;
    case 'whitespace':
      return 11;
    case 'unknown':
      return 12;
  }
}

/**
 * The lookup tables for one list of selectors. They depend on the selectors only, not on the
 * visitor functions, so files linted with the same rules share them: a run over 2,000 small
 * files builds them once instead of per file.
 */
class DispatchPlan {
  readonly wordRoutes = new Map<string, TokenRoute>();
  /** Route of a word no selector names. */
  readonly otherWordRoute: TokenRoute;
  /** By kindIndex: the route of a token that is not a word. */
  readonly routesByKind: readonly TokenRoute[];
  readonly candidatesByKind = new Map<string, StatementCandidates>();
  /** Candidates for a statement of a kind no selector names. */
  readonly otherKindCandidates: StatementCandidates;
  /** Some statement visitor is selected by the words or token kinds a statement holds: its tokens are read first. */
  readonly selectsByContent: boolean;

  constructor(tokenSelectors: readonly (TokenSelector | undefined)[], statementSelectors: readonly (StatementSelector | undefined)[]) {
    // Sets, so building the tables costs a lookup per (word, selector), not a scan of each list.
    const tokenWords = tokenSelectors.map((selector) => selector && new Set(selector.words));
    const tokenKinds = tokenSelectors.map((selector) => selector && new Set(selector.kinds));
    const statementWords = statementSelectors.map((selector) => selector && new Set(selector.words));
    const statementTokenKinds = statementSelectors.map((selector) => selector && new Set(selector.tokenKinds));

    const slotsWhere = <T>(list: readonly T[], test: (item: T, slot: number) => boolean): number[] =>
      list.flatMap((item, slot) => (test(item, slot) ? [slot] : []));
    const routeFor = (kind: TokenKind, word: string | undefined): TokenRoute => ({
      // A token visitor without a selector sees every token.
      tokenSlots: slotsWhere(
        tokenSelectors,
        (selector, slot) => selector === undefined || tokenKinds[slot]?.has(kind) === true || (word !== undefined && tokenWords[slot]?.has(word) === true),
      ),
      statementSlots: slotsWhere(
        statementSelectors,
        (selector, slot) =>
          selector !== undefined && (statementTokenKinds[slot]?.has(kind) === true || (word !== undefined && statementWords[slot]?.has(word) === true)),
      ),
    });

    // Every word and token kind a selector names gets its own route; the rest share two.
    const words = new Set<string>();
    const kinds = new Set<TokenKind>(['word']);
    for (const selector of tokenSelectors) {
      for (const word of selector?.words ?? []) words.add(word);
      for (const kind of selector?.kinds ?? []) kinds.add(kind);
    }
    for (const selector of statementSelectors) {
      for (const word of selector?.words ?? []) words.add(word);
      for (const kind of selector?.tokenKinds ?? []) kinds.add(kind);
    }
    const kindRoutes = new Map<TokenKind, TokenRoute>();
    for (const kind of kinds) kindRoutes.set(kind, routeFor(kind, undefined));
    for (const word of words) {
      // A token's `upper` is what is looked up: any other spelling would silently select nothing.
      if (word !== word.toUpperCase()) throw new Error(`A selector names the word "${word}": selector words are upper-cased.`);
      this.wordRoutes.set(word, routeFor('word', word));
    }
    this.otherWordRoute = kindRoutes.get('word') as TokenRoute;
    const otherKindRoute = { tokenSlots: slotsWhere(tokenSelectors, (selector) => selector === undefined), statementSlots: [] };
    this.routesByKind = TOKEN_KINDS.map((kind) => kindRoutes.get(kind) ?? otherKindRoute);

    const selectsByContent = (selector: StatementSelector | undefined): boolean =>
      (selector?.words?.length ?? 0) > 0 || (selector?.tokenKinds?.length ?? 0) > 0;
    const candidatesFor = (kind: string | undefined): StatementCandidates => {
      const all = statementSelectors.flatMap((selector, slot): StatementCandidate[] => {
        if (!selector || (kind !== undefined && selector.kinds?.includes(kind))) return [{ slot, always: true }];
        return selectsByContent(selector) ? [{ slot, always: false }] : [];
      });
      return { all, always: all.filter((candidate) => candidate.always).map((candidate) => candidate.slot) };
    };
    for (const selector of statementSelectors) {
      for (const kind of selector?.kinds ?? []) if (!this.candidatesByKind.has(kind)) this.candidatesByKind.set(kind, candidatesFor(kind));
    }
    this.otherKindCandidates = candidatesFor(undefined);
    this.selectsByContent = statementSelectors.some(selectsByContent);
  }
}

/** Plans by the selectors they were built for (see planKey); a run uses one or a few rule sets. */
const plans = new Map<string, DispatchPlan>();
const MAX_PLANS = 32;

/**
 * A number per selector object, equal for selectors of equal content: rules keep their
 * selectors in module constants, so a file's plan is found by a few WeakMap lookups instead of
 * by writing out every word; a selector built afresh per file still finds its plan by content.
 * Ids are never reused, so forgetting contents (to bound memory) only costs a rebuild.
 */
const selectorIds = new WeakMap<TokenSelector | StatementSelector, number>();
const idsByContent = new Map<string, number>();
let nextSelectorId = 0;

function selectorId(selector: TokenSelector | StatementSelector | undefined): number {
  if (!selector) return -1;
  let id = selectorIds.get(selector);
  if (id === undefined) {
    const content = JSON.stringify(selector);
    id = idsByContent.get(content);
    if (id === undefined) {
      if (idsByContent.size >= 1024) idsByContent.clear();
      id = nextSelectorId++;
      idsByContent.set(content, id);
    }
    selectorIds.set(selector, id);
  }
  return id;
}

/** Two visitor lists with equal keys select the same tokens and statements. */
function planKey(tokenSelectors: readonly (TokenSelector | undefined)[], statementSelectors: readonly (StatementSelector | undefined)[]): string {
  return `${tokenSelectors.map(selectorId).join(',')}#${statementSelectors.map(selectorId).join(',')}`;
}

/**
 * The plan found last and the selector objects it was found for. Files in a run are mostly
 * linted with the same rules, whose selectors are the same objects file after file: comparing
 * them one by one finds the plan without building its key (a run over 2,000 small files built
 * 2,000 keys for one or two plans). The same objects always get the same key (selectorId
 * remembers an object's id), so this answers as the key would.
 */
let lastPlan:
  | { tokenSelectors: readonly (TokenSelector | undefined)[]; statementSelectors: readonly (StatementSelector | undefined)[]; plan: DispatchPlan }
  | undefined;

function sameSelectors<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function planFor(tokenVisitors: readonly RuleVisitor[], statementVisitors: readonly RuleVisitor[]): DispatchPlan {
  const tokenSelectors = tokenVisitors.map((visitor) => visitor.tokenSelector);
  const statementSelectors = statementVisitors.map((visitor) => visitor.statementSelector);
  if (lastPlan && sameSelectors(lastPlan.tokenSelectors, tokenSelectors) && sameSelectors(lastPlan.statementSelectors, statementSelectors)) {
    return lastPlan.plan;
  }
  const key = planKey(tokenSelectors, statementSelectors);
  let plan = plans.get(key);
  if (!plan) {
    if (plans.size >= MAX_PLANS) plans.clear(); // rule sets that change from file to file: keep memory bounded
    plan = new DispatchPlan(tokenSelectors, statementSelectors);
    plans.set(key, plan);
  }
  lastPlan = { tokenSelectors, statementSelectors, plan };
  return plan;
}

/**
 * Calls rule visitors for what their selectors ask for (rule.ts, TokenSelector and
 * StatementSelector), in the order the engine always used: every selected statement visitor
 * in rule order, then each token's selected token visitors in rule order. A token costs one
 * lookup (by its upper-cased word, or its kind) instead of a call to every rule.
 */
export class VisitorDispatch {
  private readonly tokenVisitors: readonly RuleVisitor[];
  private readonly statementVisitors: readonly RuleVisitor[];
  /**
   * The visitors' functions, read once: every rule's visitor object has a shape of its own, so
   * reading `visitor.token` at each call was a megamorphic property load, per call.
   */
  private readonly tokenFunctions: readonly NonNullable<RuleVisitor['token']>[];
  private readonly statementFunctions: readonly NonNullable<RuleVisitor['statement']>[];
  private readonly plan: DispatchPlan;
  /** For each statement visitor slot, the last statement (by serial) its words or token kinds were found in. */
  private readonly selectedIn: Int32Array;
  private serial = 0;
  /**
   * Reused per statement: the tokens that have token visitors (their index in the statement,
   * and their route), found while looking for statement selectors, so the token visitors are
   * called without a second look at the tokens no visitor wants (three in four on the bench's
   * T-SQL file). They keep their longest length (bounded by MAX_STATEMENT_TOKENS) and hold only
   * numbers and the shared routes, so nothing of an earlier statement stays alive through them.
   */
  private readonly visitedAt: number[] = [];
  private readonly visitedRoutes: TokenRoute[] = [];

  constructor(visitors: readonly RuleVisitor[]) {
    // One pass instead of a filter and a map per list: a run over small files builds one dispatch per file.
    const tokenVisitors: RuleVisitor[] = [];
    const statementVisitors: RuleVisitor[] = [];
    const tokenFunctions: NonNullable<RuleVisitor['token']>[] = [];
    const statementFunctions: NonNullable<RuleVisitor['statement']>[] = [];
    for (const visitor of visitors) {
      if (visitor.token) {
        tokenVisitors.push(visitor);
        tokenFunctions.push(visitor.token);
      }
      if (visitor.statement) {
        statementVisitors.push(visitor);
        statementFunctions.push(visitor.statement);
      }
    }
    this.tokenVisitors = tokenVisitors;
    this.statementVisitors = statementVisitors;
    this.tokenFunctions = tokenFunctions;
    this.statementFunctions = statementFunctions;
    this.plan = planFor(tokenVisitors, statementVisitors);
    this.selectedIn = new Int32Array(this.statementVisitors.length).fill(-1);
  }

  /** Calls the selected statement visitors, then each token's selected token visitors. */
  visit(statement: Statement): void {
    const { plan, selectedIn, visitedAt, visitedRoutes } = this;
    const tokens = statement.tokens;
    const serial = this.serial++;
    if (!plan.selectsByContent) {
      this.callStatementVisitors(statement, serial, false);
      if (this.tokenVisitors.length === 0) return;
      for (let i = 0; i < tokens.length; i++) this.callTokenVisitors(this.routeOf(tokens[i]).tokenSlots, tokens[i], statement, i);
      return;
    }
    // The statement visitors run before any token visitor, so the tokens are routed first.
    let visited = 0;
    let selectedAny = false;
    for (let i = 0; i < tokens.length; i++) {
      const route = this.routeOf(tokens[i]);
      if (route.tokenSlots.length > 0) {
        visitedAt[visited] = i;
        visitedRoutes[visited++] = route;
      }
      const slots = route.statementSlots;
      if (slots.length === 0) continue;
      selectedAny = true;
      for (let k = 0; k < slots.length; k++) selectedIn[slots[k]] = serial;
    }
    this.callStatementVisitors(statement, serial, selectedAny);
    for (let v = 0; v < visited; v++) {
      const i = visitedAt[v];
      this.callTokenVisitors(visitedRoutes[v].tokenSlots, tokens[i], statement, i);
    }
  }

  /** `selectedAny`: some token of the statement selected a statement visitor (as `serial`, in selectedIn). */
  private callStatementVisitors(statement: Statement, serial: number, selectedAny: boolean): void {
    const candidates = this.plan.candidatesByKind.get(statement.kind) ?? this.plan.otherKindCandidates;
    if (!selectedAny) {
      const slots = candidates.always;
      for (let c = 0; c < slots.length; c++) this.statementFunctions[slots[c]].call(this.statementVisitors[slots[c]], statement);
      return;
    }
    const all = candidates.all;
    for (let c = 0; c < all.length; c++) {
      const { slot, always } = all[c];
      if (always || this.selectedIn[slot] === serial) this.statementFunctions[slot].call(this.statementVisitors[slot], statement);
    }
  }

  private callTokenVisitors(slots: readonly number[], token: Token, statement: Statement, index: number): void {
    for (let v = 0; v < slots.length; v++) {
      const slot = slots[v];
      this.tokenFunctions[slot].call(this.tokenVisitors[slot], token, statement, index);
    }
  }

  private routeOf(token: Token): TokenRoute {
    const plan = this.plan;
    if (token.kind === 'word') return plan.wordRoutes.get(token.upper) ?? plan.otherWordRoute;
    return plan.routesByKind[kindIndex(token.kind)];
  }
}
