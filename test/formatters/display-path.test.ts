import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath, isInside } from '../../src/formatters/display-path.js';

describe('displayPath', () => {
  const cwd = path.resolve('/repo/root');

  it('shows files inside the working folder relative to it, with / separators', () => {
    expect(displayPath(path.join(cwd, 'db', 'schema.sql'), cwd)).toBe('db/schema.sql');
    expect(displayPath('db/schema.sql', cwd)).toBe('db/schema.sql');
    expect(isInside(path.join(cwd, 'db', 'schema.sql'), cwd)).toBe(true);
  });

  it('keeps the absolute path of a file outside the working folder', () => {
    const outside = path.resolve('/repo/other/x.sql');
    expect(displayPath(outside, cwd)).toBe(outside.split(path.sep).join('/'));
    expect(isInside(outside, cwd)).toBe(false);
  });

  it('does not mistake a name that starts with two dots for a parent folder', () => {
    expect(displayPath(path.join(cwd, '..data', 'x.sql'), cwd)).toBe('..data/x.sql');
    expect(isInside(path.join(cwd, '..data', 'x.sql'), cwd)).toBe(true);
  });
});
