using System.Data.Common;
using System.Text.Json;
using Dapper;
using Dispatch.Api.Audit;
using Dispatch.Api.Events;
using Dispatch.Api.Privacy;
using Dispatch.Api.Telemetry;
using Dispatch.Core.Common;

namespace Dispatch.Api.Database;

/// <summary>
/// One connection (and, for writes, one transaction) with the dialect it speaks. Writes also
/// carry who acts and when, append to the incident log and collect the events to push once the
/// transaction has committed.
/// </summary>
public sealed class DbSession(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, string? actor, DateTimeOffset now, CancellationToken ct, LogChain chain)
{
    // Log rows and events are written at the end of the transaction, together with its commit.
    private static readonly SqlText InsertLog = SqlText.Of("DbSession.InsertLog",
        "INSERT INTO incident_log (at, actor, action, call_id, incident_id, unit_id, details, hash) " +
        "VALUES (@At, @Actor, @Action, @CallId, @IncidentId, @UnitId, @Details, @Hash)");

    private static readonly SqlText InsertEvent = SqlText.Of("DbSession.InsertEvent", d => d.InsertReturning(
        "events", "at, type, audience, data, incident_id, call_id", "@At, @Type, @Audience, @Data, @IncidentId, @CallId", "seq"));

    // The first event of a transaction, taking the event-order lock in the same statement where the dialect can.
    private static readonly SqlText InsertFirstEvent = SqlText.Of("DbSession.InsertFirstEvent", d => d.EventOrderLockCte is { } cte
        ? cte + "INSERT INTO events (at, type, audience, data, incident_id, call_id) SELECT @At, @Type, @Audience, @Data, CAST(@IncidentId AS BIGINT), CAST(@CallId AS BIGINT) FROM locked RETURNING seq"
        : d.InsertReturning("events", "at, type, audience, data, incident_id, call_id", "@At, @Type, @Audience, @Data, @IncidentId, @CallId", "seq"));

    // Where the database chains the log rows itself: the lock as one statement ahead of them, then each row's INSERT computes its hash.
    private static readonly SqlText LockLogOrder = SqlText.Of("DbSession.LockLogOrder", d => d.EventOrderLockStatement ?? "SELECT 1");
    // (Other dialects never send it: they render the plain INSERT, so every dialect's rendering parses.)
    private static readonly SqlText InsertChainedLog = SqlText.Of("DbSession.InsertChainedLog", d => d.EventOrderLockStatement is null
        ? InsertLog.For(d)
        : ChainSql.InsertIncidentLog());

    // SQLite already runs one writer at a time: its rendering is a harmless no-op that is never sent.
    private static readonly SqlText LockEventOrder = SqlText.Of("DbSession.LockEventOrder", d => d.EventOrderLock ?? "SELECT 1");

    private readonly List<ClosingWrite> _logs = [];
    private readonly List<(string Type, string Audience, JsonElement Data, long? IncidentId, long? CallId)> _emitted = [];
    private readonly List<EventEnvelope> _events = [];

    public SqlDialect Dialect => dialect;

    public CancellationToken Cancellation => ct;

    /// <summary>The user (or telephony key) acting; only set on write sessions.</summary>
    public string Actor => actor ?? throw new InvalidOperationException("Read sessions have no actor.");

    /// <summary>The time of this write, from the injected TimeProvider; one value per transaction.</summary>
    public DateTimeOffset Now => now;

    /// <summary>The events of this write with their sequence numbers, once it has committed.</summary>
    public IReadOnlyList<EventEnvelope> Events => _events;

    private CommandDefinition Command(SqlText sql, object? args) =>
        new(sql.For(dialect), args, transaction, cancellationToken: ct);

    // Each statement runs inside a span (DatabaseTracing.Start is evaluated before the statement starts).
    public Task<IEnumerable<T>> QueryAsync<T>(SqlText sql, object? args = null) =>
        DatabaseTracing.Watch(DatabaseTracing.Start(sql, dialect), connection.QueryAsync<T>(Command(sql, args)));

    public Task<T?> SingleOrDefaultAsync<T>(SqlText sql, object? args = null) =>
        DatabaseTracing.Watch(DatabaseTracing.Start(sql, dialect), connection.QuerySingleOrDefaultAsync<T>(Command(sql, args)));

    public Task<int> ExecuteAsync(SqlText sql, object? args = null) =>
        DatabaseTracing.Watch(DatabaseTracing.Start(sql, dialect), connection.ExecuteAsync(Command(sql, args)));

    /// <summary>Streams the rows of a query to <paramref name="row"/> without holding them (large reports).</summary>
    public async Task StreamAsync(SqlText sql, object? args, Action<DbDataReader> row)
    {
        using var span = DatabaseTracing.Start(sql, dialect);
        await using var reader = await connection.ExecuteReaderAsync(Command(sql, args));
        if (dialect.ReadsWithoutIo)
        {
            // An embedded database never waits on a network: the synchronous loop saves an
            // awaited task per row, which is most of the cost of streaming 300,000 values.
            while (reader.Read()) row(reader);
        }
        else
        {
            while (await reader.ReadAsync(ct)) row(reader);
        }
    }

