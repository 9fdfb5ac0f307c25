import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';

describe('numeric options take decimal whole numbers only', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    ['-1', undefined], // -1 means no limit, as in ESLint
  ])('--max-warnings %j is %j', (text, expected) => {
    // The = form: node's parseArgs takes a separate `-1` for an option of its own.
    expect(parseCliArgs([`--max-warnings=${text}`, 'a.sql']).maxWarnings).toBe(expected);
  });

  it.each(['', '1e3', '0x10', ' 5', '1.5', '-2', 'ten'])('--max-warnings %j is a usage error', (text) => {
    expect(() => parseCliArgs([`--max-warnings=${text}`, 'a.sql'])).toThrow(`--max-warnings takes a whole number, not "${text}".`);
  });

  it.each([
    ['2', 2],
    ['off', 'off'],
    ['auto', 'auto'],
  ])('--concurrency %j is %j', (text, expected) => {
    expect(parseCliArgs(['--concurrency', text, 'a.sql']).concurrency).toBe(expected);
  });

  it.each(['', '2e0', '0x2', '0', ' 2'])('--concurrency %j is a usage error', (text) => {
    expect(() => parseCliArgs(['--concurrency', text, 'a.sql'])).toThrow(`--concurrency takes off, auto or a number of threads (1 or more), not "${text}".`);
  });
});
