using Dispatch.Api.Database;
using Dispatch.Core.Calls;
using Dispatch.Core.Common;

namespace Dispatch.Api.Calls;

public sealed class CallStore
{
    private const string Columns =
        "id, external_id, caller_number, received_at, source, lat, lon, accuracy_meters, flags, status, " +
        "answered_by, answered_at, outcome, closed_at, incident_id, ingested_at, version";

    private static readonly SqlText ById = SqlText.Of("CallStore.ById", $"SELECT {Columns} FROM calls WHERE id = @Id");
    private static readonly SqlText ByExternalId = SqlText.Of("CallStore.ByExternalId", $"SELECT {Columns} FROM calls WHERE external_id = @ExternalId");
    private static readonly SqlText Open = SqlText.Of("CallStore.Open", d =>
        $"SELECT {Columns} FROM calls WHERE status IN ('Waiting', 'Answered') ORDER BY received_at, id" + d.Limit("@Limit"));

    private const string InsertColumns =
        "external_id, caller_number, received_at, source, lat, lon, accuracy_meters, flags, status, ingested_at";

    private const string InsertValues =
        "@ExternalId, @CallerNumber, @ReceivedAt, @Source, @Lat, @Lon, @AccuracyMeters, @Flags, @Status, @IngestedAt";

    private static readonly SqlText Insert = SqlText.Of("CallStore.Insert", d => d.InsertReturning("calls", InsertColumns, InsertValues, Columns));

    // Stores the call unless its externalId is already there; returns the new row, or none. @Key is
    // the externalId again: PostgreSQL deduces one type per parameter, and the two uses differ.
    private static readonly SqlText InsertNew = SqlText.Of("CallStore.InsertNew", d => d.InsertSelectReturning("calls", InsertColumns,
        $"SELECT {InsertValues} WHERE NOT EXISTS (SELECT 1 FROM calls WHERE external_id = @Key)", Columns));

    private static readonly SqlText Update = SqlText.Of("CallStore.Update",
        "UPDATE calls SET status = @Status, answered_by = @AnsweredBy, answered_at = @AnsweredAt, outcome = @Outcome, " +
        "closed_at = @ClosedAt, incident_id = @IncidentId, version = version + 1 WHERE id = @Id AND version = @Version");

    public Task<CallRecord?> FindAsync(DbSession s, long id) => s.SingleOrDefaultAsync<CallRecord>(ById, new { Id = id });

    public async Task<CallRecord> GetAsync(DbSession s, long id) => await FindAsync(s, id) ?? throw new NotFound($"Call {id}");

    public Task<CallRecord?> FindByExternalIdAsync(DbSession s, string externalId) =>
        s.SingleOrDefaultAsync<CallRecord>(ByExternalId, new { ExternalId = externalId });

    public async Task<IReadOnlyList<CallRecord>> ListOpenAsync(DbSession s, int limit) =>
        (await s.QueryAsync<CallRecord>(Open, new { Limit = limit })).ToList();

    /// <summary>Inserts and returns the call as stored.</summary>
    public async Task<CallRecord> AddAsync(DbSession s, CallRecord c) =>
        await s.SingleOrDefaultAsync<CallRecord>(Insert, InsertArgs(c)) ?? throw new InvalidOperationException("The INSERT returned no row.");

    /// <summary>
    /// Inserts the call unless one with its externalId is stored already (one statement, no read
    /// first); returns the call as stored, or null when it was there. Two deliveries racing past
    /// the check meet the unique index instead.
    /// </summary>
    public Task<CallRecord?> AddIfNewAsync(DbSession s, CallRecord c) => s.SingleOrDefaultAsync<CallRecord>(InsertNew, InsertArgs(c));

    private static object InsertArgs(CallRecord c) => new
    {
        c.ExternalId, c.CallerNumber, c.ReceivedAt, Source = c.Source.ToString(), c.Lat, c.Lon, c.AccuracyMeters,
        c.Flags, Status = c.Status.ToString(), c.IngestedAt, Key = c.ExternalId,
    };

    /// <summary>Saves the call's state if nobody changed it since it was read; returns it as stored.</summary>
    public async Task<CallRecord> SaveAsync(DbSession s, CallRecord c)
    {
        await s.UpdateVersionedAsync(Update, new
        {
            c.Id, Status = c.Status.ToString(), c.AnsweredBy, c.AnsweredAt, Outcome = c.Outcome?.ToString(), c.ClosedAt, c.IncidentId, c.Version,
        }, $"Call {c.Id}");
        return await GetAsync(s, c.Id);
    }
}
