import type { Statement } from '../sql/statement.js';
import type { Token, TokenKind } from '../sql/token.js';
import type { RuleVisitor } from './rule.js';

/** What one token leads to: the token visitors it is for, and the statement visitors it selects. */
interface TokenRoute {
  /** In rule order. */
  readonly tokenVisitors: readonly RuleVisitor[];
  /** Slots of the statement visitors whose selector names this word or token kind. */
  readonly statementSlots: readonly number[];
}

/** A statement visitor, and whether it is called for a statement of some kind without looking at its tokens. */
interface StatementCandidate {
  readonly visitor: RuleVisitor;
  readonly slot: number;
  /** True: called. False: called only when one of the statement's tokens selected it. */
  readonly always: boolean;
}

const NO_SLOTS: readonly number[] = [];

/**
 * Calls rule visitors for what their selectors ask for (rule.ts, TokenSelector and
 * StatementSelector), in the order the engine always used: every selected statement visitor
 * in rule order, then each token's selected token visitors in rule order. The tables are built
 * once per file from the file's visitors; a token then costs one lookup (by its upper-cased
 * word, or its kind) instead of a call to every rule.
 */
export class VisitorDispatch {
  private readonly wordRoutes = new Map<string, TokenRoute>();
  private readonly kindRoutes = new Map<TokenKind, TokenRoute>();
  /** Route of a word no selector names, and of a token of a kind no selector names. */
  private readonly otherWordRoute: TokenRoute;
  private readonly otherKindRoute: TokenRoute;
  private readonly hasTokenVisitors: boolean;

  private readonly candidatesByKind = new Map<string, readonly StatementCandidate[]>();
  /** Candidates for a statement of a kind no selector names. */
  private readonly otherKindCandidates: readonly StatementCandidate[];
  /** Some statement visitor is selected by the words or token kinds a statement holds: its tokens are read first. */
  private readonly selectsByContent: boolean;
  /** For each statement visitor slot, the last statement (by serial) its words or token kinds were found in. */
  private readonly selectedIn: Int32Array;
  private serial = 0;
  /**
   * Reused per statement: the route of each of its tokens, found while looking for statement
   * selectors. It keeps its longest length (bounded by MAX_STATEMENT_TOKENS) and holds only the
   * shared routes, so nothing of an earlier statement stays alive through it.
   */
  private routes: TokenRoute[] = [];

