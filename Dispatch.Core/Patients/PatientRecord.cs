using System.Text.RegularExpressions;
using Dispatch.Core.Common;
using Dispatch.Core.Incidents;

namespace Dispatch.Core.Patients;

/// <summary>
/// A patient of an incident as the crew records it. <see cref="Triage"/> is the START tag
/// (Simple Triage And Rapid Treatment: Benson, Koenig, Schultz, "Disaster triage: START, then
/// SAVE", Prehospital and Disaster Medicine 11(2), 1996): immediate = merah, delayed = kuning,
/// minor = hijau, expectant or deceased = hitam, the colours of <see cref="Incidents.Triage"/>.
/// </summary>
public sealed record PatientRecord(
    string Id, long IncidentId, string? Name, int? Age, AgeGroup? AgeGroup, Sex? Sex, Triage? Triage, string? Icd10,
    IReadOnlyList<string> Treatments, PatientOutcome? Outcome, long? DestinationId, string? SisruteRef,
    DateTimeOffset? HandoverAt, string? ReceivedBy, int Version)
{
    public static PatientRecord New(string id, long incidentId) =>
        new(id, incidentId, null, null, null, null, null, null, [], null, null, null, null, null, 0);

    /// <summary>
    /// The record with the fields of <paramref name="change"/> that were sent (the others kept: two
    /// phones editing different fields of one patient never undo each other), checked as a whole.
    /// </summary>
    public PatientRecord With(PatientChange change)
    {
        var next = this with
        {
            Name = change.Has(PatientField.Name) ? change.Name : Name,
            Age = change.Has(PatientField.Age) ? change.Age : Age,
            AgeGroup = change.Has(PatientField.AgeGroup) ? change.AgeGroup : change.Has(PatientField.Age) ? null : AgeGroup,
            Sex = change.Has(PatientField.Sex) ? change.Sex : Sex,
            Triage = change.Has(PatientField.Triage) ? change.Triage : Triage,
            Icd10 = change.Has(PatientField.Icd10) ? change.Icd10 : Icd10,
            Treatments = change.Has(PatientField.Treatments) ? change.Treatments ?? [] : Treatments,
            Outcome = change.Has(PatientField.Outcome) ? change.Outcome : Outcome,
            DestinationId = change.Has(PatientField.DestinationId) ? change.DestinationId : DestinationId,
            SisruteRef = change.Has(PatientField.SisruteRef) ? change.SisruteRef : SisruteRef,
            HandoverAt = change.Has(PatientField.HandoverAt) ? change.HandoverAt : HandoverAt,
            ReceivedBy = change.Has(PatientField.ReceivedBy) ? change.ReceivedBy : ReceivedBy,
        };
        if (next.Age is { } years) next = next with { AgeGroup = Patients.AgeGroups.Of(years) };
        return next;
    }

    /// <summary>
    /// What the record still lacks by record-keeping rules (not medical ones): a transport or a
    /// handover names the facility (<c>destinationId</c>), the receiving staff's name belongs to a
    /// handover time (<c>handoverAt</c>). A crew enters these in any order, often offline, so a gap
    /// is flagged for completion, never refused: a refused change replayed later would be lost.
    /// </summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>(2);
        if (DestinationId is null && (Outcome == PatientOutcome.Transported || HandoverAt is not null)) missing.Add("destinationId");
        if (ReceivedBy is not null && HandoverAt is null) missing.Add("handoverAt");
        return missing;
    }
}

/// <summary>The fields a patient change may carry.</summary>
public enum PatientField { Name, Age, AgeGroup, Sex, Triage, Icd10, Treatments, Outcome, DestinationId, SisruteRef, HandoverAt, ReceivedBy }

/// <summary>The fields sent in one change (<see cref="Sent"/>) with their values; a field sent as null clears it.</summary>
public sealed record PatientChange(
    IReadOnlySet<PatientField> Sent, string? Name = null, int? Age = null, AgeGroup? AgeGroup = null, Sex? Sex = null, Triage? Triage = null,
    string? Icd10 = null, IReadOnlyList<string>? Treatments = null, PatientOutcome? Outcome = null, long? DestinationId = null,
    string? SisruteRef = null, DateTimeOffset? HandoverAt = null, string? ReceivedBy = null)
{
    public bool Has(PatientField field) => Sent.Contains(field);
}

/// <summary>Data-entry checks of a patient's fields, shared by the API's validation (400 naming the field).</summary>
public static partial class PatientFields
{
    public const int MaxAge = 130;
    /// <summary>A patient's or observation's id (<c>patients.id</c>, <c>patient_observations.id</c>): a token such as a UUID, not a text.</summary>
    public const int MaxIdLength = 64;
    /// <summary>How many treatments one patient record lists at most.</summary>
    public const int MaxTreatments = 40;

    [GeneratedRegex("^[\\p{L}\\p{N}][\\p{L}\\p{N}/._ -]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SisruteForm();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdForm();

    /// <summary>A SISRUTE reference is kept as typed, trimmed: letters (any script), digits, and / . _ - or spaces inside.</summary>
    public static bool IsSisruteRef(string value) => value.Length <= TextLimits.SisruteRef && SisruteForm().IsMatch(value);

    /// <summary>Patient and observation ids: a UUID or another short token of letters, digits, '-' and '_'.</summary>
    public static bool IsId(string value) => value.Length <= MaxIdLength && IdForm().IsMatch(value);

    public static bool IsAge(int years) => years is >= 0 and <= MaxAge;
}
