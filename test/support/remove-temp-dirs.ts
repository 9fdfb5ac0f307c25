import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.js';

// A setup file: the hook it registers runs after every test file, so no test leaves its
// temporary folders behind in the OS's temporary folder.
afterAll(removeTempDirs);