    /// <summary>Streams rows to an asynchronous consumer (e.g. a response body), one at a time.</summary>
    public async Task StreamAsync(SqlText sql, object? args, Func<DbDataReader, Task> row)
    {
        using var span = DatabaseTracing.Start(sql, dialect);
        await using var reader = await connection.ExecuteReaderAsync(Command(sql, args));
        while (await reader.ReadAsync(ct)) await row(reader);
    }

    /// <summary>
    /// Streams one statement run once per argument set, each result ordered on its first column
    /// (an integer, handed to <paramref name="row"/> with the reader), as one ascending sequence:
    /// a k-way merge holding one row per result set. All readers stay open on this one
    /// connection, which embedded SQLite allows.
    /// </summary>
    public async Task MergeAsync(SqlText sql, IEnumerable<object> argumentSets, Action<long, DbDataReader> row)
    {
        using var span = DatabaseTracing.Start(sql, dialect);
        var readers = new List<DbDataReader>();
        try
        {
            var next = new PriorityQueue<DbDataReader, long>();
            foreach (var args in argumentSets)
            {
                var reader = await connection.ExecuteReaderAsync(Command(sql, args));
                readers.Add(reader);
                if (await reader.ReadAsync(ct)) next.Enqueue(reader, reader.GetInt64(0));
            }
            while (next.TryDequeue(out var reader, out var key))
            {
                row(key, reader);
                if (dialect.ReadsWithoutIo ? reader.Read() : await reader.ReadAsync(ct)) next.Enqueue(reader, reader.GetInt64(0));
            }
        }
        finally
        {
            foreach (var reader in readers) await reader.DisposeAsync();
        }
    }

