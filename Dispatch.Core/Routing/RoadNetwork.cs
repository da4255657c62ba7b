using System.Collections.Concurrent;
using Dispatch.Core.Geography;

namespace Dispatch.Core.Routing;

/// <summary>
/// The road network ready to answer travel times: graph, segment index for snapping, and a pool of
/// search arrays so concurrent requests do not allocate per search. Immutable; a reload builds a
/// new one and swaps it in.
/// </summary>
public sealed class RoadNetwork
{
    private readonly SegmentIndex _index;
    private readonly ConcurrentBag<ReverseSearch> _searches = [];
    private readonly double _offRoadMetersPerSecond;

    private RoadNetwork(RoadGraph graph, BuildReport report, RoadOptions options)
    {
        Graph = graph;
        Report = report;
        MaxSnapMeters = options.MaxSnapMeters;
        _offRoadMetersPerSecond = options.OffRoadSpeedKmh / 3.6;
        _index = new SegmentIndex(graph);
    }

    public RoadGraph Graph { get; }
    public BuildReport Report { get; }
    public double MaxSnapMeters { get; }
    /// <summary>The speed of the off-road legs at both ends of a route (Roads:OffRoadSpeedKmh), in m/s.</summary>
    public double OffRoadMetersPerSecond => _offRoadMetersPerSecond;

    /// <summary>Reads and builds; throws <see cref="RoadFileException"/> naming the file and the feature at fault.</summary>
    public static RoadNetwork Load(string path, RoadOptions options) => Build(RoadFile.Read(path), options);

    public static RoadNetwork Build(IReadOnlyList<RoadLine> lines, RoadOptions options)
    {
        var (graph, report) = RoadGraphBuilder.Build(lines, options);
        if (graph.SegmentCount == 0)
            throw new RoadFileException($"no usable road: all {report.Features} feature(s) are of classes ambulances do not use ({string.Join(", ", report.SkippedByClass.Keys)}).");
        return new RoadNetwork(graph, report, options);
    }

    public RoadSnap? Snap(GeoPoint point) => _index.Nearest(point, MaxSnapMeters);

    public RouteOutcome Route(GeoPoint from, GeoPoint to) => ToTarget(to, [from], withPath: true)[0];

    /// <summary>
    /// Routes from every source to one target with a single search from the target over the
    /// reversed graph, stopping once every source's road is settled.
    /// </summary>
    public RouteOutcome[] ToTarget(GeoPoint target, ReadOnlySpan<GeoPoint> sources, bool withPath)
    {
        var result = new RouteOutcome[sources.Length];
        if (Snap(target) is not { } end)
        {
            Array.Fill(result, RouteOutcome.Failed(RouteFailure.ToOffRoad));
            return result;
        }
        var starts = new RoadSnap?[sources.Length];
        var search = Rent();
        try
        {
            for (var i = 0; i < sources.Length; i++)
            {
                if (Snap(sources[i]) is not { } s) continue;
                starts[i] = s;
                if (!double.IsInfinity(Graph.SegForward[s.Segment])) search.AddGoal(Graph.SegTo[s.Segment]);
                if (!double.IsInfinity(Graph.SegBackward[s.Segment])) search.AddGoal(Graph.SegFrom[s.Segment]);
            }
            SeedTarget(search, end);
            search.Run();
            var legs = new RouteLegs(Graph, search, end, _offRoadMetersPerSecond);
            for (var i = 0; i < sources.Length; i++)
                result[i] = starts[i] is { } s ? legs.From(sources[i], s, target, withPath) : RouteOutcome.Failed(RouteFailure.FromOffRoad);
        }
        finally
        {
            _searches.Add(search);
        }
        return result;
    }

    /// <summary>Seconds from each source node to the target node by road (+infinity when unreachable); node to node, no snapping.</summary>
    public double[] SecondsToNode(int target, ReadOnlySpan<int> sources)
    {
        var search = Rent();
        try
        {
            foreach (var s in sources) search.AddGoal(s);
            search.Seed(target, 0, 0);
            search.Run();
            var seconds = new double[sources.Length];
            for (var i = 0; i < sources.Length; i++) seconds[i] = search.Seconds(sources[i]);
            return seconds;
        }
        finally
        {
            _searches.Add(search);
        }
    }

    private ReverseSearch Rent()
    {
        var search = _searches.TryTake(out var s) ? s : new ReverseSearch(Graph, Graph.Buckets);
        search.Start();
        return search;
    }

    /// <summary>The target lies part-way along a segment: it is reached from either end the segment may be driven from.</summary>
    private void SeedTarget(ReverseSearch search, RoadSnap end)
    {
        var (g, t) = (end.Segment, end.Fraction);
        var length = Graph.SegMeters[g];
        if (!double.IsInfinity(Graph.SegForward[g])) search.Seed(Graph.SegFrom[g], t * Graph.SegForward[g], t * length);
        if (!double.IsInfinity(Graph.SegBackward[g])) search.Seed(Graph.SegTo[g], (1 - t) * Graph.SegBackward[g], (1 - t) * length);
    }
}
