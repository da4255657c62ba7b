namespace Dispatch.Core.Patients;

/// <summary>
/// One measured value's data-entry limits: what can physically be typed for it, to catch a slip of
/// the finger (SpO2 170), never a clinical judgement of the value. GCS is defined as 3-15; SpO2 is
/// a percentage; the others are wide bounds of what a device or a count can show.
/// </summary>
public sealed record VitalRange(string Field, double Min, double Max, string Unit, bool Whole);

/// <summary>The observations a crew records, their units and data-entry limits.</summary>
public static class Vitals
{
    public static readonly VitalRange Systolic = new("systolic", 0, 300, "mmHg", true);
    public static readonly VitalRange Diastolic = new("diastolic", 0, 250, "mmHg", true);
    public static readonly VitalRange Pulse = new("pulse", 0, 300, "/min", true);
    public static readonly VitalRange RespRate = new("respRate", 0, 100, "/min", true);
    public static readonly VitalRange Spo2 = new("spo2", 0, 100, "%", true);
    public static readonly VitalRange Gcs = new("gcs", 3, 15, "", true);
    public static readonly VitalRange Temperature = new("temperature", 20, 45, "degC", false);
    public static readonly VitalRange Glucose = new("glucose", 0, 2000, "mg/dL", true);

    public static readonly IReadOnlyList<VitalRange> All = [Systolic, Diastolic, Pulse, RespRate, Spo2, Gcs, Temperature, Glucose];

    /// <summary>Null when <paramref name="value"/> may be entered for <paramref name="range"/>, else why not (no personal data).</summary>
    public static string? Problem(VitalRange range, double? value) => value switch
    {
        null => null,
        { } v when double.IsNaN(v) || v < range.Min || v > range.Max => $"'{range.Field}' must be between {range.Min} and {range.Max}{(range.Unit.Length > 0 ? " " + range.Unit : "")}.",
        { } v when range.Whole && v != Math.Floor(v) => $"'{range.Field}' must be a whole number.",
        _ => null,
    };
}

/// <summary>One set of observations at one time; any subset of the values, at least one.</summary>
public sealed record Observation(
    string Id, DateTimeOffset At, int? Systolic, int? Diastolic, int? Pulse, int? RespRate, int? Spo2, int? Gcs, double? Temperature, int? Glucose)
{
    public bool HasAnyValue => Systolic is not null || Diastolic is not null || Pulse is not null || RespRate is not null
        || Spo2 is not null || Gcs is not null || Temperature is not null || Glucose is not null;
}
