import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DataType } from '../../src/model/schema.js';
import { formatType, toSqliteType, toTsqlType } from '../../src/model/type-mapping.js';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/convert.md'), 'utf8');

/** The rows of the Markdown table that follows `heading` (a line of the document). */
function tableAfter(heading: string): [string, string][] {
  const lines = doc.split('\n');
  const start = lines.indexOf(heading);
  expect(start, `"${heading}" in docs/convert.md`).toBeGreaterThanOrEqual(0);
  const rows: [string, string][] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (/^-+$/.test(cells[0]) || cells[0] === 'SQLite' || cells[0] === 'SQL Server') continue;
    rows.push([cells[0], cells[1]]);
  }
  return rows;
}

function parseType(cell: string): DataType | undefined {
  const match = /^`([A-Z0-9_ ]+?)(?:\((.*)\))?`/.exec(cell);
  if (!match) return undefined;
  return { name: match[1], args: match[2] ? match[2].split(',').map((arg) => arg.trim()) : [] };
}

const written = (type: DataType | undefined): string => (type ? `\`${formatType(type).replace(/, /g, ',')}\`` : '(no type)');

describe('docs/convert.md type tables say what the code does', () => {
  it.each(tableAfter('SQLite → SQL Server:'))('SQLite %s → %s', (source, target) => {
    const conversion = toTsqlType(parseType(source));
    expect(target.startsWith(written(conversion.type))).toBe(true);
    expect(target.includes('warning')).toBe(!conversion.exact);
  });

  it.each(tableAfter('SQL Server → SQLite:'))('SQL Server %s → %s', (source, target) => {
    const conversion = toSqliteType(parseType(source));
    expect(target.startsWith(written(conversion.type))).toBe(true);
    if (!conversion.exact) expect(target).toContain('warning');
  });

  it('lists every family of both directions', () => {
    expect(tableAfter('SQLite → SQL Server:').length).toBeGreaterThanOrEqual(20);
    expect(tableAfter('SQL Server → SQLite:').length).toBeGreaterThanOrEqual(25);
  });
});
