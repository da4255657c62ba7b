using Dispatch.Api.Database;
using Dispatch.Core.Common;

namespace Dispatch.Api.Incidents;

/// <summary>Which unit was sent to which incident, when, by whom, and how it ended.</summary>
public sealed class AssignmentStore
{
    private const string Columns = "id, incident_id, unit_id, offered_at, offered_by, acknowledged_at, ended_at, end_reason";

    private static readonly SqlText Insert = SqlText.Of("AssignmentStore.Insert", d => d.InsertReturning("assignments",
        "incident_id, unit_id, offered_at, offered_by", "@IncidentId, @UnitId, @OfferedAt, @OfferedBy"));

    private static readonly SqlText OpenForUnit = SqlText.Of("AssignmentStore.OpenForUnit",
        $"SELECT {Columns} FROM assignments WHERE unit_id = @UnitId AND ended_at IS NULL");

    private static readonly SqlText Acknowledge = SqlText.Of("AssignmentStore.Acknowledge",
        "UPDATE assignments SET acknowledged_at = @At WHERE id = @Id AND acknowledged_at IS NULL");

    private static readonly SqlText End = SqlText.Of("AssignmentStore.End",
        "UPDATE assignments SET ended_at = @At, end_reason = @Reason WHERE id = @Id AND ended_at IS NULL");

    public sealed class Row
    {
        public long Id { get; init; }
        public long IncidentId { get; init; }
        public long UnitId { get; init; }
        public DateTimeOffset OfferedAt { get; init; }
        public string OfferedBy { get; init; } = "";
        public DateTimeOffset? AcknowledgedAt { get; init; }
        public DateTimeOffset? EndedAt { get; init; }
        public string? EndReason { get; init; }
    }

    public Task<long> AddAsync(DbSession s, long incidentId, long unitId) =>
        s.InsertAsync(Insert, new { IncidentId = incidentId, UnitId = unitId, OfferedAt = s.Now, OfferedBy = s.Actor });

    public Task<Row?> OpenAsync(DbSession s, long unitId) => s.SingleOrDefaultAsync<Row>(OpenForUnit, new { UnitId = unitId });

    /// <param name="at">When the crew tapped accept, if not now (a tap that waited for signal).</param>
    public Task AcknowledgeAsync(DbSession s, long id, DateTimeOffset? at = null) => s.ExecuteAsync(Acknowledge, new { Id = id, At = at ?? s.Now });

    public Task EndAsync(DbSession s, long id, string reason, DateTimeOffset? at = null)
    {
        TextLimits.Ensure("endReason", reason, TextLimits.EndReason);
        return s.ExecuteAsync(End, new { Id = id, At = at ?? s.Now, Reason = reason });
    }
}
