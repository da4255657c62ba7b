using Dispatch.Core.Routing;
using QuikGraph;
using QuikGraph.Algorithms.ShortestPath;

namespace Dispatch.Benchmarks.Routing;

/// <summary>
/// The same reversed graph in QuikGraph (AdjacencyGraph of tagged edges, cost in the tag) and its
/// Dijkstra from the target, aborted once every source is finished: the library alternative to the
/// hand-written search, measured side by side.
/// </summary>
internal sealed class QuikGraphPeer
{
    private readonly AdjacencyGraph<int, STaggedEdge<int, double>> _reversed = new(allowParallelEdges: true);

    public QuikGraphPeer(RoadGraph graph)
    {
        _reversed.AddVertexRange(Enumerable.Range(0, graph.NodeCount));
        for (var s = 0; s < graph.SegmentCount; s++)
        {
            var e = graph.Segment(s);
            if (e.Cost >= 0) _reversed.AddEdge(new STaggedEdge<int, double>(e.Target, e.Source, e.Cost));
            if (e.ReverseCost >= 0) _reversed.AddEdge(new STaggedEdge<int, double>(e.Source, e.Target, e.ReverseCost));
        }
    }

    public double[] SecondsToNode(int target, int[] sources)
    {
        var dijkstra = new DijkstraShortestPathAlgorithm<int, STaggedEdge<int, double>>(_reversed, e => e.Tag);
        var waiting = new HashSet<int>(sources);
        dijkstra.FinishVertex += v =>
        {
            if (waiting.Remove(v) && waiting.Count == 0) dijkstra.Abort();
        };
        dijkstra.Compute(target);
        return sources.Select(s => dijkstra.TryGetDistance(s, out var d) && !double.IsInfinity(d) && d < double.MaxValue ? d : double.PositiveInfinity).ToArray();
    }
}
