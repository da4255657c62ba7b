using Dispatch.Core.Geography;

namespace Dispatch.Core.Routing;

/// <summary>Turns a finished reverse search into routes: from a start snapped part-way along a segment, over the best end of it.</summary>
internal sealed class RouteLegs(RoadGraph graph, ReverseSearch search, RoadSnap end, double offRoadMetersPerSecond)
{
    private const int Direct = -1;

    public RouteOutcome From(GeoPoint source, RoadSnap start, GeoPoint target, bool withPath)
    {
        var (g, t) = (start.Segment, start.Fraction);
        var length = graph.SegMeters[g];
        var (best, roadMeters, via) = (double.PositiveInfinity, 0.0, Direct);
        if (!double.IsInfinity(graph.SegForward[g])) Consider((1 - t) * graph.SegForward[g], (1 - t) * length, graph.SegTo[g]);
        if (!double.IsInfinity(graph.SegBackward[g])) Consider(t * graph.SegBackward[g], t * length, graph.SegFrom[g]);
        if (g == end.Segment)
        {
            // Start and end on the same segment: straight along it, if that direction is allowed.
            var te = end.Fraction;
            if (t <= te && !double.IsInfinity(graph.SegForward[g])) Take((te - t) * graph.SegForward[g], (te - t) * length, Direct);
            if (t >= te && !double.IsInfinity(graph.SegBackward[g])) Take((t - te) * graph.SegBackward[g], (t - te) * length, Direct);
        }
        if (double.IsInfinity(best)) return RouteOutcome.Failed(RouteFailure.Unreachable);

        var snapMeters = start.DistanceMeters + end.DistanceMeters;
        var seconds = best + (snapMeters / offRoadMetersPerSecond);
        return new RouteOutcome(new Route(seconds, roadMeters + snapMeters, snapMeters, withPath ? Path(source, start, target, via) : []), RouteFailure.None);

        void Consider(double toNodeSeconds, double toNodeMeters, int node)
        {
            var rest = search.Seconds(node);
            if (!double.IsInfinity(rest)) Take(toNodeSeconds + rest, toNodeMeters + search.Meters(node), node);
        }

        void Take(double seconds, double meters, int node)
        {
            if (seconds >= best) return;
            (best, roadMeters, via) = (seconds, meters, node);
        }
    }

    private List<GeoPoint> Path(GeoPoint source, RoadSnap start, GeoPoint target, int via)
    {
        var nodes = new List<int>();
        if (via != Direct) search.PathFrom(via, nodes);
        var path = new List<GeoPoint>(nodes.Count + 4) { source };
        Add(start.Point);
        foreach (var n in nodes) Add(graph.Node(n));
        Add(end.Point);
        Add(target);
        if (path.Count == 1) path.Add(target); // start and end at one point: still a line
        return path;

        void Add(GeoPoint p)
        {
            // A point on the road snaps to itself give or take rounding: draw it once.
            if (Math.Abs(path[^1].Lat - p.Lat) > 1e-9 || Math.Abs(path[^1].Lon - p.Lon) > 1e-9) path.Add(p);
        }
    }
}
