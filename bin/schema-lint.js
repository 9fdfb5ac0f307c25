#!/usr/bin/env node
// The published entry point: everything lives in the compiled CLI module.
import { main } from '../dist/src/cli/main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
