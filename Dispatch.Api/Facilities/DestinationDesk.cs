using Dispatch.Api.Database;
using Dispatch.Api.Routing;
using Dispatch.Api.Units;
using Dispatch.Core.Facilities;
using Dispatch.Core.Geography;
using Dispatch.Core.Units;

namespace Dispatch.Api.Facilities;

/// <summary>
/// A possible destination for the crew: travel from the unit (<see cref="EtaBasis"/> road or
/// straightLine, with <see cref="Note"/> saying why; null times when the unit's position is
/// unknown), what the hospital reported, and <see cref="Warn"/> when it is full or diverting.
/// </summary>
public sealed record DestinationView(long Id, string Name, StationKind Kind, double? EtaSeconds, double? Meters, string? EtaBasis, string? Note,
    AvailabilityView? Availability, bool Warn);

/// <summary>The crew's destination list, nearest first by road ETA.</summary>
public sealed class DestinationDesk(Db db, UnitStore units, StationStore stations, AvailabilityStore availability, TravelEstimator travel)
{
    public Task<IReadOnlyList<DestinationView>> ForUnitAsync(long unitId, CancellationToken ct) =>
        db.ReadAsync(async s =>
        {
            var unit = await units.GetAsync(s, unitId);
            var all = await stations.ListAsync(s);
            var from = unit.LastPosition ?? (unit.HomeStationId is { } h && all.FirstOrDefault(x => x.Id == h) is { } home ? new GeoPoint(home.Lat, home.Lon) : null);
            var reported = await availability.AllAsync(s);
            var places = all.Where(x => x.Kind != StationKind.PscPost).ToDictionary(x => x.Id);
            var estimates = places.Values.ToDictionary(x => x.Id, x => from is { } f ? travel.Estimate(f, new GeoPoint(x.Lat, x.Lon)) : null);
            var ordered = Destinations.Order(places.Values.Select(x =>
                new DestinationOption(x.Id, x.Name, estimates[x.Id]?.Seconds, reported.GetValueOrDefault(x.Id) ?? Availability.None)));
            return (IReadOnlyList<DestinationView>)ordered.Select(o =>
            {
                var place = places[o.FacilityId];
                var e = estimates[o.FacilityId];
                return new DestinationView(place.Id, place.Name, place.Kind, e?.Seconds, e?.Meters, e?.Basis, e?.Note,
                    AvailabilityView.From(o.Availability), o.Availability.WarnsCrew);
            }).ToList();
        }, ct);
}
