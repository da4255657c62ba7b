-- Psc119 on SQL Server: the database, the application's login and its rights. Idempotent.
-- Run as a sysadmin (sa or a DBA login) with sqlcmd; the password comes from the environment
-- (sqlcmd reads the scripting variable AppPassword from an environment variable of that name):
--
--   read -rs AppPassword && export AppPassword
--   sqlcmd -S sql.psc119.local -U sa -C -b -i create-database.sql -v DatabaseName=psc119 AppLogin=psc119_app RecoveryModel=FULL
--   unset AppPassword
--
-- The password must not contain a single quote. The app then creates its tables on first start (DbUp, recorded in dbo.SchemaVersions).
SET NOCOUNT ON;
IF DB_ID(N'$(DatabaseName)') IS NULL
    CREATE DATABASE [$(DatabaseName)];
GO
-- FULL keeps the log until a log backup: it allows a restore to a point in time, and needs the
-- log backup job (deploy/README.md) or the log fills the disk. SIMPLE: restore to the last full backup.
ALTER DATABASE [$(DatabaseName)] SET RECOVERY $(RecoveryModel);
ALTER DATABASE [$(DatabaseName)] SET PAGE_VERIFY CHECKSUM;
GO
IF SUSER_ID(N'$(AppLogin)') IS NULL
    CREATE LOGIN [$(AppLogin)] WITH PASSWORD = N'$(AppPassword)', DEFAULT_DATABASE = [$(DatabaseName)], CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [$(AppLogin)] WITH PASSWORD = N'$(AppPassword)';
GO
USE [$(DatabaseName)];
IF USER_ID(N'$(AppLogin)') IS NULL
    CREATE USER [$(AppLogin)] FOR LOGIN [$(AppLogin)];
-- Migrations on start need DDL; the app reads and writes its rows. Nothing more: no db_owner.
ALTER ROLE db_ddladmin ADD MEMBER [$(AppLogin)];
ALTER ROLE db_datareader ADD MEMBER [$(AppLogin)];
ALTER ROLE db_datawriter ADD MEMBER [$(AppLogin)];
GO
