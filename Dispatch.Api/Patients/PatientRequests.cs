using Dispatch.Api.Http;
using Dispatch.Core.Common;
using Dispatch.Core.Incidents;
using Dispatch.Core.Patients;

namespace Dispatch.Api.Patients;

/// <summary>
/// A patient as sent: every field optional; a field sent (even as null or "") is changed, a field
/// left out is kept. <c>version</c> (PUT only) asks for the change to apply to that version only.
/// </summary>
public sealed class PatientRequest
{
    private readonly HashSet<PatientField> _sent = [];

    public string? Id { get; set; }
    public string? Name { get; set { field = value; _sent.Add(PatientField.Name); } }
    public int? Age { get; set { field = value; _sent.Add(PatientField.Age); } }
    public AgeGroup? AgeGroup { get; set { field = value; _sent.Add(PatientField.AgeGroup); } }
    public Sex? Sex { get; set { field = value; _sent.Add(PatientField.Sex); } }
    /// <summary>The START tag as a colour: merah (immediate), kuning (delayed), hijau (minor), hitam (expectant or deceased).</summary>
    public Triage? Triage { get; set { field = value; _sent.Add(PatientField.Triage); } }
    public string? Icd10 { get; set { field = value; _sent.Add(PatientField.Icd10); } }
    public List<string>? Treatments { get; set { field = value; _sent.Add(PatientField.Treatments); } }
    public PatientOutcome? Outcome { get; set { field = value; _sent.Add(PatientField.Outcome); } }
    public long? DestinationId { get; set { field = value; _sent.Add(PatientField.DestinationId); } }
    public string? SisruteRef { get; set { field = value; _sent.Add(PatientField.SisruteRef); } }
    public DateTimeOffset? HandoverAt { get; set { field = value; _sent.Add(PatientField.HandoverAt); } }
    public string? ReceivedBy { get; set { field = value; _sent.Add(PatientField.ReceivedBy); } }
    public int? Version { get; set; }

    public const int MaxBytes = 32 * 1024;

    public Validation Validate(DateTimeOffset now)
    {
        var v = new Validation()
            .Check(Id is null || PatientFields.IsId(Id), "id", $"'id' must be at most {PatientFields.MaxIdLength} letters, digits, '-' or '_' (a UUID).")
            .MaxLength("name", Name, TextLimits.PatientName)
            .Check(Age is null || PatientFields.IsAge(Age.Value), "age", $"'age' must be between 0 and {PatientFields.MaxAge} years.")
            .Check(Blank(Icd10) is null || Icd10Code.Normalize(Icd10) is not null, "icd10",
                "'icd10' must be an ICD-10 code: a letter, two digits, then optionally a dot and 1-4 letters or digits (e.g. S72.0).")
            .Check(Treatments is null || Treatments.Count <= PatientFields.MaxTreatments, "treatments", $"'treatments' lists at most {PatientFields.MaxTreatments} items.")
            .Check(Treatments is null || Treatments.All(t => !string.IsNullOrWhiteSpace(t) && t.Length <= TextLimits.Treatment && !t.Contains('\0', StringComparison.Ordinal)),
                "treatments", $"Each treatment is a text of 1 to {TextLimits.Treatment} characters.")
            .Check(Blank(SisruteRef) is not { } r || PatientFields.IsSisruteRef(r), "sisruteRef",
                $"'sisruteRef' is at most {TextLimits.SisruteRef} letters, digits, spaces and / . _ -, starting with a letter or digit.")
            .MaxLength("receivedBy", ReceivedBy, TextLimits.ReceivedBy)
            .Check(HandoverAt is null || HandoverAt <= now.AddMinutes(1), "handoverAt", "'handoverAt' is in the future.")
            .Check(Version is null or > 0, "version", "'version' must be a positive number.");
        return v;
    }

    public PatientChange ToChange() => new(_sent, Blank(Name), Age, AgeGroup, Sex, Triage, Icd10Code.Normalize(Blank(Icd10)),
        Treatments?.Select(t => t.Trim()).ToList(), Outcome, DestinationId, Blank(SisruteRef), HandoverAt, Blank(ReceivedBy));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// Observations at one time (absent: now), any subset of the values, at least one. Units:
/// systolic/diastolic mmHg, pulse and respRate /min, spo2 %, gcs 3-15, temperature degC, glucose mg/dL.
/// <c>id</c> (a UUID from the phone) makes a replay harmless.
/// </summary>
public sealed record ObservationRequest(
    string? Id, DateTimeOffset? At, double? Systolic, double? Diastolic, double? Pulse, double? RespRate, double? Spo2, double? Gcs, double? Temperature, double? Glucose)
{
    private IEnumerable<(VitalRange Range, double? Value)> Values =>
        [(Vitals.Systolic, Systolic), (Vitals.Diastolic, Diastolic), (Vitals.Pulse, Pulse), (Vitals.RespRate, RespRate), (Vitals.Spo2, Spo2), (Vitals.Gcs, Gcs),
         (Vitals.Temperature, Temperature), (Vitals.Glucose, Glucose)];

    public Validation Validate(DateTimeOffset now)
    {
        var v = new Validation()
            .Check(Id is null || PatientFields.IsId(Id), "id", $"'id' must be at most {PatientFields.MaxIdLength} letters, digits, '-' or '_' (a UUID).")
            .Check(At is null || At <= now.AddMinutes(1), "at", "'at' is in the future.")
            .Check(Values.Any(x => x.Value is not null), "$", "Send at least one value: systolic, diastolic, pulse, respRate, spo2, gcs, temperature or glucose.");
        foreach (var (range, value) in Values)
            if (Vitals.Problem(range, value) is { } problem) v.Add(range.Field, problem);
        return v;
    }

    public Observation ToObservation(DateTimeOffset now) => new(Id ?? Guid.NewGuid().ToString(), At ?? now,
        Whole(Systolic), Whole(Diastolic), Whole(Pulse), Whole(RespRate), Whole(Spo2), Whole(Gcs), Temperature is { } t ? Math.Round(t, 1) : null, Whole(Glucose));

    private static int? Whole(double? value) => value is { } x ? (int)x : null;
}
