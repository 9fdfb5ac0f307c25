import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type * as Formatters from '../../src/formatters/index.js';

// A report past V8's string cap needs millions of problems (~512 MB of text); the formatter
// stands in for one that reached it, as JSON.stringify and join do with "Invalid string length".
vi.mock('../../src/formatters/index.js', async (importOriginal) => ({
  ...(await importOriginal<typeof Formatters>()),
  loadFormatter: () =>
    Promise.resolve(() => {
      throw new RangeError('Invalid string length');
    }),
}));

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

describe('a report too large to build', () => {
  it('is one line that says so and what to do, exit 2, not an internal error', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out = collect(stdout);
    const err = collect(stderr);
    const code = await main(['fixtures/example/src/Database/schema.sql'], { stdout, stderr, stdin: new PassThrough(), cwd: process.cwd(), env: {}, stdoutIsTTY: false });
    expect(code).toBe(2);
    expect(out()).toBe('');
    expect(err()).toBe(
      'schema-lint: the report is too large to build: it passed the ~512 MB a JavaScript string can hold. Lint fewer files per run, leave out warnings with --quiet, or use a terser --format (compact).\n',
    );
  });
});
