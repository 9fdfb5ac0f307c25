#!/usr/bin/env node
// The published entry point: everything lives in the compiled CLI module. `npm run build` also
// bundles it into dist/bundle/cli.js, which starts faster (a few files to load, not ~160); the
// bundle is used only while it is at least as new as the tsc output, so it is never stale.
import { statSync } from 'node:fs';
import { URL } from 'node:url';

const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
const compiled = new URL('../dist/src/cli/main.js', import.meta.url);

function bundleIsFresh() {
  try {
    return statSync(bundle).mtimeMs >= statSync(compiled).mtimeMs;
  } catch {
    return false;
  }
}

const { main } = await import(bundleIsFresh() ? bundle.href : compiled.href);
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
