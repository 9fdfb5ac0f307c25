#!/usr/bin/env node
/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file, on purpose (see below) */
// The published entry point: everything lives in the compiled CLI. `npm run build` also bundles
// it into dist/bundle/cli.cjs with a V8 code cache beside it (scripts/bundle-cli.mjs), which
// starts about twice as fast as the ~160 compiled modules; the bundle is used only while it is
// at least as new as the tsc output, so a plain `tsc` rebuild is never shadowed by a stale one.
//
// CommonJS (bin/package.json), unlike the rest of the package: an ES module entry point starts
// Node's ES module loader, which a run of the bundle does not need and which costs ~10 ms.
'use strict';
const { statSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const bundle = path.join(__dirname, '..', 'dist', 'bundle', 'cli.cjs');
const compiled = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');

function bundleIsFresh() {
  try {
    return statSync(bundle).mtimeMs >= statSync(compiled).mtimeMs;
  } catch {
    return false;
  }
}

async function loadMain() {
  if (!bundleIsFresh()) return (await import(pathToFileURL(compiled).href)).main;
  const { loadCommonJsBundle } = require('../dist/src/cli/bundle-loader.cjs');
  return loadCommonJsBundle(bundle, `${bundle}.cache`).exports.main;
}

loadMain()
  .then((main) => main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
