import { defineRule } from '../../src/engine/rule.js';
import type { Statement } from '../../src/sql/statement.js';
import { expressionOptionsFor } from '../../src/tsql/parse-statement.js';
import { TsqlValidator, type TsqlSyntaxProblem } from '../../src/tsql/validator.js';

/**
 * What SQL Server's parser rejects, in its own words ("Incorrect syntax near 'X'."), for
 * every statement of the file: each statement is parsed on its own, so one error never
 * hides the next. A fallback rule: when a catalog rule already explained a line (e.g.
 * AUTOINCREMENT), this rule's report on that line is dropped.
 */
export default defineRule({
  meta: {
    id: 'tsql/syntax',
    description: 'Report T-SQL that SQL Server cannot parse, with its own error message, at the offending token.',
    dialects: ['tsql'],
    severity: 'error',
    fallback: true,
    messages: {
      syntax: '{{message}}',
      unterminatedComment: "Missing end comment mark '*/'.",
    },
    help: {
      syntax: 'SQL Server stops at this token: check the statement for a missing comma, parenthesis or keyword, or a construct from another dialect.',
      unterminatedComment: 'Close the comment with */ (T-SQL block comments nest: every /* needs its own */).',
    },
  },
  create(context) {
    const validator = new TsqlValidator(expressionOptionsFor(context.settings.sqlserverVersion), context.source.text);
    const report = (problems: TsqlSyntaxProblem[]): void => {
      for (const problem of problems) {
        context.report({ node: problem.token, messageId: 'syntax', data: { message: problem.message } });
      }
    };
    // A defect in the grammar must cost at most a missed report, never a crashed run or a false error.
    // (No closure per statement: this runs for every statement of the file.)
    const safely = (statement: Statement | undefined): void => {
      let problems: TsqlSyntaxProblem[];
      try {
        problems = statement ? validator.statement(statement) : validator.end();
      } catch {
        return;
      }
      report(problems);
    };
    return {
      statement(statement) {
        safely(statement);
      },
      comment(token) {
        if (token.kind === 'block-comment' && token.error) {
          context.report({ node: { start: token.start, end: token.start + 2 }, messageId: 'unterminatedComment' });
        }
      },
      oversized(statement) {
        validator.skip(statement);
      },
      end() {
        safely(undefined);
      },
    };
  },
});
