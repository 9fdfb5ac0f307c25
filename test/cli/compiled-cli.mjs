// The compiled CLI run as bin/schema-lint.js runs the bundle built from it (see throwing-rule.mjs).
import { main } from '../../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
