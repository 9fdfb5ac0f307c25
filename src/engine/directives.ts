import type { Diagnostic } from './diagnostic.js';
import type { SourceText } from '../sql/source-text.js';
import type { Token } from '../sql/token.js';

/**
 * Inline directives in SQL comments, as ESLint has them:
 *   -- schema-lint-disable-next-line tsql/no-autoincrement, tsql/no-pragma
 *   -- schema-lint-disable-line
 *   /* schema-lint-disable *\/ … /* schema-lint-enable *\/
 * Without rule names a directive covers every rule. Text after ` -- ` is a reason.
 */
type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

interface Directive {
  kind: DirectiveKind;
  /** Empty: every rule. */
  rules: string[];
  offset: number;
}

const DIRECTIVE = /^\s*schema-lint-(disable-next-line|disable-line|disable|enable)(?=\s|$)(.*)$/s;

/** True when a comment holds a directive (DirectiveSet.add would act on it). */
export function isDirectiveComment(comment: Token): boolean {
  return DIRECTIVE.test(commentBody(comment));
}

function commentBody(comment: Token): string {
  return comment.kind === 'line-comment' ? comment.text.slice(2) : comment.text.slice(2, -2);
}

export class DirectiveSet {
  private readonly regions: Directive[] = [];
  private readonly lines = new Map<number, string[][]>();

  constructor(private readonly source: SourceText) {}

  /** Reads a comment token; comments that are not directives are ignored. */
  add(comment: Token): void {
    const match = DIRECTIVE.exec(commentBody(comment));
    if (!match) return;
    const kind = match[1] as DirectiveKind;
    const list = match[2].split(/\s--\s/)[0];
    const rules = list
      .split(',')
      .map((rule) => rule.trim())
      .filter((rule) => rule.length > 0);
    if (kind === 'disable' || kind === 'enable') {
      this.regions.push({ kind, rules, offset: comment.start });
      return;
    }
    const line = this.source.positionAt(comment.start).line + (kind === 'disable-next-line' ? 1 : 0);
    const entries = this.lines.get(line) ?? [];
    entries.push(rules);
    this.lines.set(line, entries);
  }

  /** Drops the diagnostics a directive turns off. */
  filter(diagnostics: Diagnostic[]): Diagnostic[] {
    if (this.regions.length === 0 && this.lines.size === 0) return diagnostics;
    this.regions.sort((a, b) => a.offset - b.offset);
    return diagnostics.filter((diagnostic) => !this.isDisabled(diagnostic));
  }

  private isDisabled(diagnostic: Diagnostic): boolean {
    if (diagnostic.fatal || diagnostic.ruleId === null) return false;
    const ruleId = diagnostic.ruleId;
    const lineRules = this.lines.get(diagnostic.line);
    if (lineRules?.some((rules) => rules.length === 0 || rules.includes(ruleId))) return true;
    let disabled = false;
    for (const region of this.regions) {
      if (region.offset > diagnostic.startOffset) break;
      if (region.rules.length === 0 || region.rules.includes(ruleId)) disabled = region.kind === 'disable';
    }
    return disabled;
  }
}
