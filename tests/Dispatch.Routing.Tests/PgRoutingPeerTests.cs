using Dispatch.Core.Routing;
using Dispatch.Routing.Tests.Support;

namespace Dispatch.Routing.Tests;

/// <summary>
/// Our shortest travel times against pgRouting's pgr_dijkstra on the same edges (cost and
/// reverse_cost in seconds, -1 for a forbidden direction), for random node pairs on two real OSM
/// networks and a generated grid with one-way streets. Needs PSC119_TEST_POSTGRES (./test.sh sets it).
/// </summary>
public sealed class PgRoutingPeerTests
{
    private const int Targets = 60;
    private const int SourcesPerTarget = 25; // 1,500 pairs, of which at least 1,000 must be reachable
    private const double Tolerance = 0.001;

    private static string ConnectionString =>
        Environment.GetEnvironmentVariable("PSC119_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new IgnoreException("PSC119_TEST_POSTGRES is not set (./test.sh starts a PostgreSQL with pgRouting and sets it).");

    private static RoadNetwork Network(string name) => name == "grid"
        ? RoadData.FromJson(GridRoads.GeoJson(60, 50, 120, -0.79, 100.62, seed: 7))
        : RoadData.Load(name);

    [TestCase("monaco-roads.geojson")]
    [TestCase("andorra-roads.geojson")]
    [TestCase("grid")]
    public async Task Shortest_travel_times_equal_pgr_dijkstra_for_random_node_pairs(string name)
    {
        var connectionString = ConnectionString;
        var network = Network(name);
        var graph = network.Graph;
        var oneWay = Enumerable.Range(0, graph.SegmentCount).Count(s => graph.Segment(s).Cost < 0 || graph.Segment(s).ReverseCost < 0);
        Assert.That(oneWay, Is.GreaterThan(20), "the network must have one-way segments for the comparison to cover them");

        await using var peer = await PgRoutingNetwork.CreateAsync(connectionString, graph);
        var random = new Random(119);
        int compared = 0, bothUnreachable = 0;
        var mismatches = new List<string>();
        for (var t = 0; t < Targets; t++)
        {
            var target = random.Next(graph.NodeCount);
            var sources = Enumerable.Range(0, SourcesPerTarget).Select(_ => random.Next(graph.NodeCount)).Where(s => s != target).Distinct().ToArray();
            var ours = network.SecondsToNode(target, sources);
            var theirs = await peer.CostsToAsync(target, sources);
            for (var i = 0; i < sources.Length; i++)
            {
                var known = theirs.TryGetValue(sources[i], out var expected);
                if (double.IsInfinity(ours[i]) && !known) { bothUnreachable++; continue; }
                if (known && Math.Abs(ours[i] - expected) <= Tolerance * expected) { compared++; continue; }
                mismatches.Add($"{sources[i]} -> {target}: ours {ours[i]:0.###} s, pgr_dijkstra {(known ? expected.ToString("0.###") : "unreachable")}");
            }
        }
        TestContext.Out.WriteLine($"{name}: {graph.NodeCount} nodes, {graph.SegmentCount} segments ({oneWay} one-way); {compared} pairs equal, {bothUnreachable} unreachable in both");
        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.Empty, "pairs where our time differs from pgr_dijkstra by more than 0.1%");
            Assert.That(compared, Is.GreaterThanOrEqualTo(1000), "reachable pairs compared");
        });
    }
}
