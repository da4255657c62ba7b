using Dispatch.Core.Geography;
using Dispatch.Core.Planning;
using Dispatch.Core.Recommendation;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Routing;

/// <summary>A travel time between two points: by road when the network has a route, else the straight-line estimate (with why).</summary>
public sealed record TravelEstimate(string Basis, double Seconds, double Meters, double SnapMeters, IReadOnlyList<GeoPoint> Path, string? Note);

/// <summary>
/// One way to estimate travel, shared by the unit's route to the scene and the hospitals' ETAs:
/// the loaded road network, or the straight line at Recommendation:SpeedKmh with its detour factor.
/// </summary>
public sealed class TravelEstimator(RoadNetworkHost roads, IOptions<RecommendationOptions> estimate, Planning.SpeedCalibration calibration)
{
    public TravelEstimate Estimate(GeoPoint from, GeoPoint to)
    {
        var network = roads.Current;
        var outcome = network?.Route(from, to);
        if (outcome is { Route: { } route })
            return new(RoadStatus.Road, Math.Round(route.Seconds), Math.Round(route.Meters), Math.Round(route.SnapMeters), route.Path, null);
        var meters = GreatCircle.Meters(from, to);
        var seconds = StraightSeconds(from, to);
        var note = network is null ? "no road network: straight-line estimate" : $"no road route ({outcome!.Value.Explain(network.MaxSnapMeters)}): straight-line estimate";
        return new(RoadStatus.StraightLine, Math.Round(seconds), Math.Round(meters), 0, [from, to], note);
    }

    /// <summary>
    /// Great-circle metres x Recommendation:DetourFactor at Recommendation:SpeedKmh, the speed x the
    /// accepted straight-line calibration factor (if any): the one straight-line speed of the
    /// routes, the coverage and the simulation.
    /// </summary>
    public StraightLineSpeed StraightLine =>
        new(estimate.Value.DetourFactor, estimate.Value.SpeedKmh * calibration.FactorFor(RoadStatus.StraightLine));

    public double StraightSeconds(GeoPoint from, GeoPoint to) => StraightLine.Seconds(from, to);
}
