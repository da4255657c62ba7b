using Dispatch.Core.Routing;

namespace Dispatch.Core.Tests.Routing;

/// <summary>
/// The bucket-queue search against a textbook Dijkstra (.NET's PriorityQueue, double sums) on a
/// network whose arcs range from centimetres to kilometres, for bucket widths from the shortest
/// arc (no node needs the in-bucket heap) to the longest (nearly every node does).
/// </summary>
public sealed class BucketSearchTests
{
    private static readonly RoadGraph Graph = RandomNetwork(seed: 5);

    [TestCase(1)]
    [TestCase(8)]
    [TestCase(256)]
    [TestCase(1 << 16)]
    public void Every_node_gets_the_textbook_shortest_time(int maxBuckets)
    {
        var plan = new BucketPlan(Graph.NodeCount, Graph.InTail, Graph.InSeconds, maxBuckets);
        var search = new ReverseSearch(Graph, plan);
        var random = new Random(maxBuckets);
        var compared = 0;
        for (var q = 0; q < 40; q++)
        {
            // Two seeds part-way along a segment, as a snapped target gives.
            var seeds = new[] { (random.Next(Graph.NodeCount), random.NextDouble() * 20), (random.Next(Graph.NodeCount), random.NextDouble() * 20) };
            search.Start();
            foreach (var (node, seconds) in seeds) search.Seed(node, seconds, 0);
            search.Run();
            var expected = Textbook(seeds);
            Assert.That(search.Settled, Is.EqualTo(expected.Count(double.IsFinite)), "every reached node is settled once, final when taken");
            for (var n = 0; n < Graph.NodeCount; n++)
            {
                if (double.IsInfinity(expected[n])) { Assert.That(search.Seconds(n), Is.EqualTo(double.PositiveInfinity)); continue; }
                Assert.That(search.Seconds(n), Is.EqualTo(expected[n]).Within(1e-5 * Math.Max(1, expected[n])), $"node {n}, query {q}");
                compared++;
            }
        }
        Assert.That(compared, Is.GreaterThan(40 * Graph.NodeCount / 2), "most nodes reachable");
    }

    [Test]
    public void The_widest_width_sends_most_nodes_through_the_heap_and_the_shortest_arc_as_width_none()
    {
        var ratio = Graph.InSeconds.Max() / Graph.InSeconds.Min();
        TestContext.Out.WriteLine($"arcs from {Graph.InSeconds.Min():0.0000} s to {Graph.InSeconds.Max():0.0} s");
        Assert.That(Share(1), Is.GreaterThan(0.9));
        Assert.That(Share((int)ratio + 1), Is.Zero);
        Assert.That(Share(256), Is.GreaterThan(0), "at the default ring length this network uses both ways");

        static double Share(int maxBuckets) =>
            (double)new BucketPlan(Graph.NodeCount, Graph.InTail, Graph.InSeconds, maxBuckets).ShortArcIn.Count(x => x) / Graph.NodeCount;
    }

    [Test]
    public void A_search_stopped_at_its_goals_has_their_final_times()
    {
        var search = new ReverseSearch(Graph, new BucketPlan(Graph.NodeCount, Graph.InTail, Graph.InSeconds, 8));
        var random = new Random(3);
        for (var q = 0; q < 40; q++)
        {
            var target = random.Next(Graph.NodeCount);
            var goals = Enumerable.Range(0, 5).Select(_ => random.Next(Graph.NodeCount)).ToArray();
            search.Start();
            foreach (var g in goals) search.AddGoal(g);
            search.Seed(target, 0, 0);
            search.Run();
            var expected = Textbook([(target, 0)]);
            Assert.That(goals.Select(search.Seconds), Is.EqualTo(goals.Select(g => expected[g])).Within(1e-3), $"query {q}");
        }
    }

    private double[] Textbook((int Node, double Seconds)[] seeds)
    {
        var best = new double[Graph.NodeCount];
        Array.Fill(best, double.PositiveInfinity);
        var queue = new PriorityQueue<int, double>();
        foreach (var (node, seconds) in seeds)
            if (seconds < best[node]) { best[node] = seconds; queue.Enqueue(node, seconds); }
        while (queue.TryDequeue(out var u, out var key))
        {
            if (key > best[u]) continue;
            for (var a = Graph.InStart[u]; a < Graph.InStart[u + 1]; a++)
            {
                var (v, through) = (Graph.InTail[a], key + Graph.InSeconds[a]);
                if (through < best[v]) { best[v] = through; queue.Enqueue(v, through); }
            }
        }
        return best;
    }

    /// <summary>
    /// A 30 x 30 grid of jittered crossings joined by streets of mixed classes, a quarter one-way,
    /// half drawn with an extra position a few centimetres from a crossing, and a few long main
    /// roads across the town: arcs from milliseconds to minutes.
    /// </summary>
    private static RoadGraph RandomNetwork(int seed)
    {
        const int Side = 30;
        var random = new Random(seed);
        string[] classes = ["motorway", "primary", "residential", "service", "living_street"];
        var crossings = new (double Lon, double Lat)[Side * Side];
        for (var i = 0; i < crossings.Length; i++)
            crossings[i] = (100.6 + (i % Side * 0.002) + (random.NextDouble() * 0.0005), -0.8 + (i / Side * 0.002) + (random.NextDouble() * 0.0005));
        var lines = new List<RoadLine>();
        void Street((double Lon, double Lat) a, (double Lon, double Lat) b, string? highway = null)
        {
            var positions = new List<double> { a.Lon, a.Lat };
            if (random.Next(2) == 0)
            {
                var f = 1e-4 + (random.NextDouble() * 4e-4); // 2 cm to 10 cm along
                positions.AddRange([a.Lon + ((b.Lon - a.Lon) * f), a.Lat + ((b.Lat - a.Lat) * f)]);
            }
            positions.AddRange([b.Lon, b.Lat]);
            lines.Add(new RoadLine(lines.Count, $"street {lines.Count}", highway ?? classes[random.Next(classes.Length)],
                random.Next(4) == 0 ? "yes" : null, null, null, [.. positions]));
        }
        for (var i = 0; i < crossings.Length; i++)
        {
            if (i % Side < Side - 1) Street(crossings[i], crossings[i + 1]);
            if (i / Side < Side - 1) Street(crossings[i], crossings[i + Side]);
        }
        for (var i = 0; i < 10; i++) Street(crossings[random.Next(crossings.Length)], crossings[random.Next(crossings.Length)], "primary");
        return RoadGraphBuilder.Build(lines, new RoadOptions()).Graph;
    }
}
