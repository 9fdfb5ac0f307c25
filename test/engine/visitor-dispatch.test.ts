import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/engine/linter.js';
import { defineRule, type RuleVisitor, type StatementSelector, type TokenSelector } from '../../src/engine/rule.js';
import { kindIndex, TOKEN_KINDS, VisitorDispatch } from '../../src/engine/visitor-dispatch.js';
import { splitStatements } from '../../src/sql/splitter.js';
import type { Statement } from '../../src/sql/statement.js';

const SQL = [
  'CREATE TABLE [limit] (id INT, note VARCHAR(10) DEFAULT \'limit\');',
  'SELECT a, limit FROM t WHERE b = 1 LIMIT 5;',
  'INSERT INTO t (a) VALUES (1), (2);',
  'ALTER TABLE t ADD c INT;',
  'UPDATE t SET a = "x";',
].join('\n');

const statements = (): Statement[] => [...splitStatements(SQL, 'sqlite')];

/** A visitor that logs, into `log`, each call as `<name> <statement index>[:<token index>]`. */
function logging(name: string, log: string[], selectors: { token?: TokenSelector; statement?: StatementSelector } = {}): RuleVisitor {
  return {
    statement(statement) {
      log.push(`${name} ${statement.index}`);
    },
    statementSelector: selectors.statement,
    token(_token, statement, index) {
      log.push(`${name} ${statement.index}:${index}`);
    },
    tokenSelector: selectors.token,
  };
}

function run(visitors: RuleVisitor[]): void {
  const dispatch = new VisitorDispatch(visitors);
  for (const statement of statements()) dispatch.visit(statement);
}

/** `statement:token` of every token for which `test` holds. */
function tokensWhere(test: (statement: Statement, index: number) => boolean): string[] {
  const found: string[] = [];
  for (const statement of statements()) {
    statement.tokens.forEach((_token, index) => {
      if (test(statement, index)) found.push(`${statement.index}:${index}`);
    });
  }
  return found;
}

const calls = (log: string[], name: string, what: 'tokens' | 'statements'): string[] =>
  log
    .filter((entry) => entry.startsWith(`${name} `) && entry.includes(':') === (what === 'tokens'))
    .map((entry) => entry.slice(name.length + 1));

