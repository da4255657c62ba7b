using Dispatch.Core.Incidents;

namespace Dispatch.Api.Incidents;

/// <summary>What a crew receives: enough to drive to the scene and know what waits there.</summary>
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
    string? EndReason)
{
    public static AssignmentView From(AssignmentStore.Row a, Incident i) => new(
        a.Id, a.IncidentId, a.UnitId, a.OfferedAt, a.OfferedBy, a.AcknowledgedAt, i.Triage, i.Priority,
        new PointView(i.Lat, i.Lon), i.Address, i.Complaint, i.KelurahanName, i.PatientCount, i.Status, a.EndReason);
}