  constructor(visitors: readonly RuleVisitor[]) {
    const tokenVisitors = visitors.filter((visitor) => visitor.token);
    const statementVisitors = visitors.filter((visitor) => visitor.statement);
    this.hasTokenVisitors = tokenVisitors.length > 0;

    // Every word and token kind any selector names gets its own route; the rest share two.
    const words = new Set<string>();
    const kinds = new Set<TokenKind>();
    for (const visitor of tokenVisitors) {
      for (const word of visitor.tokenSelector?.words ?? []) words.add(word);
      for (const kind of visitor.tokenSelector?.kinds ?? []) kinds.add(kind);
    }
    for (const visitor of statementVisitors) {
      for (const word of visitor.statementSelector?.words ?? []) words.add(word);
      for (const kind of visitor.statementSelector?.tokenKinds ?? []) kinds.add(kind);
    }
    kinds.add('word');

    const selectedBy = (slots: number[], test: (visitor: RuleVisitor) => boolean): number[] => {
      statementVisitors.forEach((visitor, slot) => {
        if (visitor.statementSelector && test(visitor)) slots.push(slot);
      });
      return slots;
    };
    const tokenVisitorsFor = (test: (visitor: RuleVisitor) => boolean): RuleVisitor[] =>
      tokenVisitors.filter((visitor) => !visitor.tokenSelector || test(visitor));
    const route = (tokenVisitorList: RuleVisitor[], slots: number[]): TokenRoute => ({
      tokenVisitors: tokenVisitorList,
      statementSlots: slots.length > 0 ? slots : NO_SLOTS,
    });
    const selectsWordKind = (visitor: RuleVisitor): boolean => visitor.tokenSelector?.kinds?.includes('word') ?? false;

    for (const kind of kinds) {
      this.kindRoutes.set(
        kind,
        route(
          tokenVisitorsFor((visitor) => visitor.tokenSelector?.kinds?.includes(kind) ?? false),
          selectedBy([], (visitor) => visitor.statementSelector?.tokenKinds?.includes(kind) ?? false),
        ),
      );
    }
    const wordKindRoute = this.kindRoutes.get('word') as TokenRoute;
    for (const word of words) {
      this.wordRoutes.set(
        word,
        route(
          tokenVisitorsFor((visitor) => selectsWordKind(visitor) || (visitor.tokenSelector?.words?.includes(word) ?? false)),
          selectedBy(
            [],
            (visitor) =>
              (visitor.statementSelector?.tokenKinds?.includes('word') ?? false) || (visitor.statementSelector?.words?.includes(word) ?? false),
          ),
        ),
      );
    }
    this.otherWordRoute = wordKindRoute;
    this.otherKindRoute = route(tokenVisitorsFor(() => false), []);

    const statementKinds = new Set<string>();
    for (const visitor of statementVisitors) for (const kind of visitor.statementSelector?.kinds ?? []) statementKinds.add(kind);
    const candidatesFor = (kind: string | undefined): StatementCandidate[] => {
      const candidates: StatementCandidate[] = [];
      statementVisitors.forEach((visitor, slot) => {
        const selector = visitor.statementSelector;
        if (!selector || (kind !== undefined && selector.kinds?.includes(kind))) {
          candidates.push({ visitor, slot, always: true });
        } else if ((selector.words?.length ?? 0) > 0 || (selector.tokenKinds?.length ?? 0) > 0) {
          candidates.push({ visitor, slot, always: false });
        }
      });
      return candidates;
    };
    for (const kind of statementKinds) this.candidatesByKind.set(kind, candidatesFor(kind));
    this.otherKindCandidates = candidatesFor(undefined);
    this.selectsByContent = statementVisitors.some(
      (visitor) => (visitor.statementSelector?.words?.length ?? 0) > 0 || (visitor.statementSelector?.tokenKinds?.length ?? 0) > 0,
    );
    this.selectedIn = new Int32Array(statementVisitors.length).fill(-1);
  }

  /** Calls the selected statement visitors, then each token's selected token visitors. */
  visit(statement: Statement): void {
    const tokens = statement.tokens;
    const serial = this.serial++;
    const routes = this.routes;
    if (this.selectsByContent) {
      // The statement visitors run before any token visitor, so the tokens are routed first.
      for (let i = 0; i < tokens.length; i++) {
        const route = this.routeOf(tokens[i]);
        routes[i] = route;
        const slots = route.statementSlots;
        for (let k = 0; k < slots.length; k++) this.selectedIn[slots[k]] = serial;
      }
    }
    const candidates = this.candidatesByKind.get(statement.kind) ?? this.otherKindCandidates;
    for (let c = 0; c < candidates.length; c++) {
      const candidate = candidates[c];
      if (candidate.always || this.selectedIn[candidate.slot] === serial) candidate.visitor.statement?.(statement);
    }
    if (!this.hasTokenVisitors) return;
    for (let i = 0; i < tokens.length; i++) {
      const route = this.selectsByContent ? routes[i] : this.routeOf(tokens[i]);
      const visitors = route.tokenVisitors;
      for (let v = 0; v < visitors.length; v++) visitors[v].token?.(tokens[i], statement, i);
    }
  }

  private routeOf(token: Token): TokenRoute {
    if (token.kind === 'word') return this.wordRoutes.get(token.upper) ?? this.otherWordRoute;
    return this.kindRoutes.get(token.kind) ?? this.otherKindRoute;
  }
}
