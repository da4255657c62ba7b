using System.Text.Json;
using Dapper;
using Dispatch.Api.Database;

namespace Dispatch.Api.Audit;

/// <summary>What was read or exported: the <c>action</c> of an access record.</summary>
public static class AccessActions
{
    public const string IncidentRead = "incident.read";
    public const string IncidentLogRead = "incident.log.read";
    public const string IncidentNotesRead = "incident.notes.read";
    public const string IncidentPatientsRead = "incident.patients.read";
    public const string IncidentSearch = "incident.search";
    public const string CallRead = "call.read";
    public const string ExportIncidents = "export.incidents";
    public const string ExportResponses = "export.responses";
    public const string ExportNational = "export.national";
    public const string PersonalDataExport = "personal-data.export";
}

/// <summary>
/// One access record: who read what. <paramref name="Details"/> is small and never holds a caller's
/// number, address or complaint (for a search: which kinds of criteria, not their values).
/// </summary>
public sealed record AccessEntry(string Action, long? IncidentId = null, long? CallId = null, long? RangeFrom = null, long? RangeTo = null, object? Details = null);

/// <summary>A stored access record, as <c>GET /api/admin/access-log</c> lists it.</summary>
public sealed record AccessRecord(long Id, DateTimeOffset At, string Actor, string Action, long? IncidentId, long? CallId,
    DateTimeOffset? RangeFrom, DateTimeOffset? RangeTo, JsonElement? Details);

/// <summary>
/// The access log: every read of a person's data, in its own short transaction, hash-chained like
/// the incident log (<see cref="ChainedTable.AccessLog"/>). A read whose record cannot be written
/// fails: the data is not handed out unaccounted.
/// </summary>
public sealed class AccessLog(Db db)
{
    public const int DefaultLimit = 200, MaxLimit = 1000;

    private static readonly SqlText Insert = SqlText.Of("AccessLog.Insert",
        "INSERT INTO access_log (at, actor, action, incident_id, call_id, range_from, range_to, details, hash) " +
        "VALUES (@At, @Actor, @Action, @IncidentId, @CallId, @RangeFrom, @RangeTo, @Details, @Hash)");

    private const string Columns = "SELECT id, at, actor, action, incident_id, call_id, range_from, range_to, details FROM access_log ";

    private static readonly SqlText ByIncident = SqlText.Of("AccessLog.ByIncident", d =>
        Columns + "WHERE incident_id = @IncidentId AND id < @Before ORDER BY id DESC" + d.Limit("@Limit"));

    // Exports name no incident: those made after its call came in whose period holds the call time read it too.
    private static readonly SqlText ExportsCovering = SqlText.Of("AccessLog.ExportsCovering", d =>
        Columns + "WHERE range_from IS NOT NULL AND range_from <= @At AND range_to > @At AND at >= @At AND id < @Before ORDER BY id DESC" + d.Limit("@Limit"));

    private static readonly SqlText CallTime = SqlText.Of("AccessLog.CallTime", "SELECT call_received_at FROM incidents WHERE id = @IncidentId");

    private static readonly SqlText ByActor = SqlText.Of("AccessLog.ByActor", d =>
        Columns + "WHERE actor = @Actor AND id < @Before ORDER BY id DESC" + d.Limit("@Limit"));

    public Task RecordAsync(string actor, AccessEntry entry, CancellationToken ct) => RecordAsync(actor, [entry], ct);

    /// <summary>One record per incident (a page of search results), so that the query by incident finds each.</summary>
    public Task RecordAsync(string actor, string action, IEnumerable<long> incidentIds, object? details, CancellationToken ct) =>
        RecordAsync(actor, incidentIds.Distinct().Select(id => new AccessEntry(action, IncidentId: id, Details: details)).ToList(), ct);

    public async Task RecordAsync(string actor, IReadOnlyList<AccessEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        await db.WriteAsync(actor, async s =>
        {
            var rows = entries.Select(e => new Dictionary<string, object?>
            {
                ["At"] = s.Now.ToUnixTimeMilliseconds(), ["Actor"] = actor, ["Action"] = e.Action, ["IncidentId"] = e.IncidentId,
                ["CallId"] = e.CallId, ["RangeFrom"] = e.RangeFrom, ["RangeTo"] = e.RangeTo,
                ["Details"] = e.Details is null ? null : JsonSerializer.Serialize(e.Details, Json.Options),
            }).ToList();
            await s.ChainAsync(ChainedTable.AccessLog, rows);
            foreach (var row in rows) await s.ExecuteAsync(Insert, new DynamicParameters(row));
            return 0;
        }, ct);
    }

    /// <summary>Who read an incident (and which exports covered its call time), newest first.</summary>
    public Task<IReadOnlyList<AccessRecord>> ForIncidentAsync(long incidentId, long? before, int limit, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<AccessRecord>>(async s =>
        {
            var args = new { IncidentId = incidentId, Before = before ?? long.MaxValue, Limit = limit };
            var rows = (await s.QueryAsync<Row>(ByIncident, args)).ToList();
            if (await s.SingleOrDefaultAsync<long?>(CallTime, args) is { } at)
                rows.AddRange(await s.QueryAsync<Row>(ExportsCovering, new { At = at, args.Before, args.Limit }));
            return rows.OrderByDescending(r => r.Id).Take(limit).Select(r => r.View()).ToList();
        }, ct);

    /// <summary>What one user read, newest first.</summary>
    public Task<IReadOnlyList<AccessRecord>> ForActorAsync(string actor, long? before, int limit, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<AccessRecord>>(async s =>
            (await s.QueryAsync<Row>(ByActor, new { Actor = actor, Before = before ?? long.MaxValue, Limit = limit })).Select(r => r.View()).ToList(), ct);

    private sealed class Row
    {
        public long Id { get; init; }
        public long At { get; init; }
        public string Actor { get; init; } = "";
        public string Action { get; init; } = "";
        public long? IncidentId { get; init; }
        public long? CallId { get; init; }
        public long? RangeFrom { get; init; }
        public long? RangeTo { get; init; }
        public string? Details { get; init; }

        public AccessRecord View() => new(Id, DateTimeOffset.FromUnixTimeMilliseconds(At), Actor, Action, IncidentId, CallId,
            RangeFrom is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null, RangeTo is { } t ? DateTimeOffset.FromUnixTimeMilliseconds(t) : null,
            Details is null ? null : JsonSerializer.Deserialize<JsonElement>(Details));
    }
}
