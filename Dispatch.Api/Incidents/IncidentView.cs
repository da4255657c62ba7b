using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Incidents;

public sealed record PointView(double Lat, double Lon);

/// <summary>An incident on the wire (boards, IncidentChanged), with its time points and intervals.</summary>
public sealed record IncidentView(
    long Id,
    long CallId,
    IncidentStatus Status,
    Triage Triage,
    Priority Priority,
    bool IsEmergency,
    IncidentCategory Category,
    int PatientCount,
    PointView Location,
    string? Address,
    string? Complaint,
    Area? Kelurahan,
    Area? Kecamatan,
    long? UnitId,
    long? DestinationId,
    string? CancelReason,
    string CreatedBy,
    IncidentTimes Times,
    DateTimeOffset? StatusSince,
    IReadOnlyList<Interval> Intervals,
    int Version)
{
    public static IncidentView From(Incident i) => new(
        i.Id, i.CallId, i.Status, i.Triage, i.Priority, i.IsEmergency, i.Category, i.PatientCount,
        new PointView(i.Lat, i.Lon), i.Address, i.Complaint,
        i.KelurahanCode is { } kel ? new Area(kel, i.KelurahanName ?? "") : null,
        i.KecamatanCode is { } kec ? new Area(kec, i.KecamatanName ?? "") : null,
        i.UnitId, i.DestinationId, i.CancelReason, i.CreatedBy, i.Times, i.StatusSince, ResponseIntervals.From(i.Times), i.Version);
}
