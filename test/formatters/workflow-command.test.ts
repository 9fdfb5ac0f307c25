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
});
