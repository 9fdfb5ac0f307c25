import { describe, expect, it } from 'vitest';
import { splitAll } from '../../src/sql/splitter.js';
import { TokenCursor } from '../../src/tsql/cursor.js';
import { parseDataType } from '../../src/tsql/data-type.js';

const parse = (type: string) => {
  const c = new TokenCursor(splitAll(`DECLARE @v ${type}`, 'tsql')[0].tokens);
  c.pos = 2;
  const node = parseDataType(c);
  return { name: node.name, qualified: node.qualified, args: node.args, nameToken: node.nameToken.text, rest: c.done };
};

describe('parseDataType names', () => {
  it('upper-cases bare, bracketed and qualified names', () => {
    expect(parse('nvarchar(50)')).toEqual({ name: 'NVARCHAR', qualified: false, args: ['50'], nameToken: 'nvarchar', rest: true });
    expect(parse('[decimal](18, -2)')).toEqual({ name: 'DECIMAL', qualified: false, args: ['18', '-2'], nameToken: '[decimal]', rest: true });
    expect(parse('dbo.[Phone]')).toEqual({ name: 'PHONE', qualified: true, args: [], nameToken: '[Phone]', rest: true });
    expect(parse('VarChar(max)').name).toBe('VARCHAR');
    expect(parse('straße').name).toBe('STRASSE');
  });

  it('joins multi-word names with one space', () => {
    expect(parse('double precision').name).toBe('DOUBLE PRECISION');
    expect(parse('char varying (10)')).toMatchObject({ name: 'CHAR VARYING', args: ['10'] });
    expect(parse('national character varying (20)')).toMatchObject({ name: 'NATIONAL CHARACTER VARYING', args: ['20'] });
    expect(parse('National Text').name).toBe('NATIONAL TEXT');
    expect(parse('binary(8)')).toMatchObject({ name: 'BINARY', args: ['8'] });
  });
});
