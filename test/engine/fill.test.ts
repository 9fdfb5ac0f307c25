import { describe, expect, it } from 'vitest';
import { fill } from '../../src/engine/linter.js';

describe('fill', () => {
  it('replaces each placeholder with its datum, spaces inside the braces allowed', () => {
    expect(fill('Table {{table}} has {{ count }} columns.', { table: 'users', count: 3 })).toBe('Table users has 3 columns.');
  });

  it('fills a name used twice, and placeholders at both ends', () => {
    expect(fill('{{a}}-{{b}}-{{a}}', { a: 'x', b: 'y' })).toBe('x-y-x');
  });

  it('keeps a placeholder whose name has no datum, as written', () => {
    expect(fill('{{ known }} and {{  unknown }}', { known: 'k' })).toBe('k and {{  unknown }}');
    // Only the data's own names count: an inherited property is no datum.
    expect(fill('{{toString}}', {})).toBe('{{toString}}');
  });

  it('inserts data literally, replacement patterns included', () => {
    expect(fill('name {{n}}', { n: "$& $1 $$ $'" })).toBe("name $& $1 $$ $'");
  });

  it('leaves a template without data or without placeholders as it is', () => {
    expect(fill('Plain {{x}}.', undefined)).toBe('Plain {{x}}.');
    expect(fill('No placeholders.', { x: 1 })).toBe('No placeholders.');
    expect(fill('{{not a name}} {x}', { x: 1 })).toBe('{{not a name}} {x}');
  });

  it('gives the same answer for a template met again with other data', () => {
    expect(fill('{{a}}!', { a: 1 })).toBe('1!');
    expect(fill('{{a}}!', { a: 2 })).toBe('2!');
    expect(fill('{{a}}!', {})).toBe('{{a}}!');
  });
});
