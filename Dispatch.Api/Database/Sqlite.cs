using System.Data.Common;
using System.Reflection;
using DbUp;
using Microsoft.Data.Sqlite;

namespace Dispatch.Api.Database;

/// <summary>The embedded default: one SQLite file in WAL mode.</summary>
public sealed class Sqlite : SqlDialect
{
    public static readonly Sqlite Instance = new();

    // SQLITE_BUSY and SQLITE_LOCKED: another writer holds the lock past the busy timeout.
    private const int Busy = 5, Locked = 6, Constraint = 19;
    private const int ConstraintUnique = 2067, ConstraintPrimaryKey = 1555;

    public override string Name => "sqlite";

    public override bool ReadsWithoutIo => true;

    public override string InsertSelectReturning(string table, string columns, string select, string returning) =>
        $"INSERT INTO {table} ({columns}) {select} RETURNING {returning}";

    public override string Limit(string parameter) => $" LIMIT {parameter}";

    public override string JoinText(string expression, string separator, string orderBy) =>
        $"group_concat({expression}, {separator} ORDER BY {orderBy})";

    public override string IncidentsVia(string index) => $"incidents i INDEXED BY {index}";

    /// <summary>30 days: the same number as in the ix_interval_* indexes (migration 0003).</summary>
    public override long? OrderedBucketMs => 2_592_000_000;

    public override async Task<DbConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        // Microsoft.Data.Sqlite itself retries a busy database until the command timeout (30 s by
        // default): 5 s, like busy_timeout, so a held lock becomes an error the pipeline can act on.
        var connection = new SqliteConnection(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) connection.DefaultTimeout = 5;
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        // Per connection: durable enough with WAL (a power cut loses at most the last commits,
        // never corrupts), and foreign keys enforced.
        // Reports scan large index ranges: memory-mapped reads (256 MB window) and a 16 MB page cache keep that CPU-bound.
        // secure_delete: an erased number, address or destroyed sealing key is overwritten with
        // zeros in the file, not left in free space (UU 27/2022 erasure; the WAL's old pages go at
        // its next checkpoint).
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; " +
                             "PRAGMA mmap_size = 268435456; PRAGMA cache_size = -16384; PRAGMA secure_delete = ON;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    public override bool IsUniqueViolation(Exception error) =>
        error is SqliteException { SqliteErrorCode: Constraint } e
        && e.SqliteExtendedErrorCode is ConstraintUnique or ConstraintPrimaryKey;

    public override bool IsTransient(Exception error) =>
        error is SqliteException { SqliteErrorCode: Busy or Locked };

    public override IReadOnlyList<string> Migrate(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder && builder.Mode != SqliteOpenMode.Memory)
            Directory.CreateDirectory(folder);
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;"; // persistent: set once on the file
            wal.ExecuteNonQuery();
        }
        // Foreign keys off while migrating, as SQLite's table-rebuild procedure requires (a dropped
        // parent table must not cascade its check to the children); a rebuilding script checks the
        // keys itself before it commits (0020_imports.sql).
        builder.ForeignKeys = false;
        return Migrations.Run(DeployChanges.To.SqliteDatabase(builder.ToString()), "Sqlite");
    }

    /// <summary>The embedded default path: data/psc119.db under the content root.</summary>
    public static string DefaultConnectionString(string contentRoot) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(contentRoot, "data", "psc119.db"), Pooling = true }.ToString();
}
