-- A full backup of the Psc119 database, encrypted, with page checksums, verified right after it is written.
--   sqlcmd -S sql.psc119.local -U sa -C -b -i backup.sql -v DatabaseName=psc119 BackupFile=/var/opt/mssql/backup/psc119-full.bak BackupCertificate=psc119_backup
-- BackupFile is a path on the SQL Server machine. BackupCertificate is a certificate in master
-- (created once, its private key saved off the machine: deploy/README.md, section 5); without it
-- no server, this one rebuilt included, can restore the backup. Add COMPRESSION on editions that have it
-- (not Express). For a point-in-time restore also back up the log every 15 minutes:
--   BACKUP LOG [psc119] TO DISK = N'/var/opt/mssql/backup/psc119-log-<time>.trn' WITH CHECKSUM,
--     ENCRYPTION (ALGORITHM = AES_256, SERVER CERTIFICATE = [psc119_backup]);
SET NOCOUNT ON;
BACKUP DATABASE [$(DatabaseName)]
    TO DISK = N'$(BackupFile)'
    WITH CHECKSUM, INIT, FORMAT, NAME = N'$(DatabaseName) full backup', STATS = 25,
    ENCRYPTION (ALGORITHM = AES_256, SERVER CERTIFICATE = [$(BackupCertificate)]);
GO
-- Reads the whole backup and checks its page checksums; does not restore anything.
RESTORE VERIFYONLY FROM DISK = N'$(BackupFile)' WITH CHECKSUM;
GO