describe('visitor dispatch', () => {
  it('calls a token visitor keyed by words for exactly those bare words, never quoted names or strings', () => {
    const log: string[] = [];
    run([logging('limit', log, { token: { words: ['LIMIT', 'VALUES'] } })]);
    const expected = tokensWhere((statement, i) => statement.tokens[i].kind === 'word' && ['LIMIT', 'VALUES'].includes(statement.tokens[i].upper));
    expect(expected).toHaveLength(3); // `limit` the column, LIMIT 5, VALUES
    expect(calls(log, 'limit', 'tokens')).toEqual(expected);
  });

  it('calls a token visitor keyed by kinds for exactly the tokens of those kinds', () => {
    const log: string[] = [];
    run([logging('kinds', log, { token: { kinds: ['string', 'quoted-identifier'] } })]);
    const expected = tokensWhere((statement, i) => ['string', 'quoted-identifier'].includes(statement.tokens[i].kind));
    expect(expected).toHaveLength(3);
    expect(calls(log, 'kinds', 'tokens')).toEqual(expected);
  });

  it('calls a token visitor keyed by words and kinds once for a token both select', () => {
    const log: string[] = [];
    run([logging('both', log, { token: { words: ['LIMIT'], kinds: ['word'] } })]);
    expect(calls(log, 'both', 'tokens')).toEqual(tokensWhere((statement, i) => statement.tokens[i].kind === 'word'));
  });

  it('still calls a visitor without selectors for every token and every statement', () => {
    const log: string[] = [];
    run([logging('all', log)]);
    expect(calls(log, 'all', 'tokens')).toEqual(tokensWhere(() => true));
    expect(calls(log, 'all', 'statements')).toEqual(['0', '1', '2', '3', '4']);
  });

  it('calls a statement visitor for the kinds, words and token kinds its selector names, once each', () => {
    const log: string[] = [];
    run([
      logging('kinds', log, { statement: { kinds: ['alter table', 'insert'] } }),
      logging('words', log, { statement: { words: ['LIMIT', 'ADD'] } }),
      logging('tokenKinds', log, { statement: { tokenKinds: ['quoted-identifier'] } }),
      logging('mixed', log, { statement: { kinds: ['create table'], words: ['SET'], tokenKinds: ['string'] } }),
      logging('none', log, { statement: {} }),
    ]);
    expect(calls(log, 'kinds', 'statements')).toEqual(['2', '3']);
    expect(calls(log, 'words', 'statements')).toEqual(['1', '3']);
    expect(calls(log, 'tokenKinds', 'statements')).toEqual(['0', '4']);
    expect(calls(log, 'mixed', 'statements')).toEqual(['0', '4']);
    expect(calls(log, 'none', 'statements')).toEqual([]);
  });

  it('numbers each token kind by its place in TOKEN_KINDS, so the route of every kind is found', () => {
    expect(new Set(TOKEN_KINDS).size).toBe(TOKEN_KINDS.length);
    TOKEN_KINDS.forEach((kind, index) => expect(kindIndex(kind)).toBe(index));
  });

  it('keeps the order of calls: statement visitors in rule order, then token by token in rule order', () => {
    const log: string[] = [];
    run([
      logging('a', log, { token: { words: ['LIMIT', 'FROM'] }, statement: { words: ['LIMIT'] } }),
      logging('b', log),
      logging('c', log, { token: { kinds: ['number', 'word'] }, statement: { kinds: ['select', 'update'] } }),
    ]);
    // The order the engine always called visitors in, without selectors, keeping only what each selects.
    const rules: { name: string; statement: (s: Statement) => boolean; token: (s: Statement, i: number) => boolean }[] = [
      { name: 'a', statement: (s) => s.tokens.some((t) => t.upper === 'LIMIT'), token: (s, i) => ['LIMIT', 'FROM'].includes(s.tokens[i].upper) },
      { name: 'b', statement: () => true, token: () => true },
      { name: 'c', statement: (s) => ['select', 'update'].includes(s.kind), token: (s, i) => ['number', 'word'].includes(s.tokens[i].kind) },
    ];
    const expected: string[] = [];
    for (const statement of statements()) {
      for (const rule of rules) if (rule.statement(statement)) expected.push(`${rule.name} ${statement.index}`);
      statement.tokens.forEach((_token, i) => {
        for (const rule of rules) if (rule.token(statement, i)) expected.push(`${rule.name} ${statement.index}:${i}`);
      });
    }
    expect(log).toEqual(expected);
  });
});

describe('visitor dispatch calls', () => {
  it('call visitors as methods of their visitor object, with and without statement selectors by content', () => {
    for (const statementSelector of [undefined, { words: ['LIMIT'] }]) {
      const seen: unknown[] = [];
      const visitor: RuleVisitor = {
        statement() {
          seen.push(this);
        },
        statementSelector,
        token() {
          seen.push(this);
        },
        tokenSelector: { kinds: ['number'] },
      };
      run([visitor]);
      expect(seen.length).toBeGreaterThan(3);
      expect(seen.every((self) => self === visitor)).toBe(true);
    }
  });
});

describe('selectors', () => {
  it('must name words upper-cased, as a token is looked up by its upper-cased text', () => {
    expect(() => run([logging('lower', [], { token: { words: ['limit'] } })])).toThrow('selector words are upper-cased');
    expect(() => run([logging('lower', [], { statement: { words: ['Values'] } })])).toThrow('selector words are upper-cased');
  });
});

