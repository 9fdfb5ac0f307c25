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
