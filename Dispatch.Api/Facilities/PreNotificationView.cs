using Dispatch.Api.Patients;
using Dispatch.Api.Routing;
using Dispatch.Core.Incidents;
using Dispatch.Core.Patients;

namespace Dispatch.Api.Facilities;

/// <summary>
/// A patient coming to a hospital, as its emergency desk sees it: the incident's triage, patient
/// count and complaint, the unit, its ETA from the unit's last position (by road, or the labelled
/// straight-line estimate; null before the unit reported a position), when the crew chose the
/// hospital, the hospital's acknowledgement, and the crews' patient records heading here (see
/// <see cref="IncomingPatient"/>). Built in <see cref="From"/> only.
/// </summary>
public sealed record PreNotificationView(
    long ResponseId,
    long IncidentId,
    long FacilityId,
    long UnitId,
    string CallSign,
    ResponseStatus Status,
    Triage? Triage,
    int PatientCount,
    string? Complaint,
    DateTimeOffset ChosenAt,
    double? EtaSeconds,
    string? EtaBasis,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    IReadOnlyList<IncomingPatient> Patients)
{
    public static PreNotificationView From(Incident incident, Response response, TravelEstimate? eta, Acknowledgement? ack, IEnumerable<PatientView> patients) => new(
        response.Id, incident.Id, response.DestinationId!.Value, response.UnitId, response.CallSign, response.Status, incident.Triage,
        incident.PatientCount, incident.Complaint, response.LeftSceneAt!.Value,
        response.Status == ResponseStatus.Transporting ? eta?.Seconds : 0, response.Status == ResponseStatus.Transporting ? eta?.Basis : null,
        ack?.At, ack?.AcknowledgedBy,
        patients.Where(p => p.DestinationId is null || p.DestinationId == response.DestinationId).Select(IncomingPatient.From).ToList());
}

/// <summary>
/// A patient record as the receiving hospital sees it before arrival: the START tag, age or age
/// group, sex, working diagnosis and the latest observations; not the name (the crew hands it over
/// in person) nor treatments. A record with no destination yet is shown to the hospital the unit
/// is taking it to.
/// </summary>
public sealed record IncomingPatient(string Id, Triage? Triage, int? Age, AgeGroup? AgeGroup, Sex? Sex, string? Icd10, ObservationView? Latest)
{
    public static IncomingPatient From(PatientView p) => new(p.Id, p.Triage, p.Age, p.AgeGroup, p.Sex, p.Icd10, p.Observations.Count > 0 ? p.Observations[^1] : null);
}

/// <summary>A pre-notification that ended: the patient was handed over, the transport cancelled or sent elsewhere.</summary>
public sealed record PreNotificationEndedView(long ResponseId, long IncidentId, long FacilityId, long UnitId);
