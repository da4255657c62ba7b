using System.Text.Json;
using Dispatch.Api.Database;
using Dispatch.Api.Privacy;

namespace Dispatch.Api.Incidents;

/// <summary>
/// Reads the append-only incident log (nothing in the code updates or deletes it). Personal values
/// in the details are stored sealed with their subject's key and opened here; after erasure they
/// read as null and the entry says <c>erased: true</c>.
/// </summary>
public sealed class IncidentLogStore(Db db)
{
    private static readonly SqlText ForIncident = SqlText.Of("IncidentLogStore.ForIncident",
        "SELECT l.id, l.at, l.actor, l.action, l.call_id, l.incident_id, l.unit_id, l.details FROM incident_log l " +
        "WHERE l.incident_id = @Id OR l.call_id IN (SELECT c.id FROM calls c WHERE c.incident_id = @Id) ORDER BY l.id");

    private static readonly SqlText ForCall = SqlText.Of("IncidentLogStore.ForCall",
        "SELECT l.id, l.at, l.actor, l.action, l.call_id, l.incident_id, l.unit_id, l.details FROM incident_log l " +
        "WHERE l.call_id = @Id ORDER BY l.id");

    /// <param name="Erased">The subject's personal data was erased: its values in <paramref name="Details"/> read as null.</param>
    public sealed record Entry(long Id, DateTimeOffset At, string Actor, string Action, long? CallId, long? IncidentId, long? UnitId, JsonElement? Details, bool Erased);

    public Task<IReadOnlyList<Entry>> ForIncidentAsync(long incidentId, CancellationToken ct) =>
        db.ReadAsync(s => ForIncidentAsync(s, incidentId), ct);

    /// <summary>The incident's log, opened, in a session already open (the personal-data export).</summary>
    public static async Task<IReadOnlyList<Entry>> ForIncidentAsync(DbSession s, long incidentId) =>
        await OpenAsync(s, (await s.QueryAsync<Row>(ForIncident, new { Id = incidentId })).ToList());

    /// <summary>The log rows of one call, opened (a call that never became an incident).</summary>
    public static async Task<IReadOnlyList<Entry>> ForCallAsync(DbSession s, long callId) =>
        await OpenAsync(s, (await s.QueryAsync<Row>(ForCall, new { Id = callId })).ToList());

    private static async Task<IReadOnlyList<Entry>> OpenAsync(DbSession s, List<Row> rows)
    {
        var sealedRows = rows.Where(r => r.Details is not null && r.Details.Contains(Sealer.Prefix, StringComparison.Ordinal)).ToList();
        var keys = await SubjectKeys.FindAsync(s, sealedRows.Select(r => PersonalFields.Subject(r.IncidentId, r.CallId)).OfType<string>().Distinct().ToList());
        return rows.Select(r =>
        {
            if (r.Details is null) return new Entry(r.Id, r.At, r.Actor, r.Action, r.CallId, r.IncidentId, r.UnitId, null, false);
            var subject = PersonalFields.Subject(r.IncidentId, r.CallId);
            var details = PersonalFields.Open(r.Details, subject is not null && keys.TryGetValue(subject, out var k) ? k : null, subject, out var erased);
            return new Entry(r.Id, r.At, r.Actor, r.Action, r.CallId, r.IncidentId, r.UnitId, details, erased);
        }).ToList();
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public DateTimeOffset At { get; init; }
        public string Actor { get; init; } = "";
        public string Action { get; init; } = "";
        public long? CallId { get; init; }
        public long? IncidentId { get; init; }
        public long? UnitId { get; init; }
        public string? Details { get; init; }
    }
}
