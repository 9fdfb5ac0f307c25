WITH numbers AS (
    SELECT 1 AS n
    UNION ALL
    SELECT n + 1 FROM numbers WHERE n < 100
), total (n) AS (SELECT SUM(n) FROM numbers), recursive AS (SELECT 1 AS x)
SELECT n FROM total
OPTION (MAXRECURSION 200);
GO
SELECT j.[key], j.[value], j.[type]
FROM OPENJSON(N'{"a":1,"b":true}') AS j;
SELECT * FROM OPENJSON(@json) WITH (id INT '$.id', name NVARCHAR(50) '$.name', active BIT '$.active') AS r;
SELECT JSON_VALUE(doc, '$.a') AS a, JSON_QUERY(doc, '$.b') AS b, ISJSON(doc) AS ok FROM dbo.Docs
FOR JSON PATH, INCLUDE_NULL_VALUES, WITHOUT_ARRAY_WRAPPER;
SELECT x.value('(/row/@id)[1]', 'INT') AS id FROM dbo.XmlDocs CROSS APPLY doc.nodes('/rows/row') AS t(x);
SELECT Name FROM dbo.Items FOR XML PATH('item'), ROOT('items'), TYPE;
SELECT p.Name, f.Name FROM dbo.Person AS p, dbo.Likes AS l, dbo.Person AS f WHERE MATCH(p-(l)->f);
SELECT * FROM OPENROWSET(BULK 'https://example.net/data.csv', FORMAT = 'CSV', PARSER_VERSION = '2.0', HEADER_ROW = TRUE) AS rows;
SELECT * FROM dbo.Orders o WHERE o.Total > ALL (SELECT Total FROM dbo.Returns) AND o.Status IN ('new', 'open')
    AND EXISTS (SELECT 1 FROM dbo.Lines l WHERE l.OrderId = o.Id) AND o.Note <> N'"quoted"';
SELECT a.Id FROM dbo.A a INNER HASH JOIN dbo.B b ON a.Id = b.Id LEFT OUTER JOIN dbo.C c ON c.Id = a.Id;
SELECT Id, glob, regexp, limit, returning, analyze, vacuum, pragma, nulls, deferrable, initially, strict, rowid FROM dbo.Odd;
SELECT limit FROM dbo.Odd WHERE limit > 5 ORDER BY limit;
UPDATE dbo.Odd SET limit = 10, returning = 1, analyze = 0 WHERE glob = 1;
INSERT INTO dbo.Odd (limit, returning) VALUES (5, 0);
SELECT credit limit FROM dbo.Accounts;
SELECT COUNT(*) total FROM dbo.Odd;
SELECT "Id", "Name" FROM "dbo"."Odd" WHERE "Status" = "Other_Column";
DECLARE @c CURSOR;
DECLARE cur CURSOR LOCAL FAST_FORWARD FOR SELECT Id FROM dbo.Odd;
OPEN cur;
FETCH NEXT FROM cur INTO @id;
WHILE @@FETCH_STATUS = 0
BEGIN
    FETCH NEXT FROM cur INTO @id;
END
CLOSE cur;
DEALLOCATE cur;
GO
IF OBJECT_ID(N'tempdb..#work') IS NOT NULL DROP TABLE #work;
CREATE TABLE #work (id INT PRIMARY KEY, [text] NVARCHAR(100), [date] DATE);
CREATE TABLE ##shared (id INT);
SELECT id INTO #copy FROM #work;
SELECT id, replace INTO #copy2 FROM dbo.Odd;
TRUNCATE TABLE #work;
INSERT INTO #work (id) SELECT v.id FROM (VALUES (1), (2), (3)) AS v (id);
INSERT INTO #work (id) EXEC dbo.GetIds;
INSERT INTO #work DEFAULT VALUES;
WAITFOR DELAY '00:00:01';
BEGIN TRAN;
UPDATE TOP (100) dbo.Odd SET limit = 0 OUTPUT deleted.limit, inserted.limit WHERE limit IS NULL;
DELETE FROM dbo.Odd OUTPUT deleted.* WHERE Id = 3;
COMMIT TRAN;
BEGIN DISTRIBUTED TRANSACTION;
ROLLBACK;
GO
IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'dbo.Odd') AND name = N'Extra')
BEGIN
    ALTER TABLE dbo.Odd ADD Extra INT NULL;
END
GO
IF NOT EXISTS (SELECT * FROM sys.indexes WHERE name = 'IX_Odd_Extra')
    CREATE INDEX IX_Odd_Extra ON dbo.Odd (Extra);
GO
IF EXISTS (SELECT 1 FROM sys.objects WHERE name = 'x') BEGIN; PRINT 'x'; END;
GO
SELECT CASE WHEN a.Flag IS NULL THEN 0 ELSE 1 END AS has_flag, a.Value % 2 AS parity, ~a.Bits AS inverted, a.Bits & 4 AS masked, a.Bits | 1 AS ored, a.Bits ^ 2 AS xored
FROM dbo.Flags a WHERE a.Value != 3 AND a.Value !< 1 AND NOT a.Value = 5;
SELECT a FROM t WHERE a IS DISTINCT FROM b;
GO
CREATE EXTERNAL DATA SOURCE lake WITH (LOCATION = 'abfss://c@acct.dfs.core.windows.net', PUSHDOWN = ON);
CREATE EXTERNAL FILE FORMAT csv WITH (FORMAT_TYPE = DELIMITEDTEXT, FORMAT_OPTIONS (FIELD_TERMINATOR = ',', USE_TYPE_DEFAULT = FALSE, FIRST_ROW = 2));
GO
ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
ALTER DATABASE SCOPED CONFIGURATION SET MAXDOP = 4;
ALTER INDEX ALL ON dbo.Odd REBUILD WITH (ONLINE = ON, DATA_COMPRESSION = PAGE);
UPDATE STATISTICS dbo.Odd WITH FULLSCAN;
DBCC CHECKDB WITH NO_INFOMSGS;
CHECKPOINT;
GO
SET QUOTED_IDENTIFIER OFF
GO
INSERT INTO dbo.Legacy (name) VALUES ("double quoted string")
SELECT * FROM dbo.Legacy WHERE name = "double quoted string" AND note LIKE "%x%"
GO
SET QUOTED_IDENTIFIER ON
GO
