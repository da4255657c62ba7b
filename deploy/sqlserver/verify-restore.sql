-- Proves a backup restores: restores it under a new name beside production, checks it, shows
-- what it holds, and drops it. Compare the counts with production (the same queries on
-- [psc119]): the restored ones may be lower by what arrived after the backup, never higher.
--   sqlcmd -S sql.psc119.local -U sa -C -b -i verify-restore.sql \
--     -v BackupFile=/var/opt/mssql/backup/psc119-full.bak DatabaseName=psc119 VerifyName=psc119_verify DataFolder=/var/opt/mssql/data
-- The logical file names are those CREATE DATABASE gives (psc119, psc119_log); check them with
-- RESTORE FILELISTONLY FROM DISK = N'...' if the database was created otherwise.
-- With -b a failed check stops the script and leaves [psc119_verify] for inspection.
SET NOCOUNT ON;
RESTORE DATABASE [$(VerifyName)]
    FROM DISK = N'$(BackupFile)'
    WITH CHECKSUM, RECOVERY,
        MOVE N'$(DatabaseName)' TO N'$(DataFolder)/$(VerifyName).mdf',
        MOVE N'$(DatabaseName)_log' TO N'$(DataFolder)/$(VerifyName)_log.ldf';
GO
DBCC CHECKDB ([$(VerifyName)]) WITH NO_INFOMSGS, ALL_ERRORMSGS;
GO
USE [$(VerifyName)];
SELECT 'calls' AS [table], COUNT_BIG(*) AS [rows] FROM dbo.calls
UNION ALL SELECT 'incidents', COUNT_BIG(*) FROM dbo.incidents
UNION ALL SELECT 'incident_log', COUNT_BIG(*) FROM dbo.incident_log
UNION ALL SELECT 'events', COUNT_BIG(*) FROM dbo.events
UNION ALL SELECT 'units', COUNT_BIG(*) FROM dbo.units
UNION ALL SELECT 'users', COUNT_BIG(*) FROM dbo.users;
-- The newest entries of the incident log (times are UTC) and the schema version it came with.
SELECT TOP (10) id, DATEADD(SECOND, at / 1000, CAST('1970-01-01' AS DATETIME2)) AS at_utc, actor, action, call_id, incident_id
FROM dbo.incident_log ORDER BY id DESC;
SELECT TOP (1) ScriptName, Applied FROM dbo.SchemaVersions ORDER BY Id DESC;
-- The append-only guard came back with the data.
IF OBJECT_ID(N'dbo.incident_log_append_only', N'TR') IS NULL
    THROW 50001, 'The restored incident_log has no append-only trigger.', 1;
GO
USE master;
DROP DATABASE [$(VerifyName)];
GO
