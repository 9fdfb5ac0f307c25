import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, workflowCommand } from '../../src/formatters/workflow-command.js';

describe('workflow commands', () => {
  it('escapes %, CR and LF in the message', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
  });

  it('also escapes : and , in property values', () => {
    expect(escapeProperty('db/odd:name, 100%.sql\n')).toBe('db/odd%3Aname%2C 100%25.sql%0A');
  });

  it('escapes % first, so an escape sequence in the input stays literal', () => {
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('writes a command with properties, and one without', () => {
    expect(workflowCommand('error', [['file', 'a.sql'], ['line', 3]], 'Bad: thing')).toBe('::error file=a.sql,line=3::Bad: thing');
    expect(workflowCommand('warning', [], 'plain')).toBe('::warning::plain');
  });

  it('escapes any text so that it stays on one line and the runner unescapes it back', () => {
    // The runner's decoding: each %XX of the escaped set back to its character.
    const unescape = (text: string): string =>
      text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const data = escapeData(text);
        const property = escapeProperty(text);
        expect(data).not.toMatch(/[\r\n]/);
        expect(property).not.toMatch(/[\r\n:,]/);
        expect(unescape(data)).toBe(text);
        expect(unescape(property)).toBe(text);
      }),
    );
  });
});
