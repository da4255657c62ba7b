using Dispatch.Core.Geography;
using Dispatch.Core.Routing;

namespace Dispatch.Core.Planning;

/// <summary>Which way a travel time was found: by road, or the straight-line estimate.</summary>
public enum TravelBasis { Road, StraightLine }

/// <summary>A travel time in seconds and how it was found.</summary>
public readonly record struct TravelTime(double Seconds, TravelBasis Basis);

/// <summary>A point placed once on the network (its snap, or null when off-road or without a network), for many lookups.</summary>
public readonly record struct PlacedPoint(GeoPoint Point, RoadSnap? Snap);

/// <summary>The straight-line estimate of the recommendation: great-circle metres x detour factor at a speed.</summary>
public sealed record StraightLineSpeed(double DetourFactor, double SpeedKmh)
{
    public double Seconds(GeoPoint from, GeoPoint to) => GreatCircle.Meters(from, to) * DetourFactor / (SpeedKmh / 3.6);
}

/// <summary>
/// Travel seconds between a few origins (stations) and any points, the same routing as the
/// recommendation (<see cref="RoadNetwork.Route"/>): one full search per origin and direction
/// (forward from it, and over the reversed arcs to it) gives every node's time; a point's time is
/// then the best end of its snapped segment plus the part of the segment, plus the off-road legs
/// at both ends. Without a network, or for a point or origin off the roads or unreachable, the
/// straight-line estimate, and the answer says so. Immutable once built; thread-safe to read.
/// Memory: origins x nodes x 2 floats.
/// </summary>
public sealed class TravelTable
{
    private readonly RoadNetwork? _network;
    private readonly StraightLineSpeed _straight;
    private readonly PlacedPoint[] _origins;
    private readonly float[][] _from;
    private readonly float[][] _to;
    private readonly Dictionary<GeoPoint, int> _index = [];

    private TravelTable(RoadNetwork? network, StraightLineSpeed straight, PlacedPoint[] origins, float[][] from, float[][] to)
    {
        (_network, _straight, _origins, _from, _to) = (network, straight, origins, from, to);
        for (var i = 0; i < origins.Length; i++) _index.TryAdd(origins[i].Point, i);
    }

    /// <summary>Road when a network is loaded (each answer may still fall back), else straight line.</summary>
    public TravelBasis Basis => _network is null ? TravelBasis.StraightLine : TravelBasis.Road;

    public int OriginCount => _origins.Length;

    public static TravelTable Build(RoadNetwork? network, IReadOnlyList<GeoPoint> origins, StraightLineSpeed straight)
    {
        var placed = origins.Select(o => new PlacedPoint(o, network?.Snap(o))).ToArray();
        var from = new float[placed.Length][];
        var to = new float[placed.Length][];
        if (network is not null)
        {
            var g = network.Graph;
            var forward = g.Out;
            Parallel.For(0, placed.Length, i =>
            {
                if (placed[i].Snap is not { } s) return;
                from[i] = FullSearch.Run(g.NodeCount, forward.Start, forward.Head, forward.Seconds, Leaving(g, s));
                to[i] = FullSearch.Run(g.NodeCount, g.InStart, g.InTail, g.InSeconds, Arriving(g, s));
            });
        }
        return new TravelTable(network, straight, placed, from, to);
    }

    /// <summary>The origin's index; throws when the point is not one of the origins.</summary>
    public int IndexOf(GeoPoint origin) => _index.TryGetValue(origin, out var i) ? i : throw new ArgumentException("Not an origin of this table.", nameof(origin));

    public PlacedPoint Place(GeoPoint point) => new(point, _network?.Snap(point));

    /// <summary>From the origin to the point.</summary>
    public TravelTime From(int origin, PlacedPoint point) => Time(origin, point, outbound: true);

    /// <summary>From the point back to the origin.</summary>
    public TravelTime To(int origin, PlacedPoint point) => Time(origin, point, outbound: false);

