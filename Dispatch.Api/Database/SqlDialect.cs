using System.Data.Common;
using Dapper;

namespace Dispatch.Api.Database;

/// <summary>
/// Everything that differs between the databases, in one small place per dialect. Chosen once at
/// start from <see cref="DatabaseOptions.Provider"/>; stores write their SQL once through it.
/// </summary>
public abstract class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>True when reading rows never waits on I/O (an embedded file), so rows are read synchronously.</summary>
    public virtual bool ReadsWithoutIo => false;

    /// <summary>An INSERT that returns the new row's <c>id</c> (or other columns, comma-separated).</summary>
    public string InsertReturning(string table, string columns, string values, string returning = "id") =>
        InsertSelectReturning(table, columns, $"VALUES ({values})", returning);

    /// <summary>
    /// An INSERT of what <paramref name="select"/> yields (a VALUES list or a SELECT, e.g. one
    /// guarded by NOT EXISTS) that returns the <paramref name="returning"/> columns of the new rows.
    /// </summary>
    public abstract string InsertSelectReturning(string table, string columns, string select, string returning);

    /// <summary>Row limit appended after ORDER BY, taking its value from a parameter.</summary>
    public abstract string Limit(string parameter);

    /// <summary>One page of rows, appended after ORDER BY: skip then take, both parameters.</summary>
    public virtual string Page(string skip, string take) => $" LIMIT {take} OFFSET {skip}";

    /// <summary>
    /// <paramref name="column"/> is one of the values in a list parameter. Dapper expands
    /// <c>IN @List</c> for most drivers; Npgsql takes the list as one array instead.
    /// </summary>
    public virtual string InList(string column, string parameter) => $"{column} IN {parameter}";

    /// <summary>
    /// Taken once per write transaction before its first event, so that event sequence numbers
    /// commit in the order they were assigned; null when the database already runs one writer
    /// at a time. Without it, a reader of /api/events?after=N could pass over a lower number
    /// whose transaction commits later.
    /// </summary>
    public virtual string? EventOrderLock => null;

    /// <summary>
    /// Where the dialect can take <see cref="EventOrderLock"/> inside the first event's INSERT, a
    /// WITH clause defining a one-row <c>locked</c> relation that holds the lock: one round trip
    /// less while every other writer waits for it. Null to take the lock as its own statement.
    /// </summary>
    public virtual string? EventOrderLockCte => null;

    /// <summary>
    /// Like <see cref="EventOrderLock"/>, for writers of the hash-chained access log: each reads the
    /// last row's hash and appends after it, one at a time across every node. A lock of its own, so
    /// that recording reads never queues behind ingest and dispatch.
    /// </summary>
    public virtual string? AccessLogLock => null;

    /// <summary>
    /// Where the database computes the incident log's chain hashes inside the INSERTs that write
    /// the rows (<see cref="Audit.ChainSql"/>), one statement that takes <see cref="EventOrderLock"/>
    /// ahead of them in the closing batch and yields one integer (which the caller skips): the rows
    /// are then chained without a round trip to this process while the lock is held. Null to read
    /// the last hash under the lock and hash here.
    /// </summary>
    public virtual string? EventOrderLockStatement => null;

    /// <summary>
    /// An aggregate that joins the text <paramref name="expression"/> of a group's rows with
    /// <paramref name="separator"/> (an SQL string literal), in the order of <paramref name="orderBy"/>.
    /// </summary>
    public abstract string JoinText(string expression, string separator, string orderBy);

    /// <summary>
    /// The incidents table, read through a named index where the dialect needs the hint (SQLite
    /// would otherwise sort instead of walking the interval's ordered index).
    /// </summary>
    public abstract string IncidentsVia(string index);

    /// <summary>
    /// Where the ordered interval indexes lead with a time bucket (<c>call_received_at / N</c>),
    /// its width N in milliseconds: a range is then read bucket by bucket, each already in order,
    /// and merged, so the work follows the range rather than the whole history. Null where the
    /// database orders a range itself.
    /// </summary>
    public virtual long? OrderedBucketMs => null;

    /// <summary>
    /// True where the database skips along an ordered index without sending the rows it skips
    /// (OFFSET over an index scan in order): a report then reads each percentile's one or two values
    /// at their ranks instead of streaming every value of the range to this process.
    /// </summary>
    public virtual bool SkipsToRanks => false;

    /// <summary>
    /// Runs the writes a transaction keeps for its end (log rows, then events) and commits. Returns
    /// the value of each write that returns one (event sequence numbers), in order. One statement
    /// after another here; a dialect that can sends them and the COMMIT in one round trip.
    /// </summary>
    public virtual async Task<IReadOnlyList<long>> WriteAndCommitAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ClosingWrite> writes, CancellationToken ct)
    {
        var values = new List<long>();
        foreach (var write in writes)
        {
            var command = new CommandDefinition(write.Sql.For(this), new DynamicParameters(write.Parameters), transaction, cancellationToken: ct);
            if (write.Returns) values.Add(await connection.ExecuteScalarAsync<long>(command));
            else await connection.ExecuteAsync(command);
        }
        await transaction.CommitAsync(ct);
        return values;
    }

    public abstract Task<DbConnection> OpenAsync(string connectionString, CancellationToken ct);

    /// <summary>A unique index or key refused the row.</summary>
    public abstract bool IsUniqueViolation(Exception error);

    /// <summary>A fault that is worth retrying: the same work may succeed in a moment.</summary>
    public abstract bool IsTransient(Exception error);

    /// <summary>Creates or upgrades the schema (versioned scripts, applied once each); returns the scripts applied now.</summary>
    public abstract IReadOnlyList<string> Migrate(string connectionString);

    public static SqlDialect For(string provider) => provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => Sqlite.Instance,
        "sqlserver" => SqlServer.Instance,
        "postgres" or "postgresql" => Postgres.Instance,
        _ => throw new InvalidOperationException(
            $"Database:Provider '{provider}' is not supported; use 'sqlite', 'sqlserver' or 'postgres'."),
    };
}

/// <summary>
/// A write kept for the end of its transaction: parameters are plain values (numbers, text, null),
/// so that a dialect can send it without Dapper. <see cref="Returns"/>: it yields one value.
/// </summary>
public sealed record ClosingWrite(SqlText Sql, IReadOnlyDictionary<string, object?> Parameters, bool Returns);
