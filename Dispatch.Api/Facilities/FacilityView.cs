using Dispatch.Core.Facilities;
using Dispatch.Core.Units;

namespace Dispatch.Api.Facilities;

/// <summary>
/// What a hospital reported, on the wire: <c>{ edStatus, beds: { kind: free }, updatedAt }</c>
/// (the contract), plus the time of each value: <c>edStatusAt</c> and <c>bedsAt: { kind: time }</c>.
/// </summary>
public sealed record AvailabilityView(EdStatus? EdStatus, IReadOnlyDictionary<string, int> Beds, DateTimeOffset? UpdatedAt,
    DateTimeOffset? EdStatusAt, IReadOnlyDictionary<string, DateTimeOffset> BedsAt, bool Warn)
{
    /// <summary>Null when the hospital never reported.</summary>
    public static AvailabilityView? From(Availability? a) => a is not { IsReported: true } ? null : new(
        a.EdStatus?.Value, a.Beds.ToDictionary(b => b.Key, b => b.Value.Value), a.UpdatedAt, a.EdStatus?.At,
        a.Beds.ToDictionary(b => b.Key, b => b.Value.At), a.WarnsCrew);
}

/// <summary>A station or facility with, for hospitals that report it, its availability.</summary>
public sealed record FacilityView(long Id, string Name, StationKind Kind, double Lat, double Lon, bool IsSample, string? Code, AvailabilityView? Availability)
{
    public static FacilityView From(Station s, Availability? a) => new(s.Id, s.Name, s.Kind, s.Lat, s.Lon, s.IsSample, s.Code, AvailabilityView.From(a));
}
