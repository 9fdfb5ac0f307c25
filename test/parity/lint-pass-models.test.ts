import { appendFileSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/api/lint.js';
import { loadConfig } from '../../src/config/load.js';
import { FULL_MODEL_LIMIT } from '../../src/model/model-sink.js';
import { checkParity, type ParityFile } from '../../src/parity/check-parity.js';
import type { Dialect } from '../../src/sql/dialect.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Parity takes each linted file's model from the lint pass (a full model, or only the object
 * list of a file over FULL_MODEL_LIMIT). Its findings must be exactly those of parity reading
 * every file itself, on every parity fixture, at both sizes.
 */
const FIXTURES = path.resolve('fixtures/parity');
const folders = readdirSync(FIXTURES).filter((name) => statSync(path.join(FIXTURES, name)).isDirectory()).sort();
const work = tempDir('lint-pass-models');

function sqlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.sql'))
    .map((name) => path.join(root, name))
    .sort();
}

/** Cross-file findings of a real lintFiles run, as `file:line:column rule message`. */
async function throughLint(root: string): Promise<string[]> {
  const results = await lintFiles(['.'], { cwd: root });
  return results
    .flatMap((result) =>
      result.messages
        .filter((m) => m.ruleId?.startsWith('parity/') || m.ruleId?.startsWith('security/'))
        .map((m) => `${path.relative(root, result.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
    )
    .sort();
}

/** The same findings with parity reading every file itself (no lint-pass models). */
async function parityAlone(root: string): Promise<string[]> {
  // Only for each file's dialect, as the CLI judges it.
  const results = await lintFiles(['.'], { cwd: root });
  const files: ParityFile[] = results.map((result) => ({ filePath: result.filePath, dialect: result.dialect as Dialect, text: readFileSync(result.filePath, 'utf8') }));
  const lines: string[] = [];
  for (const [filePath, diagnostics] of checkParity(files, loadConfig(root))) {
    for (const d of diagnostics) lines.push(`${path.relative(root, filePath)}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
  }
  return lines.sort();
}

describe('parity with the models of the lint pass', () => {
  for (const folder of folders) {
    it(`finds what parity alone finds in ${folder}`, async () => {
      const root = path.join(work, `${folder}-as-is`);
      cpSync(path.join(FIXTURES, folder), root, { recursive: true });
      expect(await throughLint(root)).toEqual(await parityAlone(root));
    });

    it(`finds the same in ${folder} when every file is too big for a full model`, async () => {
      const plain = path.join(work, `${folder}-plain`);
      const root = path.join(work, `${folder}-big`);
      cpSync(path.join(FIXTURES, folder), plain, { recursive: true });
      cpSync(path.join(FIXTURES, folder), root, { recursive: true });
      // One trailing block comment: no object and no line number moves, but the file is big.
      for (const file of sqlFiles(root)) appendFileSync(file, `\n/*${'x'.repeat(FULL_MODEL_LIMIT)}*/\n`);
      const expected = await parityAlone(plain);
      expect(await throughLint(root)).toEqual(expected);
    });
  }

  for (const padded of [false, true]) {
    it(`lets a directive in a linted file switch a parity finding off${padded ? ' (a file too big for a full model)' : ''}`, async () => {
      const root = path.join(work, `directive-${padded}`);
      cpSync(path.join(FIXTURES, 'drift'), root, { recursive: true });
      const file = path.join(root, 'schema.sqlite.sql');
      if (padded) appendFileSync(file, `\n/*${'x'.repeat(FULL_MODEL_LIMIT)}*/\n`);
      const before = await throughLint(root);
      expect(before.filter((line) => line.startsWith('schema.sqlite.sql:11:5 parity/nullability'))).toHaveLength(1);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace('    note TEXT NOT NULL,', '    note TEXT NOT NULL, -- schema-lint-disable-line parity/nullability'));
      const after = await throughLint(root);
      expect(after.filter((line) => line.startsWith('schema.sqlite.sql:11:'))).toEqual([]);
      expect(after.filter((line) => line.startsWith('schema.sql:13:5 parity/nullability'))).toHaveLength(1);
    });
  }
});
