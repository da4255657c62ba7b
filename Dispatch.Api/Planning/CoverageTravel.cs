using Dispatch.Api.Routing;
using Dispatch.Core.Geography;
using Dispatch.Core.Planning;

namespace Dispatch.Api.Planning;

/// <summary>Travel seconds from each site to each demand point, and how they were estimated ("road" or "straightLine").</summary>
public sealed record TravelMatrix(string Basis, double[][] SecondsBySite);

/// <summary>
/// The coverage model's travel times, with the recommendation's routing: by road when a network is
/// loaded (one reverse search per demand point to every site), else, and for a pair the road
/// cannot route, the straight-line estimate of <see cref="TravelEstimator"/>. Kept in this one
/// class so that another travel table can replace it.
/// </summary>
public sealed class CoverageTravel(RoadNetworkHost roads, TravelEstimator straight)
{
    public TravelMatrix Seconds(IReadOnlyList<GeoPoint> sites, IReadOnlyList<DemandPoint> demand)
    {
        var bySite = sites.Select(_ => new double[demand.Count]).ToArray();
        var network = roads.Current;
        var siteArray = sites.ToArray();
        Parallel.For(0, demand.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, j =>
        {
            var target = new GeoPoint(demand[j].Lat, demand[j].Lon);
            var routes = network?.ToTarget(target, siteArray, withPath: false);
            for (var s = 0; s < siteArray.Length; s++)
                bySite[s][j] = routes?[s].Route is { } r ? r.Seconds : straight.StraightSeconds(siteArray[s], target);
        });
        return new TravelMatrix(network is null ? RoadStatus.StraightLine : RoadStatus.Road, bySite);
    }
}
