// Preloaded (node --import) by internal-error.test.ts into the compiled CLI and, through the
// execArgv worker threads inherit, into each of its lint workers: adds to the compiled rule list
// a rule that throws, as a rule with a defect would, on a statement holding the word EXPLODE.
// The bundle bin/schema-lint.js loads keeps its own copy of the rules, out of this module's reach,
// which is why the test runs the compiled CLI (dist/src/cli/main.js) the bundle is built from.
import { isMainThread } from 'node:worker_threads';
import { allRules } from '../../dist/rules/index.js';

allRules.push({
  meta: {
    id: 'test/throws',
    description: 'Throws on EXPLODE.',
    dialects: ['tsql', 'sqlite'],
    severity: 'error',
    messages: {},
  },
  create() {
    return {
      statement(statement) {
        if (!statement.tokens.some((token) => token.upper === 'EXPLODE')) return;
        // Two lines, as some errors' messages are: the CLI's report of it must stay on one.
        throw new Error(`test/throws met EXPLODE\nin the ${isMainThread ? 'main' : 'worker'} thread`);
      },
    };
  },
});
