using Dispatch.Core.Incidents;
using Dispatch.Core.Units;

namespace Dispatch.Api.Incidents;

/// <summary>
/// What a crew receives: enough to drive to the scene, know what waits there and call the caller
/// back, and which steps it may report next (the lifecycle stays on the server).
/// </summary>
public sealed record AssignmentView(
    long Id,
    long IncidentId,
    long UnitId,
    DateTimeOffset OfferedAt,
    string OfferedBy,
    DateTimeOffset? AcknowledgedAt,
    Triage Triage,
    Priority Priority,
    PointView Location,
    string? Address,
    string? Complaint,
    string? Kelurahan,
    int PatientCount,
    IncidentStatus IncidentStatus,
    string? EndReason,
    IncidentCategory Category,
    bool IsEmergency,
    string? CallerNumber,
    bool CanAcknowledge,
    IReadOnlyList<CrewStatus> NextStatuses,
    IReadOnlyDictionary<string, IReadOnlyList<CrewStatus>> NextStatusesAfter)
{
    /// <param name="callerNumber">The first caller's number for a call back, null when withheld (or not sent, on a withdrawal).</param>
    public static AssignmentView From(AssignmentStore.Row a, Incident i, string? callerNumber) => new(
        a.Id, a.IncidentId, a.UnitId, a.OfferedAt, a.OfferedBy, a.AcknowledgedAt, i.Triage, i.Priority,
        new PointView(i.Lat, i.Lon), i.Address, i.Complaint, i.KelurahanName, i.PatientCount, i.Status, a.EndReason,
        i.Category, i.IsEmergency, callerNumber, CrewSteps.CanAcknowledge(i.Status), CrewSteps.OnIncident(i.Status), CrewSteps.AfterOnIncident());
}
