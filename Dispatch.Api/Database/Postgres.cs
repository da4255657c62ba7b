using System.Data.Common;
using Dapper;
using DbUp;
using Npgsql;

namespace Dispatch.Api.Database;

/// <summary>PostgreSQL through Npgsql: a server database for sites that run several API nodes on Linux.</summary>
public sealed class Postgres : SqlDialect
{
    public static readonly Postgres Instance = new();

    // Advisory lock keys, one per purpose ("psc119" + a number), held by the transaction or session.
    private const long EventOrderKey = 1_190_001, MigrationKey = 1_190_002, AccessLogKey = 1_190_003;

    // Server errors worth a retry: serialization failure, deadlock, administrator or crash shutdown,
    // "starting up" while a restarted server recovers, too many connections. Class 08 (connection
    // exceptions) is matched by prefix. Everything else (constraints, syntax, rule refusals) is final.
    private static readonly HashSet<string> TransientStates = ["40001", "40P01", "57P01", "57P02", "57P03", "53300"];

    public override string Name => "postgres";

    public override string InsertSelectReturning(string table, string columns, string select, string returning) =>
        $"INSERT INTO {table} ({columns}) {select} RETURNING {returning}";

    public override string Limit(string parameter) => $" LIMIT {parameter}";

    // Npgsql sends a list as one array parameter (Dapper does not expand it), which IN cannot take.
    public override string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    // Held until the transaction ends, on every node sharing the database: sequence numbers are
    // drawn and committed one writer at a time, so seq order is commit order.
    public override string EventOrderLock =>
        $"SET LOCAL lock_timeout = '10s'; SELECT pg_advisory_xact_lock({EventOrderKey})";

    // The same lock and timeout as one relation the event INSERT selects from (timeout first).
    public override string EventOrderLockCte =>
        "WITH timeout AS (SELECT set_config('lock_timeout', '10s', true) AS setting), " +
        $"locked AS (SELECT pg_advisory_xact_lock({EventOrderKey}) FROM timeout) ";

    public override string EventOrderLockStatement =>
        "SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(" + EventOrderKey + ") FROM (SELECT set_config('lock_timeout', '10s', true) AS setting) AS timeout) AS locked";

    public override string AccessLogLock =>
        $"SET LOCAL lock_timeout = '10s'; SELECT pg_advisory_xact_lock({AccessLogKey})";

    // PostgreSQL picks the interval's partial expression index (or the covering one) by itself.
    public override string JoinText(string expression, string separator, string orderBy) =>
        $"string_agg({expression}, {separator} ORDER BY {orderBy})";

    public override string IncidentsVia(string index) => "incidents i";

    // An interval's ordered partial index walked backwards, the skipped entries never leave the
    // server: a year of a million-incident history reads a percentile in ~65 ms instead of
    // streaming 330,000 values (README, Benchmarks).
    public override bool SkipsToRanks => true;

    // The closing writes and the COMMIT go as one batch: the event-order lock, taken by the first
    // event's INSERT, is then held only while the server runs the rest of the batch and commits,
    // never across a round trip to this process (which, on a busy machine, may wait to be scheduled
    // while every other writer waits for the lock). Npgsql sees the COMMIT and ends the transaction.
    public override async Task<IReadOnlyList<long>> WriteAndCommitAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ClosingWrite> writes, CancellationToken ct)
    {
        if (writes.Count == 0) return await base.WriteAndCommitAsync(connection, transaction, writes, ct);
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        foreach (var write in writes)
        {
            var command = new NpgsqlBatchCommand(write.Sql.For(this));
            foreach (var (name, value) in write.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            batch.BatchCommands.Add(command);
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        // Not cancellable once sent: a cancel could land after the server committed, and the
        // caller would then report a failure (and push nothing) for a write that happened.
        ct.ThrowIfCancellationRequested();
        var values = new List<long>();
        await using var reader = await batch.ExecuteReaderAsync(CancellationToken.None);
        do
        {
            while (await reader.ReadAsync(CancellationToken.None)) values.Add(reader.GetInt64(0));
        }
        while (await reader.NextResultAsync(CancellationToken.None));
        return values;
    }

    public override async Task<DbConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(WithAutoPrepare(connectionString));
        await connection.OpenAsync(ct);
        return connection;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Prepared = new(StringComparer.Ordinal);

    /// <summary>
    /// Statements used twice on a pooled connection are prepared by Npgsql (parsed and planned once
    /// per connection): the closing batch runs under the event-order lock, where every saved
    /// parse counts for every writer waiting. A connection string that sets it keeps its value.
    /// </summary>
    private static string WithAutoPrepare(string connectionString) => Prepared.GetOrAdd(connectionString, cs =>
    {
        var builder = new NpgsqlConnectionStringBuilder(cs);
        if (!cs.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !cs.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    });

    public override bool IsUniqueViolation(Exception error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override bool IsTransient(Exception error) => error switch
    {
        PostgresException e => TransientStates.Contains(e.SqlState) || e.SqlState.StartsWith("08", StringComparison.Ordinal),
        // No server answer at all: broken socket, timeout, exhausted pool (Npgsql marks these).
        NpgsqlException e => e.IsTransient,
        _ => false,
    };

    public override IReadOnlyList<string> Migrate(string connectionString)
    {
        try
        {
            using var probe = new NpgsqlConnection(connectionString);
            probe.Open();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Only a missing database is created; an existing one is never touched here.
            EnsureDatabase.For.PostgresqlDatabase(connectionString);
        }
        // Several nodes may start at once: one migrates while the others wait, then find nothing to do.
        using var guard = new NpgsqlConnection(connectionString);
        guard.Open();
        guard.Execute("SELECT pg_advisory_lock(@Key)", new { Key = MigrationKey });
        try
        {
            return Migrations.Run(DeployChanges.To.PostgresqlDatabase(connectionString), "Postgres");
        }
        finally
        {
            guard.Execute("SELECT pg_advisory_unlock(@Key)", new { Key = MigrationKey });
        }
    }
}
