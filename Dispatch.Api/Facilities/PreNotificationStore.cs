using Dispatch.Api.Database;
using Dispatch.Core.Facilities;

namespace Dispatch.Api.Facilities;

/// <summary>The responses heading to a facility, and when the hospital acknowledged each.</summary>
public sealed class PreNotificationStore
{
    private static readonly SqlText Heading = SqlText.Of("PreNotificationStore.Heading", d =>
        $"SELECT id AS ResponseId, incident_id AS IncidentId FROM responses WHERE destination_id = @FacilityId AND {d.InList("status", "@Statuses")} ORDER BY id");
    private static readonly SqlText AckOf = SqlText.Of("PreNotificationStore.AckOf",
        "SELECT at, acknowledged_by AS AcknowledgedBy FROM prenotification_acks WHERE response_id = @ResponseId AND facility_id = @FacilityId");
    private static readonly SqlText InsertAck = SqlText.Of("PreNotificationStore.InsertAck",
        "INSERT INTO prenotification_acks (response_id, facility_id, at, acknowledged_by) VALUES (@ResponseId, @FacilityId, @At, @AcknowledgedBy)");

    private static readonly string[] StatusNames = Incoming.Statuses.Select(s => s.ToString()).ToArray();

    /// <summary>(response, incident) of every patient heading to, at or being handed over at the facility.</summary>
    public async Task<IReadOnlyList<(long ResponseId, long IncidentId)>> HeadingToAsync(DbSession s, long facilityId) =>
        (await s.QueryAsync<(long ResponseId, long IncidentId)>(Heading, new { FacilityId = facilityId, Statuses = StatusNames })).ToList();

    public Task<Acknowledgement?> AcknowledgementAsync(DbSession s, IncomingKey key) =>
        s.SingleOrDefaultAsync<Acknowledgement>(AckOf, new { key.ResponseId, key.FacilityId });

    public Task AcknowledgeAsync(DbSession s, IncomingKey key, Acknowledgement ack) =>
        s.ExecuteAsync(InsertAck, new { key.ResponseId, key.FacilityId, ack.At, ack.AcknowledgedBy });
}

/// <summary>When and by whom a hospital acknowledged a pre-notification.</summary>
public sealed record Acknowledgement
{
    public DateTimeOffset At { get; init; }
    public string AcknowledgedBy { get; init; } = "";
}