    private TravelTime Time(int origin, PlacedPoint point, bool outbound)
    {
        var o = _origins[origin];
        if (_network is { } network && o.Snap is { } os && point.Snap is { } ps)
        {
            var road = outbound ? Road(network.Graph, _from[origin], os, ps) : Road(network.Graph, _to[origin], ps, os, reverse: true);
            if (!double.IsInfinity(road))
                return new(road + ((os.DistanceMeters + ps.DistanceMeters) / network.OffRoadMetersPerSecond), TravelBasis.Road);
        }
        return outbound ? new(_straight.Seconds(o.Point, point.Point), TravelBasis.StraightLine) : new(_straight.Seconds(point.Point, o.Point), TravelBasis.StraightLine);
    }

    /// <summary>
    /// Road seconds from snap <paramref name="a"/> to snap <paramref name="b"/> given the searched node times:
    /// outbound (times from a) the best end of b's segment; reverse (times to b) the best end of a's segment.
    /// </summary>
    private static double Road(RoadGraph g, float[] node, RoadSnap a, RoadSnap b, bool reverse = false)
    {
        var best = double.PositiveInfinity;
        var (s, t) = reverse ? (a.Segment, a.Fraction) : (b.Segment, b.Fraction);
        var (fwd, bwd) = (g.SegForward[s], g.SegBackward[s]);
        if (!reverse)
        {
            // Arrive at b over its segment: from SegFrom driving forward, or from SegTo driving backward.
            if (!double.IsInfinity(fwd)) best = Math.Min(best, node[g.SegFrom[s]] + (t * fwd));
            if (!double.IsInfinity(bwd)) best = Math.Min(best, node[g.SegTo[s]] + ((1 - t) * bwd));
        }
        else
        {
            // Leave a over its segment: forward to SegTo, or backward to SegFrom.
            if (!double.IsInfinity(fwd)) best = Math.Min(best, ((1 - t) * fwd) + node[g.SegTo[s]]);
            if (!double.IsInfinity(bwd)) best = Math.Min(best, (t * bwd) + node[g.SegFrom[s]]);
        }
        if (a.Segment == b.Segment)
        {
            // Both on one segment: straight along it, when that direction is allowed.
            if (a.Fraction <= b.Fraction && !double.IsInfinity(fwd)) best = Math.Min(best, (b.Fraction - a.Fraction) * fwd);
            if (a.Fraction >= b.Fraction && !double.IsInfinity(bwd)) best = Math.Min(best, (a.Fraction - b.Fraction) * bwd);
        }
        return best;
    }

    /// <summary>Seeds of a search from a snapped point: the ends of its segment it may drive to.</summary>
    private static (int, double)[] Leaving(RoadGraph g, RoadSnap s) => Seeds(g, s, towardsTo: g.SegForward[s.Segment], towardsFrom: g.SegBackward[s.Segment]);

    /// <summary>Seeds of a reverse search to a snapped point: the ends of its segment it may be reached from.</summary>
    private static (int, double)[] Arriving(RoadGraph g, RoadSnap s)
    {
        var list = new List<(int, double)>(2);
        if (!double.IsInfinity(g.SegForward[s.Segment])) list.Add((g.SegFrom[s.Segment], s.Fraction * g.SegForward[s.Segment]));
        if (!double.IsInfinity(g.SegBackward[s.Segment])) list.Add((g.SegTo[s.Segment], (1 - s.Fraction) * g.SegBackward[s.Segment]));
        return [.. list];
    }

    private static (int, double)[] Seeds(RoadGraph g, RoadSnap s, double towardsTo, double towardsFrom)
    {
        var list = new List<(int, double)>(2);
        if (!double.IsInfinity(towardsTo)) list.Add((g.SegTo[s.Segment], (1 - s.Fraction) * towardsTo));
        if (!double.IsInfinity(towardsFrom)) list.Add((g.SegFrom[s.Segment], s.Fraction * towardsFrom));
        return [.. list];
    }
}
