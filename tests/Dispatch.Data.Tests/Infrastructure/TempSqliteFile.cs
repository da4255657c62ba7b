using Microsoft.Data.Sqlite;

namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>A fresh SQLite file in its own temp folder, removed (with its WAL files) on dispose.</summary>
public sealed class TempSqliteFile : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "psc119-data-tests", Guid.NewGuid().ToString("n"));

    public TempSqliteFile()
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "psc119.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
    }

    public string Path { get; }
    public string ConnectionString { get; }

    public void Dispose()
    {
        // Pooled connections keep the file (and its -wal/-shm) open until the pool lets go.
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* still held by a straggler: the temp folder is cleaned later */ }
        catch (UnauthorizedAccessException) { /* same, on Windows */ }
    }
}
