import { describe, expect, it } from 'vitest';
import { markdownCode, markdownText } from '../../src/formatters/markdown.js';

describe('Markdown escaping for the step summary', () => {
  it('escapes characters Markdown and tables give meaning to, and keeps text on one line', () => {
    expect(markdownText('SELECT * FROM [dbo].[t] | x_y <b> & `c`\nnext')).toBe(
      'SELECT \\* FROM \\[dbo\\].\\[t\\] \\| x\\_y \\<b\\> &amp; \\`c\\` next',
    );
  });

  it('fences code with more backticks than it holds and escapes pipes', () => {
    expect(markdownCode('db/a.sql:1:2')).toBe('`db/a.sql:1:2`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`a|b')).toBe('`` `a\\|b ``');
  });
});
