using Dispatch.Core.Geography;

namespace Dispatch.Core.Incidents;

/// <summary>
/// What changes on an incident after creation (a call back, a corrected location...): a null
/// field stays as it is; an empty address or complaint clears it. A new location comes with its
/// kelurahan and kecamatan, resolved by the caller.
/// </summary>
public sealed record IncidentChange
{
    public Triage? Triage { get; init; }
    public (GeoPoint Point, AreaMatch Area)? Location { get; init; }
    public string? Address { get; init; }
    public string? Complaint { get; init; }
    public int? PatientCount { get; init; }
    public IncidentCategory? Category { get; init; }
    public bool? IsEmergency { get; init; }
    public bool? IsMajor { get; init; }
}
