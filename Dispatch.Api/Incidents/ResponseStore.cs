using Dispatch.Api.Database;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Incidents;

/// <summary>
/// The units sent to incidents, one row per response with its own time points. Responses change
/// only with their incident (whose version guards them); the unique index on a unit's active
/// response is the database's own guarantee that a unit is never on two incidents.
/// </summary>
public sealed class ResponseStore(ResponseCrewStore crew)
{
    private const string Columns =
        "id, incident_id, unit_id, call_sign, status, notified_by, notified_at, acknowledged_at, en_route_at, on_scene_at, left_scene_at, " +
        "at_destination_at, handover_at, back_in_service_at, destination_id, ended_at, end_reason, end_note, diverted_to_incident_id, via";

    private static readonly SqlText ForIncident = SqlText.Of("ResponseStore.ForIncident",
        $"SELECT {Columns} FROM responses WHERE incident_id = @IncidentId");

    private static readonly SqlText ForActiveIncidents = SqlText.Of("ResponseStore.ForActiveIncidents",
        $"SELECT {Columns} FROM responses WHERE incident_id IN (SELECT id FROM incidents WHERE status NOT IN ('Closed', 'Cancelled'))");

    private static readonly SqlText ActiveOfUnit = SqlText.Of("ResponseStore.ActiveOfUnit",
        "SELECT incident_id FROM responses WHERE unit_id = @UnitId AND ended_at IS NULL");

    private static readonly SqlText Insert = SqlText.Of("ResponseStore.Insert", d => d.InsertReturning("responses",
        "incident_id, unit_id, call_sign, status, notified_by, notified_at, call_received_at",
        "@IncidentId, @UnitId, @CallSign, @Status, @NotifiedBy, @NotifiedAt, (SELECT i.call_received_at FROM incidents i WHERE i.id = @IncidentId)"));

    private static readonly SqlText Update = SqlText.Of("ResponseStore.Update",
        "UPDATE responses SET status = @Status, acknowledged_at = @AcknowledgedAt, en_route_at = @EnRouteAt, on_scene_at = @OnSceneAt, " +
        "left_scene_at = @LeftSceneAt, at_destination_at = @AtDestinationAt, handover_at = @HandoverAt, back_in_service_at = @BackInServiceAt, " +
        "destination_id = @DestinationId, ended_at = @EndedAt, end_reason = @EndReason, end_note = @EndNote, " +
        "diverted_to_incident_id = @DivertedToIncidentId, via = @Via WHERE id = @Id");

    public async Task<IReadOnlyList<Response>> ForIncidentAsync(DbSession s, long incidentId) =>
        (await s.QueryAsync<Response>(ForIncident, new { IncidentId = incidentId })).ToList();

    public async Task<ILookup<long, Response>> ForActiveIncidentsAsync(DbSession s) =>
        (await s.QueryAsync<Response>(ForActiveIncidents)).ToLookup(r => r.IncidentId);

    /// <summary>The incident a unit is working, from its active response; null when it has none.</summary>
    public Task<long?> ActiveIncidentOfAsync(DbSession s, long unitId) => s.SingleOrDefaultAsync<long?>(ActiveOfUnit, new { UnitId = unitId });

    /// <summary>Writes the incident's responses: new ones inserted, then every one brought up to date (an incident has a handful).</summary>
    public async Task SaveAsync(DbSession s, Incident incident)
    {
        foreach (var r in incident.Responses)
        {
            var id = r.Id;
            if (id == 0)
            {
                id = await s.InsertAsync(Insert, new { r.IncidentId, r.UnitId, r.CallSign, Status = r.Status.ToString(), r.NotifiedBy, r.NotifiedAt });
                await crew.SentAsync(s, id, r.UnitId, r.NotifiedAt);
            }
            await s.ExecuteAsync(Update, new
            {
                Id = id, Status = r.Status.ToString(), r.AcknowledgedAt, r.EnRouteAt, r.OnSceneAt, r.LeftSceneAt, r.AtDestinationAt, r.HandoverAt,
                r.BackInServiceAt, r.DestinationId, r.EndedAt, EndReason = r.EndReason?.ToString(), r.EndNote, r.DivertedToIncidentId, r.Via,
            });
        }
    }
}
