using System.Text.Json;
using Dispatch.Api.Database;

namespace Dispatch.Api.Incidents;

/// <summary>Reads the append-only incident log (nothing in the code updates or deletes it).</summary>
public sealed class IncidentLogStore(Db db)
{
    private static readonly SqlText ForIncident = SqlText.Of("IncidentLogStore.ForIncident",
        "SELECT l.id, l.at, l.actor, l.action, l.call_id, l.incident_id, l.unit_id, l.details FROM incident_log l " +
        "WHERE l.incident_id = @Id OR l.call_id IN (SELECT c.id FROM calls c WHERE c.incident_id = @Id) ORDER BY l.id");

    public sealed record Entry(long Id, DateTimeOffset At, string Actor, string Action, long? CallId, long? IncidentId, long? UnitId, JsonElement? Details);

    public Task<IReadOnlyList<Entry>> ForIncidentAsync(long incidentId, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<Entry>>(async s => (await s.QueryAsync<Row>(ForIncident, new { Id = incidentId }))
            .Select(r => new Entry(r.Id, r.At, r.Actor, r.Action, r.CallId, r.IncidentId, r.UnitId,
                r.Details is null ? null : JsonDocument.Parse(r.Details).RootElement.Clone()))
            .ToList(), ct);

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
