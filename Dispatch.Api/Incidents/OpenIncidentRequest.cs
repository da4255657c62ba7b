using Dispatch.Api.Http;
using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Incidents;

/// <summary>
/// What the operator confirms when opening an incident from a call. The location is the point the
/// operator confirmed (lat/lon), or a kelurahan (code or name) when only that is known.
/// </summary>
public sealed record OpenIncidentRequest(
    double? Lat,
    double? Lon,
    string? Kelurahan,
    string? Address,
    string? Complaint,
    bool? IsEmergency,
    IncidentCategory? Category,
    Triage? Triage,
    int? PatientCount)
{
    public const int MaxBytes = 32 * 1024;

    public (IncidentDetails? Details, IResult? Problem) Validate(AreaResolver areas)
    {
        var v = new Validation()
            .MaxLength("address", Address, TextLimits.Address)
            .MaxLength("complaint", Complaint, TextLimits.Complaint)
            .Check(Triage is not null, "triage", "'triage' is required: merah, kuning, hijau or hitam.")
            .Check(PatientCount is null or (>= 0 and <= 1000), "patientCount", "'patientCount' must be between 0 and 1000.");
        GeoPoint? point = null;
        if (Lat is not null || Lon is not null)
        {
            point = GeoPoint.Create(Lat, Lon);
            v.Check(point is { IsValid: true }, "lat", "'lat' and 'lon' must both be given, within -90..90 and -180..180.");
        }
        else if (!string.IsNullOrWhiteSpace(Kelurahan))
        {
            var area = areas.FindKelurahan(Kelurahan.Trim());
            v.Check(area is not null, "kelurahan", $"'kelurahan' '{Kelurahan}' is not a kelurahan of the city.");
            if (area is not null) point = areas.InteriorPoint(area.Code);
        }
        else
        {
            v.Add("lat", "A location is required: 'lat' and 'lon', or 'kelurahan'.");
        }
        if (v.Problem is { } problem) return (null, problem);
        var location = point!.Value;
        return (new IncidentDetails(location, areas.Resolve(location), Address, Complaint, IsEmergency ?? true,
            Category ?? IncidentCategory.NonTrauma, Triage!.Value, PatientCount ?? 1), null);
    }
}
