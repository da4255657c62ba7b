using Dispatch.Core.Geography;

namespace Dispatch.Core.Incidents;

/// <summary>What the operator entered when opening an incident from a call.</summary>
public sealed record IncidentDetails(
    GeoPoint Location,
    AreaMatch Area,
    string? Address,
    string? Complaint,
    bool IsEmergency,
    IncidentCategory Category,
    Triage Triage,
    int PatientCount);