describe('visitor dispatch across files', () => {
  it('calls each file its own visitors when files share selectors, and reads changed selectors afresh', () => {
    const first: string[] = [];
    const second: string[] = [];
    run([logging('x', first, { token: { words: ['LIMIT'] } })]);
    const firstCalls = [...first];
    run([logging('x', second, { token: { words: ['LIMIT'] } })]);
    expect(first).toEqual(firstCalls);
    expect(second).toEqual(firstCalls);

    const changed: string[] = [];
    run([logging('x', changed, { token: { words: ['VALUES'] } })]);
    expect(calls(changed, 'x', 'tokens')).toEqual(tokensWhere((statement, i) => statement.tokens[i].upper === 'VALUES'));
  });

  it("routes by the current file's selectors when they are the very objects of the last file, or only some of them", () => {
    const limit: TokenSelector = { words: ['LIMIT'] };
    const values: TokenSelector = { words: ['VALUES'] };
    const limitCalls = tokensWhere((statement, i) => statement.tokens[i].upper === 'LIMIT');
    const valuesCalls = tokensWhere((statement, i) => statement.tokens[i].upper === 'VALUES');
    for (const round of [1, 2]) {
      const log: string[] = [];
      run([logging('a', log, { token: limit }), logging('b', log, { token: values })]);
      expect(calls(log, 'a', 'tokens'), `round ${round}`).toEqual(limitCalls);
      expect(calls(log, 'b', 'tokens'), `round ${round}`).toEqual(valuesCalls);
    }
    // The same objects, fewer of them, then swapped: each file gets its own routes.
    const one: string[] = [];
    run([logging('b', one, { token: values })]);
    expect(calls(one, 'b', 'tokens')).toEqual(valuesCalls);
    const swapped: string[] = [];
    run([logging('a', swapped, { token: values }), logging('b', swapped, { token: limit })]);
    expect(calls(swapped, 'a', 'tokens')).toEqual(valuesCalls);
    expect(calls(swapped, 'b', 'tokens')).toEqual(limitCalls);
  });
});

describe('lintSource with selectors', () => {
  /** Reports every number and every INSERT statement: with or without selectors, the same problems in the same order. */
  const reporting = (withSelectors: boolean) =>
    defineRule({
      meta: { id: 'test/numbers', description: 'test', dialects: ['sqlite'], severity: 'warn', messages: { number: 'number {{n}}', insert: 'insert' } },
      create(context) {
        return {
          statement(statement) {
            if (statement.kind === 'insert') context.report({ node: statement.tokens[0], messageId: 'insert' });
          },
          statementSelector: withSelectors ? { kinds: ['insert'] } : undefined,
          token(token) {
            if (token.kind === 'number') context.report({ node: token, messageId: 'number', data: { n: token.text } });
          },
          tokenSelector: withSelectors ? { kinds: ['number'] } : undefined,
        };
      },
    });
  const values = defineRule({
    meta: { id: 'test/values', description: 'test', dialects: ['sqlite'], severity: 'error', messages: { values: 'values' } },
    create(context) {
      return {
        token(token) {
          if (token.upper === 'VALUES') context.report({ node: token, messageId: 'values' });
        },
      };
    },
  });
  const lint = (withSelectors: boolean, maxProblems?: number) =>
    lintSource(SQL, {
      filePath: 'x.sql',
      dialect: 'sqlite',
      dialectSource: 'test',
      rules: [
        { rule: reporting(withSelectors), severity: 1, options: [] },
        { rule: values, severity: 2, options: [] },
      ],
      settings: { sqlserverVersion: '2019' },
      maxProblems,
    });

  it('reports the same problems in the same order as visitors without selectors', () => {
    expect(lint(true)).toEqual(lint(false));
    expect(lint(true).map((d) => d.message)).toEqual(['number 10', 'number 1', 'number 5', 'insert', 'values', 'number 1', 'number 2']);
  });

  it('keeps the same problems when the per-file budget cuts them off, so reports arrive in the same order', () => {
    for (const budget of [1, 2, 3, 4, 5, 6]) expect(lint(true, budget)).toEqual(lint(false, budget));
  });
});
