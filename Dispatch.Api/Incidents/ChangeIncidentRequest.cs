using Dispatch.Api.Http;
using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Incidents;

public sealed record PointRequest(double? Lat, double? Lon);

/// <summary>
/// A change to an incident after creation (<c>PATCH /api/incidents/{id}</c>): any of the fields,
/// and the <c>version</c> the operator last saw. An empty address or complaint clears it.
/// </summary>
public sealed record ChangeIncidentRequest(
    Triage? Triage,
    PointRequest? Location,
    string? Address,
    string? Complaint,
    int? PatientCount,
    IncidentCategory? Category,
    bool? IsEmergency,
    bool? IsMajor,
    int? Version)
{
    private GeoPoint? Point => Location is { Lat: var lat, Lon: var lon } ? GeoPoint.Create(lat, lon) : null;

    public Validation Validate() => new Validation()
        .Check(Version is not null, "version", "'version' is required: the incident's version last seen.")
        .MaxLength("address", Address, TextLimits.Address)
        .MaxLength("complaint", Complaint, TextLimits.Complaint)
        .Check(Location is null || Point is { IsValid: true }, "location", "'location' needs 'lat' and 'lon' within -90..90 and -180..180.")
        .Check(PatientCount is null or (>= 0 and <= 1000), "patientCount", "'patientCount' must be between 0 and 1000.")
        .Check(Triage is not null || Location is not null || Address is not null || Complaint is not null || PatientCount is not null
               || Category is not null || IsEmergency is not null || IsMajor is not null, "triage", "Nothing to change: give at least one field.");

    /// <summary>The change, with the new location's kelurahan and kecamatan.</summary>
    public IncidentChange ToChange(AreaResolver areas) => new()
    {
        Triage = Triage, Address = Address, Complaint = Complaint, PatientCount = PatientCount, Category = Category,
        IsEmergency = IsEmergency, IsMajor = IsMajor,
        Location = Point is { } p ? (p, areas.Resolve(p)) : null,
    };
}
