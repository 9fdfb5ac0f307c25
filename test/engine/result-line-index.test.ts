import { describe, expect, it, vi } from 'vitest';
import { lintText } from '../../src/api/lint.js';
import { countDiagnostics, type LintResult } from '../../src/engine/diagnostic.js';
import { attachLineIndex, lineIndexOf } from '../../src/engine/result-line-index.js';
import { SourceText } from '../../src/sql/source-text.js';
import type * as SourceTextModule from '../../src/sql/source-text.js';

// Every module gets a SourceText that counts how many line indexes are built.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/sql/source-text.js', async (importOriginal) => {
  const original = await importOriginal<typeof SourceTextModule>();
  class CountedSourceText extends original.SourceText {
    constructor(text: string) {
      super(text);
      built.count++;
    }
  }
  return { ...original, SourceText: CountedSourceText };
});

/** A result as it arrives from a worker or the cache: plain data, no problems. */
function plainResult(source: string | undefined): LintResult {
  return { filePath: '/x/schema.sql', dialect: 'tsql', dialectSource: 'test', messages: [], ...countDiagnostics([]), source };
}

describe('lineIndexOf', () => {
  it('lends the lint pass its own index: a linted result needs no second one', async () => {
    const result = await lintText('CREATE TABLE t (a INT)\nGO\nSELECT 1\n', { filePath: 'schema.sql', config: { config: {}, baseDir: '/' } as never });
    const before = built.count;
    const index = lineIndexOf(result);
    expect(built.count).toBe(before);
    expect(index?.text).toBe(result.source);
    expect(index?.lineCount).toBe(4);
  });

  it("places parity's findings with the lint pass's index: a finding needs no second one", async () => {
    const config = { config: {}, baseDir: '/nowhere' } as never;
    const text = 'CREATE TABLE users (id INTEGER PRIMARY KEY);\n';
    const before = built.count;
    const result = await lintText(text, { filePath: '/nowhere/app.sqlite.sql', config });
    expect(result.messages.map((message) => message.ruleId)).toContain('parity/missing-counterpart');
    expect(built.count - before).toBe(1);
    expect(lineIndexOf(result)?.text).toBe(text);
  });

  it('hands back the index it was lent', () => {
    const result = plainResult('a\nb\n');
    const lintPass = new SourceText('a\nb\n');
    attachLineIndex(result, lintPass);
    expect(lineIndexOf(result)).toBe(lintPass);
  });

  it('builds an index once for a result that arrived as plain data (a worker, the cache)', () => {
    const result = plainResult('a\r\nb\rc\n');
    const index = lineIndexOf(result);
    expect(Array.from(index?.lineStarts ?? [])).toEqual([0, 3, 5, 7]);
    expect(lineIndexOf(result)).toBe(index);
  });

  it('keeps no index for another text: a fixed output is indexed as itself', () => {
    const result = plainResult('fixed\n');
    const lintPass = new SourceText('original\ntext\n');
    attachLineIndex(result, lintPass);
    expect(lineIndexOf(result)).not.toBe(lintPass);
    expect(lineIndexOf(result)?.text).toBe('fixed\n');
  });

  it('follows a result whose text was replaced after the index was made', () => {
    const result = plainResult('one\n');
    expect(lineIndexOf(result)?.lineCount).toBe(2);
    result.source = 'one\ntwo\nthree\n';
    expect(lineIndexOf(result)?.lineCount).toBe(4);
  });

  it('gives nothing for a result without text (an unreadable file)', () => {
    expect(lineIndexOf(plainResult(undefined))).toBeUndefined();
  });
});
