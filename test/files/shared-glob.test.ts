import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as globModule from 'glob';
import { describe, expect, it } from 'vitest';
import { SharedGlob } from '../../src/files/shared-glob.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('shared-glob');

for (const file of ['a.sql', 'b.sqlite.sql', 'db/c.sql', 'db/.hidden.sql', 'db/deep/d.sql', 'node_modules/x.sql', 'db/e.txt']) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), '');
}

const options = { cwd: dir, absolute: true as const, nodir: true as const, dot: false, ignore: ['**/node_modules/**'] };
const PATTERNS = ['*.sql', '**/*.sql', 'db/*.s?l', 'db/**', '{a,db/c}.sql', 'missing/*.sql', '**/*.sqlite.sql'];

describe('SharedGlob', () => {
  it('matches what separate glob calls match, pattern after pattern, synchronously and not', async () => {
    const shared = new SharedGlob(globModule);
    for (const pattern of PATTERNS) {
      const alone = globModule.globSync(pattern, options).sort();
      expect(shared.matchSync(pattern, options).sort()).toEqual(alone);
      expect((await shared.match(pattern, options)).sort()).toEqual(alone);
    }
  });

  it('reads each folder once for all its calls: a file added after the first call is seen only by a new one', () => {
    const shared = new SharedGlob(globModule);
    expect(shared.matchSync('db/*.sql', options).map((file) => path.basename(file))).toEqual(['c.sql']);
    writeFileSync(path.join(dir, 'db', 'later.sql'), '');
    expect(shared.matchSync('db/*.sql', options).map((file) => path.basename(file))).toEqual(['c.sql']);
    expect(new SharedGlob(globModule).matchSync('db/*.sql', options).map((file) => path.basename(file)).sort()).toEqual(['c.sql', 'later.sql']);
  });
});
