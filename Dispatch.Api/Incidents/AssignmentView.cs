using Dispatch.Core.Incidents;
using Dispatch.Core.Units;

namespace Dispatch.Api.Incidents;

/// <summary>
/// What a crew receives about its unit's response: enough to drive to the scene, know what waits
/// there and call the caller back, and which steps it may report next (the lifecycle stays on
/// the server). <see cref="Id"/> is the response's id.
/// </summary>
/// <param name="Reason">On a withdrawal (AssignmentCancelled): released, diverted or cancelled (declined for the crew's own decline).</param>
/// <param name="ReasonText">Why, in the operator's words: the release reason or the incident's cancel reason.</param>
/// <param name="DivertedToIncidentId">On a diversion: the incident the unit is sent to instead (its AssignmentOffered follows).</param>
/// <param name="OtherUnits">Call signs of the other units working the same incident.</param>
public sealed record AssignmentView(
    long Id,
    long IncidentId,
    long UnitId,
    DateTimeOffset OfferedAt,
    string OfferedBy,
    DateTimeOffset? AcknowledgedAt,
    ResponseStatus Status,
    Triage? Triage,
    Priority Priority,
    PointView? Location,
    string? Address,
    string? Complaint,
    string? Kelurahan,
    int PatientCount,
    IncidentStatus IncidentStatus,
    ResponseEnd? Reason,
    string? ReasonText,
    long? DivertedToIncidentId,
    IncidentCategory Category,
    bool IsEmergency,
    bool IsMajor,
    string? CallerNumber,
    bool CanAcknowledge,
    bool CanDecline,
    IReadOnlyList<string> OtherUnits,
    IReadOnlyList<CrewStatus> NextStatuses,
    IReadOnlyDictionary<string, IReadOnlyList<CrewStatus>> NextStatusesAfter)
{
    /// <param name="callerNumber">The first caller's number for a call back, null when withheld (or not sent, on a withdrawal).</param>
    public static AssignmentView From(Response r, Incident i, string? callerNumber) => new(
        r.Id, i.Id, r.UnitId, r.NotifiedAt, r.NotifiedBy, r.AcknowledgedAt, r.Status, i.Triage, i.Priority,
        PointView.Of(i.Lat, i.Lon), i.Address, i.Complaint, i.KelurahanName, i.PatientCount, i.Status, r.EndReason, r.EndNote ?? (r.EndReason == ResponseEnd.Cancelled ? i.CancelReason : null),
        r.DivertedToIncidentId, i.Category, i.IsEmergency, i.IsMajor, callerNumber, CrewSteps.CanAcknowledge(r.Status), CrewSteps.CanDecline(r.Status),
        [.. i.Responses.Where(o => o.IsActive && o.UnitId != r.UnitId).Select(o => o.CallSign)],
        CrewSteps.OnResponse(r.Status), CrewSteps.AfterOnIncident());
}
