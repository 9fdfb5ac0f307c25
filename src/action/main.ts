#!/usr/bin/env node
/**
 * The GitHub Action's entry point (action.yml runs the compiled `dist/src/action/main.js`):
 * the runner's `INPUT_*` and `GITHUB_*` variables in, annotations on stdout, the exit code
 * out. Kept to wiring; the work is in run.ts.
 */
import { runAction } from './run.js';

const code = await runAction({
  env: process.env,
  cwd: process.cwd(),
  write: (text) => {
    if (text !== '') process.stdout.write(text);
  },
});
process.exitCode = code;
