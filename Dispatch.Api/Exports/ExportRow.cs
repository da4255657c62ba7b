using Dispatch.Core.Incidents;

namespace Dispatch.Api.Exports;

/// <summary>One incident with everything the exports need, read straight from the report query.</summary>
public sealed class ExportRow
{
    public long Id { get; init; }
    public string? CallExternalId { get; init; }
    public string Source { get; init; } = "";
    public string Status { get; init; } = "";
    /// <summary>Null for imported history without a triage (exported as an empty cell).</summary>
    public string? Triage { get; init; }
    public bool IsEmergency { get; init; }
    public string Category { get; init; } = "";
    public int PatientCount { get; init; }
    /// <summary>Null for imported history without a position (exported as empty cells).</summary>
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? Address { get; init; }
    public string? Complaint { get; init; }
    public string? KelurahanCode { get; init; }
    public string? KelurahanName { get; init; }
    public string? KecamatanCode { get; init; }
    public string? KecamatanName { get; init; }
    public string? UnitCallSign { get; init; }
    /// <summary>The plates of every unit sent (declined ones left out), joined by <see cref="ExportService.PlateSeparator"/>.</summary>
    public string? UnitPlates { get; init; }
    /// <summary>The crew of every unit sent ("Budi (AMB-01), Sari (AMB-01)"), joined by <see cref="ExportService.CrewSeparator"/>.</summary>
    public string? Crew { get; init; }
    /// <summary>The patients' working diagnoses (ICD-10), each once, joined by a comma and a space.</summary>
    public string? Icd10 { get; init; }
    /// <summary>Every facility a patient was taken to (patient records and units), each once, joined by a comma and a space.</summary>
    public string? Destinations { get; init; }
    /// <summary>How many patient records the crews made (the national korban when any, else <see cref="PatientCount"/>).</summary>
    public int PatientsRecorded { get; init; }

    /// <summary>A major (mass-casualty) incident.</summary>
    public bool IsMajor { get; init; }
    public string? DestinationName { get; init; }
    public string? CancelReason { get; init; }
    public bool IsImported { get; init; }
    public DateTimeOffset? CallReceivedAt { get; init; }
    public DateTimeOffset? CallAnsweredAt { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UnitNotifiedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? EnRouteAt { get; init; }
    public DateTimeOffset? OnSceneAt { get; init; }
    public DateTimeOffset? LeftSceneAt { get; init; }
    public DateTimeOffset? AtDestinationAt { get; init; }
    public DateTimeOffset? HandoverAt { get; init; }
    public DateTimeOffset? BackInServiceAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }

    public IncidentTimes Times => new()
    {
        CallReceived = CallReceivedAt, CallAnswered = CallAnsweredAt, Created = CreatedAt, UnitNotified = UnitNotifiedAt,
        Acknowledged = AcknowledgedAt, EnRoute = EnRouteAt, OnScene = OnSceneAt, LeftScene = LeftSceneAt, AtDestination = AtDestinationAt,
        Handover = HandoverAt, BackInService = BackInServiceAt, Closed = ClosedAt, Cancelled = CancelledAt,
    };
}
