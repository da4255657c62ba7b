using Dispatch.Core.Geography;

namespace Dispatch.Core.Routing;

/// <summary>
/// A route by road. <see cref="Seconds"/> and <see cref="Meters"/> include the off-road stretches
/// at both ends (point to road and road to point, <see cref="SnapMeters"/> together), covered at
/// the slow off-road speed. <see cref="Path"/> runs from the start point to the end point.
/// </summary>
public sealed record Route(double Seconds, double Meters, double SnapMeters, IReadOnlyList<GeoPoint> Path);

public enum RouteFailure
{
    None,
    /// <summary>The start point is farther than Roads:MaxSnapMeters from every road.</summary>
    FromOffRoad,
    /// <summary>The end point is farther than Roads:MaxSnapMeters from every road.</summary>
    ToOffRoad,
    /// <summary>Both snap to roads, but no drivable way leads from one to the other (another piece of the network, one-way streets).</summary>
    Unreachable,
}

public readonly record struct RouteOutcome(Route? Route, RouteFailure Failure)
{
    public static RouteOutcome Failed(RouteFailure why) => new(null, why);

    public string Explain(double maxSnapMeters) => Failure switch
    {
        RouteFailure.FromOffRoad => $"the start is more than {maxSnapMeters:0} m from any road",
        RouteFailure.ToOffRoad => $"the destination is more than {maxSnapMeters:0} m from any road",
        RouteFailure.Unreachable => "no drivable road connects the two points",
        _ => "routed",
    };
}
