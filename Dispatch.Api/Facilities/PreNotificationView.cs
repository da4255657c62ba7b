using Dispatch.Api.Routing;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Facilities;

/// <summary>
/// A patient coming to a hospital, as its emergency desk sees it: the incident's triage, patient
/// count and complaint, the unit, its ETA from the unit's last position (by road, or the labelled
/// straight-line estimate; null before the unit reported a position), when the crew chose the
/// hospital, and the hospital's acknowledgement. Built in <see cref="From"/> only: the patient
/// records (age, sex, triage, latest observations) join here.
/// </summary>
public sealed record PreNotificationView(
    long ResponseId,
    long IncidentId,
    long FacilityId,
    long UnitId,
    string CallSign,
    ResponseStatus Status,
    Triage Triage,
    int PatientCount,
    string? Complaint,
    DateTimeOffset ChosenAt,
    double? EtaSeconds,
    string? EtaBasis,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy)
{
    public static PreNotificationView From(Incident incident, Response response, TravelEstimate? eta, Acknowledgement? ack) => new(
        response.Id, incident.Id, response.DestinationId!.Value, response.UnitId, response.CallSign, response.Status, incident.Triage,
        incident.PatientCount, incident.Complaint, response.LeftSceneAt!.Value,
        response.Status == ResponseStatus.Transporting ? eta?.Seconds : 0, response.Status == ResponseStatus.Transporting ? eta?.Basis : null,
        ack?.At, ack?.AcknowledgedBy);
}

/// <summary>A pre-notification that ended: the patient was handed over, the transport cancelled or sent elsewhere.</summary>
public sealed record PreNotificationEndedView(long ResponseId, long IncidentId, long FacilityId, long UnitId);