    /// <summary>
    /// Takes <paramref name="table"/>'s write lock, reads its last hash and gives each row (the
    /// parameters of its INSERT, in order) the hash that chains it: the one way rows join a chain
    /// where this process hashes (SQLite, SQL Server; PostgreSQL's closing batch links in SQL).
    /// </summary>
    public async Task ChainAsync(ChainedTable table, IEnumerable<Dictionary<string, object?>> rows)
    {
        var previous = await LastTextAsync(table.Head);
        foreach (var row in rows)
        {
            previous = chain.Next(previous, table, row);
            row["Hash"] = previous;
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (which may be several statements, e.g. take a lock, then read) and
    /// returns the text value of the last row the statements yield, null when none does: one round trip.
    /// </summary>
    public async Task<string?> LastTextAsync(SqlText sql, object? args = null)
    {
        using var span = DatabaseTracing.Start(sql, dialect);
        await using var reader = await connection.ExecuteReaderAsync(Command(sql, args));
        string? last = null;
        do
        {
            while (await reader.ReadAsync(ct)) last = reader.FieldCount > 0 && !reader.IsDBNull(0) ? reader.GetValue(0) as string : null;
        }
        while (await reader.NextResultAsync(ct));
        return last;
    }

    /// <summary>Runs an INSERT built with <see cref="SqlDialect.InsertReturning"/> and returns the new id.</summary>
    public Task<long> InsertAsync(SqlText sql, object args) =>
        DatabaseTracing.Watch(DatabaseTracing.Start(sql, dialect), connection.ExecuteScalarAsync<long>(Command(sql, args)));

    /// <summary>An UPDATE guarded by <c>version = @Version</c>: no row means someone else changed it first.</summary>
    public async Task UpdateVersionedAsync(SqlText sql, object args, string what)
    {
        if (await ExecuteAsync(sql, args) == 0) throw new ConcurrencyConflict(what);
    }

    /// <summary>
    /// Appends to the append-only incident log: who, when, what, and the values it changed. The row
    /// is written with the transaction's commit (or not at all, if the work fails). <paramref name="at"/>
    /// is when it happened, if not now (a crew's tap that waited for signal).
    /// </summary>
    public void Log(string action, long? callId = null, long? incidentId = null, long? unitId = null, object? details = null, DateTimeOffset? at = null)
    {
        EnsureWrite();
        _logs.Add(new ClosingWrite(InsertLog, new Dictionary<string, object?>
        {
            ["At"] = (at ?? now).ToUnixTimeMilliseconds(),
            ["Actor"] = Actor,
            ["Action"] = action,
            ["CallId"] = callId,
            ["IncidentId"] = incidentId,
            ["UnitId"] = unitId,
            ["Details"] = details is null ? null : JsonSerializer.Serialize(details, Json.Options),
        }, Returns: false));
    }

    /// <summary>
    /// Records an event for its audience. It is stored with the commit, which gives it its sequence
    /// number, and pushed only after the commit (<see cref="Events"/>). An event that carries
    /// personal data names its subject (<paramref name="incidentId"/>, <paramref name="callId"/>),
    /// so that erasing the subject deletes it.
    /// </summary>
    public void Emit(string type, string audience, object data, long? incidentId = null, long? callId = null)
    {
        EnsureWrite();
        _emitted.Add((type, audience, JsonSerializer.SerializeToElement(data, Json.Options), incidentId, callId));
    }

    /// <summary>
    /// Writes the log rows, chained (<see cref="LogChain"/>) over exactly the values inserted (the
    /// last step before the writes): where the database can hash (PostgreSQL), a lock statement and
    /// INSERTs that compute their hashes go with the commit; elsewhere the event-order lock is taken
    /// and the last row's hash read in one small query, and the hashes computed here. Then the events (the first one takes the
    /// event-order lock, so that sequence numbers commit in the order they are drawn), and commits;
    /// the events then carry their sequence numbers. Without log rows the lock is held from the
    /// first event to the end of the commit only.
    /// </summary>
    internal async Task CommitAsync()
    {
        EnsureWrite();
        await SealPersonalDataAsync();
        var writes = new List<ClosingWrite>(_logs.Count + _emitted.Count + 1);
        var leading = 0; // values of writes before the events (the log lock's), not sequence numbers
        if (_logs.Count > 0 && dialect.EventOrderLockStatement is not null)
        {
            // Sent with the commit: the lock is held only while the server runs the batch.
            writes.Add(new ClosingWrite(LockLogOrder, new Dictionary<string, object?>(), Returns: true));
            leading = 1;
            writes.AddRange(_logs.Select(log => log with
            {
                Sql = InsertChainedLog,
                Parameters = new Dictionary<string, object?>(log.Parameters)
                {
                    ["RowMac"] = chain.RowMac(ChainedTable.IncidentLog, log.Parameters),
                },
            }));
        }
        else if (_logs.Count > 0)
        {
            var rows = _logs.Select(log => new Dictionary<string, object?>(log.Parameters)).ToList();
            await ChainAsync(ChainedTable.IncidentLog, rows);
            writes.AddRange(_logs.Select((log, i) => log with { Parameters = rows[i] }));
        }
        // A dialect that cannot take the lock inside the first event's INSERT takes it just before.
        if (_emitted.Count > 0 && dialect.EventOrderLock is not null && dialect.EventOrderLockCte is null)
            writes.Add(new ClosingWrite(LockEventOrder, new Dictionary<string, object?>(), Returns: false));
        writes.AddRange(_emitted.Select((e, i) => new ClosingWrite(i == 0 ? InsertFirstEvent : InsertEvent, new Dictionary<string, object?>
        {
            ["At"] = now.ToUnixTimeMilliseconds(),
            ["Type"] = e.Type,
            ["Audience"] = e.Audience,
            ["Data"] = e.Data.GetRawText(),
            ["IncidentId"] = e.IncidentId,
            ["CallId"] = e.CallId,
        }, Returns: true)));
        var seqs = (await DatabaseTracing.Watch(DatabaseTracing.StartCommit(dialect, writes.Count),
            dialect.WriteAndCommitAsync(connection, transaction!, writes, ct))).Skip(leading).ToList();
        if (seqs.Count != _emitted.Count) throw new InvalidOperationException($"{_emitted.Count} events written, {seqs.Count} sequence numbers returned.");
        _events.AddRange(_emitted.Select((e, i) => new EventEnvelope(seqs[i], e.Type, e.Audience, now, e.Data)));
    }

    /// <summary>
    /// Seals the personal properties of the log rows' details with their subject's key (fetched,
    /// or created, in this transaction; one query for all the subjects). Rows without personal
    /// properties (e.g. <c>call.received</c>) cost no query.
    /// </summary>
    private async Task SealPersonalDataAsync()
    {
        var personal = new List<(int Index, string Subject, string Details)>();
        for (var i = 0; i < _logs.Count; i++)
        {
            var p = _logs[i].Parameters;
            if (p["Details"] is not string details || !PersonalFields.MayHold(details)) continue;
            if (PersonalFields.Subject((long?)p["IncidentId"], (long?)p["CallId"]) is not { } subject) continue;
            personal.Add((i, subject, details));
        }
        if (personal.Count == 0) return;
        var keys = await SubjectKeys.FindOrCreateAsync(this, personal.Select(x => x.Subject).Distinct().ToList());
        foreach (var (index, subject, details) in personal)
        {
            if (PersonalFields.Seal(details, keys[subject], subject) is not { } sealedDetails) continue;
            _logs[index] = _logs[index] with { Parameters = new Dictionary<string, object?>(_logs[index].Parameters) { ["Details"] = sealedDetails } };
        }
    }

    private void EnsureWrite()
    {
        if (transaction is null) throw new InvalidOperationException("Only write sessions log and emit.");
    }
}
