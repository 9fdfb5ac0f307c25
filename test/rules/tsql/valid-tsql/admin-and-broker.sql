-- Administration, security and Service Broker scripts, as DBAs write them (no semicolons).
CREATE LOGIN app_login WITH PASSWORD = N'Str0ng!Passw0rd', CHECK_POLICY = OFF, DEFAULT_DATABASE = Trading
CREATE USER app_user FOR LOGIN app_login WITH DEFAULT_SCHEMA = dbo
CREATE USER reporting WITHOUT LOGIN
ALTER ROLE db_datareader ADD MEMBER reporting
CREATE MASTER KEY ENCRYPTION BY PASSWORD = N'An0ther!Passw0rd'
CREATE CERTIFICATE cert_keys WITH SUBJECT = 'API keys'
CREATE SYMMETRIC KEY key_api WITH ALGORITHM = AES_256 ENCRYPTION BY CERTIFICATE cert_keys
OPEN SYMMETRIC KEY key_api DECRYPTION BY CERTIFICATE cert_keys
SELECT CONVERT(NVARCHAR(200), DECRYPTBYKEY(Secret)) AS secret FROM dbo.Keys
CLOSE SYMMETRIC KEY key_api
GO
BACKUP DATABASE Trading TO DISK = N'/var/opt/mssql/backup/trading.bak' WITH INIT, COMPRESSION, STATS = 10
RESTORE VERIFYONLY FROM DISK = N'/var/opt/mssql/backup/trading.bak'
BULK INSERT dbo.Prices FROM '/data/prices.csv' WITH (FIRSTROW = 2, FIELDTERMINATOR = ',', ROWTERMINATOR = '\n', TABLOCK)
GO
CREATE QUEUE dbo.TargetQueue WITH STATUS = ON, RETENTION = OFF
CREATE SERVICE TargetService ON QUEUE dbo.TargetQueue ([DEFAULT])
GO
DECLARE @handle UNIQUEIDENTIFIER
BEGIN DIALOG CONVERSATION @handle FROM SERVICE InitiatorService TO SERVICE 'TargetService' ON CONTRACT [DEFAULT] WITH ENCRYPTION = OFF
SEND ON CONVERSATION @handle MESSAGE TYPE [DEFAULT] (N'<hello/>')
END CONVERSATION @handle
WAITFOR (RECEIVE TOP (1) conversation_handle, message_body FROM dbo.TargetQueue), TIMEOUT 1000
GO
CREATE EVENT SESSION slow_queries ON SERVER
ADD EVENT sqlserver.sql_statement_completed (WHERE ([duration] > (1000000)))
ADD TARGET package0.event_file (SET filename = N'slow.xel')
WITH (STARTUP_STATE = ON)
GO
ALTER TABLE dbo.Prices REBUILD PARTITION = ALL WITH (DATA_COMPRESSION = PAGE)
ALTER TABLE dbo.Prices SET (LOCK_ESCALATION = AUTO)
ALTER TABLE dbo.Prices SWITCH PARTITION 1 TO dbo.PricesArchive PARTITION 1
ALTER TABLE dbo.Prices NOCHECK CONSTRAINT ALL
ALTER TABLE dbo.Prices WITH CHECK CHECK CONSTRAINT ALL
ALTER TABLE dbo.Prices ADD DEFAULT (0) FOR Volume
ALTER TABLE dbo.Prices ADD CONSTRAINT DF_Prices_Date DEFAULT (CONVERT([date], GETDATE())) FOR [date]
ALTER TABLE dbo.Prices DROP CONSTRAINT DF_Prices_Date
EXEC sp_rename N'dbo.Prices.Volume', N'Qty', N'COLUMN'
EXEC('SELECT 1') AT LinkedServer
SELECT * FROM OPENQUERY(LinkedServer, 'SELECT TRUE, x LIMIT 5')
GO
SELECT [date], [time], date, time, total, length, [key], [text]
FROM dbo.Prices
WHERE date >= DATEADD(DAY, -7, CAST(GETDATE() AS date)) AND time < CONVERT(time(0), '12:00')
ORDER BY date, time
SELECT TRY_CAST(p.Price AS DECIMAL(10, 2)) AS price, PARSE('1/2/2024' AS DATE USING 'en-US') AS parsed,
       p.[Timestamp] AT TIME ZONE 'UTC' AT TIME ZONE 'Central European Standard Time' AS local_time,
       TRIM(p.Symbol) AS trimmed, CONCAT_WS('-', p.Symbol, p.Side) AS pair, TRANSLATE(p.Symbol, 'abc', 'xyz') AS t,
       APPROX_COUNT_DISTINCT(p.Symbol) OVER () AS approx, EOMONTH(p.[date]) AS month_end, DATEFROMPARTS(2024, 1, 1) AS d,
       {fn LENGTH(p.Symbol)} AS odbc_length, {fn CURDATE()} AS odbc_today
FROM dbo.Prices AS p
CROSS APPLY STRING_SPLIT(p.Tags, ',') AS s
GO
INSERT INTO dbo.Prices ([date], [time], total) SELECT [date], [time], SUM(total) FROM dbo.Staging GROUP BY [date], [time]
INSERT dbo.Prices DEFAULT VALUES
UPDATE p SET p.total = s.total FROM dbo.Prices AS p INNER JOIN dbo.Staging AS s ON s.[date] = p.[date]
DELETE p FROM dbo.Prices AS p WHERE NOT EXISTS (SELECT 1 FROM dbo.Symbols AS s WHERE s.Symbol = p.Symbol)
GO
CREATE TABLE dbo.Flags (
    Id INT NOT NULL,
    Enabled BIT NOT NULL CONSTRAINT DF_Flags_Enabled DEFAULT ('TRUE'),
    Mode VARCHAR(10) NOT NULL DEFAULT 'FALSE',
    Payload VARBINARY(16) NULL DEFAULT (0x0102),
    Label NVARCHAR(20) NULL CHECK (Label <> N'"none"'),
    Pattern NVARCHAR(20) NULL CHECK (Pattern NOT LIKE '%[^a-z]%'),
    Body XML NULL,
    Location GEOGRAPHY NULL,
    Tree HIERARCHYID NULL,
    Spare SQL_VARIANT NULL
)
GO
CREATE TABLE dbo.Nodes (Id INT PRIMARY KEY, Name NVARCHAR(50)) AS NODE
CREATE TABLE dbo.Edges (Weight FLOAT) AS EDGE
GO
