import rule from '../../../rules/tsql/no-sqlite-trigger-syntax.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'CREATE TRIGGER tr ON t AFTER INSERT AS BEGIN SET NOCOUNT ON; UPDATE t SET a = 1 FROM t JOIN inserted i ON i.id = t.id; END',
    'CREATE OR ALTER TRIGGER dbo.tr ON dbo.t INSTEAD OF DELETE AS SELECT id FROM deleted',
    'CREATE TRIGGER tr ON DATABASE FOR CREATE_TABLE AS PRINT 1',
    'CREATE TRIGGER tr ON t WITH EXECUTE AS CALLER FOR INSERT, UPDATE AS\nIF UPDATE(a) SELECT a FROM inserted',
    {
      name: 'an alias named new',
      code: 'CREATE TRIGGER tr ON t AFTER UPDATE AS\nUPDATE t SET a = new.a FROM t JOIN inserted AS new ON new.id = t.id',
    },
    { name: 'NEW. outside a trigger', code: 'SELECT new.a FROM t AS new' },
    {
      // SQL Server rejects it, but the grammar already reports it there: the header took the
      // body's first words, so the statement after it is not where the body starts.
      name: 'a header without AS that the grammar rejects is left to tsql/syntax',
      code: 'CREATE TRIGGER tr ON t FOR INSERT, UPDATE\nUPDATE t SET a = 1',
    },
    {
      name: 'schemas named old and new',
      code: 'CREATE TRIGGER tr ON t AFTER DELETE AS\nINSERT INTO old.archive (id) SELECT id FROM deleted\nUPDATE new.totals SET n = n + 1',
    },
  ],
  invalid: [
    {
      code: 'CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN UPDATE t SET a = 1; END;',
      errors: [
        {
          line: 1,
          column: 19,
          endColumn: 24,
          message: "SQL Server rejects SQLite's trigger form: Incorrect syntax near 'AFTER'.",
          help: 'Write CREATE TRIGGER name ON table AFTER INSERT AS BEGIN ... END and read the rows from inserted / deleted.',
        },
      ],
    },
    {
      code: 'CREATE TRIGGER IF NOT EXISTS tr\nBEFORE DELETE ON t\nBEGIN\n  DELETE FROM u WHERE t_id = OLD.id;\nEND;',
      errors: [{ line: 2, column: 1, message: "SQL Server rejects SQLite's trigger form: Incorrect syntax near 'BEFORE'." }],
    },
    {
      name: 'a T-SQL header without AS before BEGIN',
      code: 'CREATE TRIGGER tr ON t AFTER INSERT\nBEGIN\n  UPDATE t SET a = 1;\nEND',
      errors: [
        {
          line: 2,
          column: 1,
          message: "SQL Server needs AS between a trigger's header and its body: Incorrect syntax near 'BEGIN'.",
          help: 'Write AS before BEGIN: CREATE TRIGGER name ON table AFTER INSERT AS BEGIN ... END.',
        },
      ],
    },
    {
      name: 'a T-SQL header without AS before a body that is not BEGIN',
      code: 'CREATE TRIGGER tr ON t AFTER INSERT\nSELECT 1\nBEGIN\n  PRINT 1\nEND',
      errors: [
        {
          line: 2,
          column: 1,
          endColumn: 7,
          message: "SQL Server needs AS between a trigger's header and its body: Incorrect syntax near 'SELECT'.",
          help: 'Write AS before SELECT: CREATE TRIGGER name ON table AFTER INSERT AS BEGIN ... END.',
        },
      ],
    },
    {
      name: 'a FOR trigger without AS',
      code: 'CREATE TRIGGER tr ON t FOR INSERT\n  SET NOCOUNT ON;',
      errors: [{ line: 2, column: 3, message: "SQL Server needs AS between a trigger's header and its body: Incorrect syntax near 'SET'." }],
    },
    {
      name: 'an INSTEAD OF trigger without AS, its header over several lines',
      code: 'ALTER TRIGGER dbo.tr\n  ON dbo.t\n  INSTEAD OF DELETE\nPRINT 1',
      errors: [{ line: 4, column: 1, message: "SQL Server needs AS between a trigger's header and its body: Incorrect syntax near 'PRINT'." }],
    },
    {
      name: 'a DDL trigger without AS',
      code: 'CREATE TRIGGER tr ON DATABASE FOR CREATE_TABLE\nEXEC log_ddl',
      errors: [{ line: 2, column: 1, message: "SQL Server needs AS between a trigger's header and its body: Incorrect syntax near 'EXEC'." }],
    },
    {
      name: 'a semicolon where AS belongs',
      code: 'CREATE TRIGGER tr ON t AFTER INSERT;\nSELECT 1',
      errors: [
        {
          line: 1,
          column: 36,
          message: "SQL Server needs AS between a trigger's header and its body, not a semicolon: Incorrect syntax near ';'.",
          help: 'Write AS in place of the semicolon: CREATE TRIGGER name ON table AFTER INSERT AS BEGIN ... END.',
        },
      ],
    },
    {
      code: 'CREATE TRIGGER tr ON t BEFORE INSERT AS SELECT 1',
      errors: [{ line: 1, column: 24, message: "SQL Server has no BEFORE triggers: Incorrect syntax near 'BEFORE'." }],
    },
    {
      code: 'CREATE TRIGGER tr ON t AFTER INSERT FOR EACH ROW AS SELECT 1',
      errors: [
        { line: 1, column: 37, endColumn: 49, message: "SQL Server triggers fire once per statement, not FOR EACH ROW: Incorrect syntax near 'EACH'." },
      ],
    },
    {
      code: 'CREATE TRIGGER tr ON t AFTER UPDATE AS\nBEGIN\n  UPDATE u SET total = NEW.total WHERE id = OLD.id;\nEND',
      errors: [
        {
          line: 3,
          column: 24,
          endColumn: 33,
          message: 'SQL Server triggers have no NEW row: The multi-part identifier "NEW.total" could not be bound.',
          help: 'Read the inserted table instead: join it on the key, e.g. FROM inserted AS i.',
        },
        { line: 3, column: 45, message: 'SQL Server triggers have no OLD row: The multi-part identifier "OLD.id" could not be bound.' },
      ],
    },
  ],
});
