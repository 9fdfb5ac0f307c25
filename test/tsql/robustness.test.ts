import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import { splitStatements } from '../../src/sql/splitter.js';
import { TsqlValidator } from '../../src/tsql/validator.js';

/** Fragments of T-SQL, shuffled into statements that are mostly wrong: the grammar must report, never throw. */
const fragments = [
  'CREATE', 'TABLE', 'ALTER', 'DROP', 'INDEX', 'VIEW', 'PROCEDURE', 'FUNCTION', 'TRIGGER', 'SELECT', 'FROM', 'WHERE',
  'INSERT', 'INTO', 'VALUES', 'IF', 'BEGIN', 'END', 'ELSE', 'GO\n', 'EXEC', 'SET', 'DECLARE', '@x', 'AS', 'ON', 'WITH',
  'PRIMARY', 'KEY', 'CONSTRAINT', 'DEFAULT', 'CHECK', 'REFERENCES', 'NOT', 'NULL', 'IDENTITY', 'INT', 'NVARCHAR(MAX)',
  '[dbo].[t]', 't', 'a', '(', ')', ',', ';', '.', '=', '+', '*', "'x'", "N'y'", '1', '0x1F', 'CASE', 'WHEN', 'THEN',
  'UNION', 'JOIN', 'ORDER', 'BY', 'GROUP', 'TOP', '--c\n', '/* c */', '"q"', '`b`', "'open", '[open', '/* open',
];

describe('T-SQL grammar robustness', () => {
  it('never throws on arbitrary token soup, in the validator or the model builder', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        const validator = new TsqlValidator({ allowConcatOperator: false });
        for (const statement of splitStatements(text, 'tsql')) validator.statement(statement);
        validator.end();
        buildTsqlModel(text, 'soup.sql');
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const validator = new TsqlValidator({ allowConcatOperator: true });
        for (const statement of splitStatements(text, 'tsql')) validator.statement(statement);
        expect(() => validator.end()).not.toThrow();
        buildTsqlModel(text, 'chars.sql');
      }),
      { numRuns: 300 },
    );
  });
});
