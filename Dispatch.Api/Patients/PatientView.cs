using Dispatch.Core.Incidents;
using Dispatch.Core.Patients;

namespace Dispatch.Api.Patients;

/// <summary>
/// A patient as the API answers it. <c>icd10Listed</c> says whether the code is in the shipped
/// code list (false: the form is right but the list does not know it; null: no code).
/// <c>observations</c> are oldest first; <c>version</c> grows with every change; <c>missing</c> names
/// what the record still lacks (<c>destinationId</c> of a transport or handover, <c>handoverAt</c> of a
/// receiving staff name): flagged for the crew to complete, never refused.
/// </summary>
public sealed record PatientView(
    string Id, long IncidentId, string? Name, int? Age, AgeGroup? AgeGroup, Sex? Sex, Triage? Triage, string? Icd10, bool? Icd10Listed,
    IReadOnlyList<string> Treatments, PatientOutcome? Outcome, long? DestinationId, string? SisruteRef, DateTimeOffset? HandoverAt,
    string? ReceivedBy, DateTimeOffset UpdatedAt, int Version, IReadOnlyList<ObservationView> Observations, IReadOnlyList<string> Missing);

/// <summary>One set of observations: systolic/diastolic mmHg, pulse and respRate /min, spo2 %, gcs 3-15, temperature degC, glucose mg/dL.</summary>
public sealed record ObservationView(
    string Id, DateTimeOffset At, string RecordedBy, int? Systolic, int? Diastolic, int? Pulse, int? RespRate, int? Spo2, int? Gcs, double? Temperature, int? Glucose);
