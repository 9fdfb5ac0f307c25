CREATE OR ALTER PROCEDURE dbo.UpsertSignal
    @Symbol NVARCHAR(20),
    @Side CHAR(4) = 'BUY',
    @Limit INT = NULL,
    @Ids dbo.IdList READONLY,
    @NewId INT OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    DECLARE @now DATETIME2(3) = SYSUTCDATETIME(), @count INT = 0, @text NVARCHAR(MAX) = N'';
    DECLARE @t TABLE (id INT NOT NULL, total MONEY NULL, [date] DATE NULL);
    BEGIN TRY
        BEGIN TRANSACTION;
        MERGE dbo.Signals WITH (HOLDLOCK) AS target
        USING (SELECT @Symbol AS Symbol, @Side AS Side) AS source
            ON target.Symbol = source.Symbol
        WHEN MATCHED THEN
            UPDATE SET Side = source.Side, [Timestamp] = @now
        WHEN NOT MATCHED BY TARGET THEN
            INSERT (Symbol, Side, [Timestamp], Boolean) VALUES (source.Symbol, source.Side, @now, 1)
        OUTPUT inserted.Id INTO @t (id);
        SELECT @NewId = id FROM @t;
        IF @@ROWCOUNT = 0
            THROW 50001, 'No row', 1;
        IF @Limit IS NOT NULL AND @Limit > 0
        BEGIN
            UPDATE dbo.Signals SET Limit = @Limit WHERE Id = @NewId;
        END
        ELSE IF @Limit IS NULL
            PRINT 'no limit';
        ELSE
        BEGIN;
            SET @count += 1;
        END;
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        DECLARE @msg NVARCHAR(4000) = ERROR_MESSAGE();
        RAISERROR(@msg, 16, 1);
        RETURN -1;
    END CATCH
    RETURN 0;
END
GO
CREATE PROCEDURE dbo.Report @From DATE, @To DATE AS
SET NOCOUNT ON
DECLARE @sql NVARCHAR(MAX) = N'SELECT Symbol FROM dbo.Signals WHERE [Date] BETWEEN @f AND @t LIMIT 5'
EXEC sp_executesql @sql, N'@f DATE, @t DATE', @f = @From, @t = @To
EXEC dbo.SetFlag @enabled = TRUE, @name = Signals
SELECT s.Symbol,
       COUNT(*) AS total,
       SUM(s.Total) OVER (PARTITION BY s.Symbol ORDER BY s.[Date] ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
       LAG(s.Total, 1, 0) OVER (ORDER BY s.[Date]) AS previous,
       DATEADD(DAY, -1, @From) AS yesterday,
       DATEDIFF(SECOND, '1970-01-01', s.[Timestamp]) AS epoch,
       FORMAT(s.[Date], 'yyyy-MM-dd') AS day_text,
       CONVERT(VARCHAR(10), s.[Date], 120) AS iso,
       CAST(s.Id AS NVARCHAR(20)) + N':' + s.Symbol AS label,
       CONCAT(s.Symbol, '-', s.Side) AS pair,
       IIF(s.Boolean = 1, 'yes', 'no') AS yes_no,
       ISNULL(s.Limit, 0) AS limit_value,
       COALESCE(s.Note, s.[Text], N'') AS note,
       LEN(s.Symbol) AS length,
       SUBSTRING(s.Symbol, 1, 3) AS prefix,
       CHARINDEX(N'T', s.Symbol) AS position,
       REPLACE(s.Symbol, N'B', N'b') AS replaced,
       LEFT(s.Symbol, 1) AS first_letter,
       TRY_CONVERT(INT, s.[Key]) AS key_number,
       CAST(s.[Time] AS TIME(0)) AS short_time,
       MAX(s.Id) AS max_id,
       MIN(s.Id) AS min_id,
       STRING_AGG(s.Side, ',') WITHIN GROUP (ORDER BY s.Side) AS sides
FROM dbo.Signals AS s WITH (NOLOCK)
CROSS APPLY (SELECT TOP (1) k.Name FROM dbo.Keys AS k WHERE k.UserId = s.Id ORDER BY k.Created DESC) AS latest
WHERE s.[Date] >= @From AND s.[Date] < @To AND s.Symbol LIKE N'B%' AND s.Note IS NOT NULL
GROUP BY s.Symbol, s.Total, s.[Date], s.Id, s.[Timestamp], s.Side, s.Boolean, s.Limit, s.Note, s.[Text], s.[Key], s.[Time]
HAVING COUNT(*) > 1
ORDER BY s.Symbol
OFFSET 10 ROWS FETCH NEXT 20 ROWS ONLY
OPTION (RECOMPILE, MAXDOP 1)
GO
CREATE FUNCTION dbo.Total (@a INT, @b INT) RETURNS INT WITH SCHEMABINDING AS
BEGIN
    RETURN @a + @b;
END
GO
CREATE FUNCTION dbo.Recent (@n INT) RETURNS TABLE AS
RETURN (SELECT TOP (@n) Id, Symbol FROM dbo.Signals ORDER BY Id DESC)
GO
CREATE FUNCTION dbo.Split (@s NVARCHAR(MAX)) RETURNS @parts TABLE (part NVARCHAR(100), [length] INT) AS
BEGIN
    INSERT INTO @parts (part, [length]) SELECT value, LEN(value) FROM STRING_SPLIT(@s, ',');
    RETURN;
END
GO
CREATE TRIGGER dbo.trSignals_Audit ON dbo.Signals AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF UPDATE(Symbol) OR UPDATE(Side)
        INSERT INTO dbo.Audit (SignalId, OldSide, NewSide)
        SELECT COALESCE(i.Id, d.Id), d.Side, i.Side
        FROM inserted AS i FULL OUTER JOIN deleted AS d ON d.Id = i.Id;
    UPDATE s SET s.Note = new.Note FROM dbo.Signals AS s JOIN inserted new ON new.Id = s.Id;
    UPDATE s SET s.Note = old.Note FROM dbo.Signals AS s JOIN deleted AS old ON old.Id = s.Id;
    INSERT INTO old.Archive (Id) SELECT Id FROM deleted;
END
GO
CREATE TRIGGER trDdl ON DATABASE FOR CREATE_TABLE, ALTER_TABLE AS
    PRINT 'schema changed'
GO
CREATE TRIGGER dbo.trInstead ON dbo.vSignals INSTEAD OF INSERT AS
BEGIN
    INSERT INTO dbo.Signals (Symbol, Side, Boolean) SELECT Symbol, 'BUY', 1 FROM inserted
END
GO
CREATE TRIGGER trLogon ON ALL SERVER WITH EXECUTE AS 'sa' FOR LOGON AS
BEGIN
    IF ORIGINAL_LOGIN() = 'blocked' ROLLBACK;
END
GO
