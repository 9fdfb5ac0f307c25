USE [Trading]
GO
/****** Object:  Table [dbo].[Signals]    Script Date: 1/2/2024 10:00:00 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TABLE [dbo].[Signals](
	[Id] [int] IDENTITY(1,1) NOT NULL,
	[Symbol] [nvarchar](20) NOT NULL,
	[Side] [char](4) NOT NULL,
	[Text] [nvarchar](max) NULL,
	[Date] [date] NULL,
	[Time] [time](7) NULL,
	[Timestamp] [datetime2](7) NOT NULL,
	[Key] [varchar](64) NULL,
	[Limit] [decimal](18, 4) NULL,
	[Total] [money] NULL,
	[Length] [int] NULL,
	[RowVersion] [timestamp] NOT NULL,
	[Boolean] [bit] NOT NULL,
	[Blob] [varbinary](max) NULL,
 CONSTRAINT [PK_Signals] PRIMARY KEY CLUSTERED
(
	[Id] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
GO
ALTER TABLE [dbo].[Signals] ADD  CONSTRAINT [DF_Signals_Timestamp]  DEFAULT (sysutcdatetime()) FOR [Timestamp]
GO
ALTER TABLE [dbo].[Signals] ADD  DEFAULT ((0)) FOR [Boolean]
GO
ALTER TABLE [dbo].[Signals]  WITH CHECK ADD  CONSTRAINT [CK_Signals_Side] CHECK  (([Side]='SELL' OR [Side]='BUY'))
GO
ALTER TABLE [dbo].[Signals] CHECK CONSTRAINT [CK_Signals_Side]
GO
CREATE NONCLUSTERED INDEX [IX_Signals_Symbol] ON [dbo].[Signals]
(
	[Symbol] ASC,
	[Timestamp] DESC
)
INCLUDE([Side]) WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON) ON [PRIMARY]
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Trading signals; "Side" is BUY or SELL' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'Signals'
GO
SET IDENTITY_INSERT [dbo].[Signals] ON
INSERT [dbo].[Signals] ([Id], [Symbol], [Side], [Boolean]) VALUES (1, N'BTC', N'BUY', 1)
INSERT [dbo].[Signals] ([Id], [Symbol], [Side], [Boolean]) VALUES (2, N'ETH', N'SELL', 0)
SET IDENTITY_INSERT [dbo].[Signals] OFF
GO
CREATE TABLE "dbo"."Quoted" ("id" INT NOT NULL, "name" NVARCHAR(50) NULL, CONSTRAINT "PK_Quoted" PRIMARY KEY ("id"))
GO
DROP TABLE IF EXISTS dbo.Staging
GO
DROP INDEX IF EXISTS IX_Signals_Symbol ON dbo.Signals
GO
DROP INDEX Signals.IX_Old
GO
ALTER TABLE dbo.Signals ADD Note NVARCHAR(200) NULL, Score FLOAT NULL,
    CONSTRAINT CK_Score CHECK (Score >= 0)
GO
ALTER TABLE dbo.Signals ALTER COLUMN Note NVARCHAR(400) NULL
GO
ALTER TABLE dbo.Signals DROP COLUMN Score
GO
CREATE TABLE dbo.Trailing (a INT, b INT,)
GO
CREATE TABLE dbo.Computed (
    Qty INT NOT NULL,
    Price DECIMAL(18, 2) NOT NULL,
    Notional AS (Qty * Price) PERSISTED,
    Flag AS CAST(CASE WHEN Qty > 0 THEN 1 ELSE 0 END AS BIT),
    Ratio DOUBLE PRECISION NULL,
    Real_Value FLOAT(24) NULL,
    Code CHAR(2) COLLATE Latin1_General_BIN2 NOT NULL,
    Name NVARCHAR(50) COLLATE SQL_Latin1_General_CP1_CI_AS NULL,
    Other NVARCHAR(50) COLLATE DATABASE_DEFAULT NULL
)
GO
CREATE TABLE dbo.Temporal (
    Id INT NOT NULL PRIMARY KEY CLUSTERED,
    ValidFrom DATETIME2 GENERATED ALWAYS AS ROW START HIDDEN NOT NULL,
    ValidTo DATETIME2 GENERATED ALWAYS AS ROW END HIDDEN NOT NULL,
    PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo)
) WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.TemporalHistory))
GO
CREATE TABLE dbo.Keys (
    UserId INT NOT NULL REFERENCES dbo.Users (Id) ON DELETE CASCADE ON UPDATE NO ACTION,
    Name NVARCHAR(40) NOT NULL UNIQUE NONCLUSTERED ON [PRIMARY],
    Secret VARBINARY(256) NOT NULL DEFAULT 0x00,
    Created DATETIME NOT NULL DEFAULT GETDATE(),
    Guid UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID() ROWGUIDCOL,
    Email NVARCHAR(100) MASKED WITH (FUNCTION = 'email()') NULL
)
GO
CREATE TYPE dbo.IdList AS TABLE (Id INT NOT NULL PRIMARY KEY, Label NVARCHAR(20) NULL)
GO
CREATE TYPE dbo.Boolean FROM BIT NOT NULL
GO
CREATE TABLE dbo.UsesUdt (Active Boolean, Other dbo.Boolean)
GO
CREATE SEQUENCE dbo.OrderNumbers AS BIGINT START WITH 1 INCREMENT BY 1
GO
CREATE SYNONYM dbo.Sig FOR dbo.Signals
GO
CREATE PARTITION FUNCTION pfDate (DATE) AS RANGE RIGHT FOR VALUES ('2023-01-01', '2024-01-01')
GO
CREATE CLUSTERED COLUMNSTORE INDEX CCI_Facts ON dbo.Facts
GO
CREATE UNIQUE NONCLUSTERED INDEX UX_Keys_Name ON dbo.Keys (Name) WHERE Name IS NOT NULL WITH (ONLINE = ON)
GO
CREATE FULLTEXT CATALOG ftc AS DEFAULT
GO
CREATE FULLTEXT INDEX ON dbo.Signals ([Text]) KEY INDEX PK_Signals ON ftc
GO
CREATE STATISTICS st_Symbol ON dbo.Signals (Symbol) WITH FULLSCAN
GO
GRANT SELECT, INSERT, UPDATE, DELETE ON dbo.Signals TO app_role
GO
DENY DELETE ON dbo.Keys TO app_role
GO
CREATE VIEW dbo.vSignals WITH SCHEMABINDING AS
SELECT s.Id, s.Symbol, s.[Text], s.[Date], s.Limit, s.Total FROM dbo.Signals AS s WHERE s.Boolean = 1
GO
CREATE OR ALTER VIEW dbo.vLatest AS
SELECT TOP (10) Symbol, [Timestamp] FROM dbo.Signals ORDER BY [Timestamp] DESC
GO
