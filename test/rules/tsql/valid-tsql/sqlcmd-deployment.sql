/*
 Post-deployment script in SQLCMD mode, as SSDT projects and install scripts write them.
*/
:setvar DatabaseName "Trading"
:setvar DataPath "C:\Data\Trading\"
:on error exit
USE [$(DatabaseName)];
GO
:r .\seed-roles.sql
:r "..\Seed Data\seed-users.sql"
GO
IF ('$(DatabaseName)' = '$' + '(DatabaseName)')
    RAISERROR ('This script must be run in SQLCMD mode.', 20, 1) WITH LOG
GO
IF NOT EXISTS (SELECT 1 FROM dbo.SampleVersion)
BEGIN
	INSERT dbo.SampleVersion (MajorVersion, MinorVersion, MinBuild)
	VALUES (2, 0, N'13.0.4000.0')
END
ELSE
BEGIN
	UPDATE dbo.SampleVersion
	SET MajorVersion = 2, MinorVersion = 0, MinBuild = N'13.0.4000.0'
END
GO
EXEC DataLoad.DailyProcess
    @StartDate = '20130201',
    @EndDate = '20130301',
    @IsSilentMode = 0;
GO
ALTER DATABASE CURRENT SET MEMORY_OPTIMIZED_ELEVATE_TO_SNAPSHOT = ON
GO
