using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Incidents;

public sealed record PointView(double Lat, double Lon)
{
    /// <summary>The point, or null when the incident has none (imported history without a position).</summary>
    public static PointView? Of(double? lat, double? lon) => lat is { } a && lon is { } o ? new(a, o) : null;
}

/// <summary>
/// An incident on the wire (boards, IncidentChanged): its first-unit time points and intervals,
/// and every unit sent (<see cref="Responses"/>). <see cref="UnitId"/> is the unit it is known by
/// (the first active response's); <see cref="WaitingForUnit"/> is true while active with no unit working it.
/// </summary>
public sealed record IncidentView(
    long Id,
    long CallId,
    IncidentStatus Status,
    Triage? Triage,
    Priority Priority,
    bool IsEmergency,
    bool IsMajor,
    IncidentCategory Category,
    int PatientCount,
    PointView? Location,
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
    bool WaitingForUnit,
    IReadOnlyList<ResponseView> Responses,
    int Version,
    string? Missing = null)
{
    public static IncidentView From(Incident i) => new(
        i.Id, i.CallId, i.Status, i.Triage, i.Priority, i.IsEmergency, i.IsMajor, i.Category, i.PatientCount,
        PointView.Of(i.Lat, i.Lon), i.Address, i.Complaint,
        i.KelurahanCode is { } kel ? new Area(kel, i.KelurahanName ?? "") : null,
        i.KecamatanCode is { } kec ? new Area(kec, i.KecamatanName ?? "") : null,
        i.UnitId, i.DestinationId, i.CancelReason, i.CreatedBy, i.Times, i.StatusSince, ResponseIntervals.From(i.Times), i.WaitingForUnit,
        [.. i.Responses.Select(ResponseView.From)], i.Version, i.Missing);
}
