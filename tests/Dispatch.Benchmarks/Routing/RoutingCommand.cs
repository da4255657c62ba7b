using System.Diagnostics;
using System.Globalization;
using Dispatch.Core.Geography;
using Dispatch.Core.Routing;
using Dispatch.Routing.Tests.Support;

namespace Dispatch.Benchmarks.Routing;

/// <summary>
/// `routing`: builds a generated street grid of at least 100,000 segments from its road file (the
/// same reader and builder the app uses), then times the recommendation's question, ETA from an
/// incident to every unit, with one search over the reversed graph; side by side on the same
/// graph and the same questions: QuikGraph's Dijkstra and pgRouting's pgr_dijkstraCost.
/// </summary>
public static class RoutingCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var side = Int(args, "--size", 225);        // 225 x 225 grid = 100,800 segments
        var unitCount = Int(args, "--units", 50);
        var queries = Int(args, "--queries", 300);
        var pgQueries = Int(args, "--pg-queries", 20);
        const double TargetMs = 5;

        var path = Path.Combine(Path.GetTempPath(), $"psc119-routing-bench-{side}.geojson");
        await File.WriteAllTextAsync(path, GridRoads.GeoJson(side, side, 100, -0.85, 100.55, seed: 42));
        Console.WriteLine($"road file: {side} x {side} grid, 100 m blocks, {new FileInfo(path).Length / 1048576.0:0.0} MB ({path})");

        var (network, buildMs, retainedBytes) = Build(path);
        var g = network.Graph;
        Console.WriteLine($"graph: {g.NodeCount:N0} nodes, {g.SegmentCount:N0} segments, {g.ArcCount:N0} directed arcs");
        Console.WriteLine(Invariant($"build (read + node + CSR + STR-tree), best of 3: {buildMs:0} ms; retained managed memory {retainedBytes / 1048576.0:0.0} MB (graph arrays {g.ArrayBytes / 1048576.0:0.0} MB)"));

        var random = new Random(119);
        GeoPoint Near() { var p = g.Node(random.Next(g.NodeCount)); return new GeoPoint(p.Lat + (random.NextDouble() - 0.5) * 0.0008, p.Lon + (random.NextDouble() - 0.5) * 0.0008); }
        var cases = Enumerable.Range(0, queries).Select(_ => (Incident: Near(), Units: Enumerable.Range(0, unitCount).Select(_ => Near()).ToArray())).ToList();
        // The same questions node to node, as the peers answer them: nearest node of each point.
        var nodeCases = cases.Select(c => (Target: NodeOf(network, c.Incident), Sources: c.Units.Select(u => NodeOf(network, u)).ToArray())).ToList();

        var ours = await QuestionTimer.Time($"one-to-many ETA, {unitCount} units, snapping included (Dispatch.Core)", cases, c => network.ToTarget(c.Incident, c.Units, withPath: false));
        await QuestionTimer.Time($"  of which snapping the incident and {unitCount} units", cases, c => { network.Snap(c.Incident); foreach (var u in c.Units) network.Snap(u); });
        var oursNodes = await QuestionTimer.Time("node to node, same questions (Dispatch.Core)", nodeCases, c => network.SecondsToNode(c.Target, c.Sources));

        var quik = new QuikGraphPeer(g);
        var quikCases = nodeCases.Take(Math.Min(queries, 60)).ToList();
        Check("QuikGraph", quikCases.Take(10), c => quik.SecondsToNode(c.Target, c.Sources), network);
        var quikTimes = await QuestionTimer.Time("node to node, same questions (QuikGraph 2.5 Dijkstra, stops when all units are settled)", quikCases, c => quik.SecondsToNode(c.Target, c.Sources));
        Console.WriteLine(Invariant($"  QuikGraph / ours on these {quikCases.Count} questions: {quikTimes.Median / oursNodes.MedianOfFirst(quikCases.Count):0}x"));

        var ratio = double.NaN;
        if (Environment.GetEnvironmentVariable("PSC119_TEST_POSTGRES") is { Length: > 0 } cs)
        {
            var load = Stopwatch.StartNew();
            await using var pg = await PgRoutingNetwork.CreateAsync(cs, g);
            Console.WriteLine(Invariant($"pgRouting: edges loaded in {load.Elapsed.TotalSeconds:0.0} s"));
            var pgCases = nodeCases.Take(pgQueries).ToList();
            foreach (var c in pgCases) await CheckPgAsync(pg, c, network);
            var pgTimes = await QuestionTimer.TimeAsync($"same questions by pgr_dijkstraCost (many-to-one, PostgreSQL on 127.0.0.1; CPU of its server process)", pgCases,
                async c => await pg.CostsToAsync(c.Target, c.Sources), () => QuestionTimer.ProcessCpu(pg.BackendProcessId));
            ratio = pgTimes.Median / oursNodes.MedianOfFirst(pgCases.Count);
            Console.WriteLine(Invariant($"  pgr_dijkstraCost / ours on these {pgCases.Count} questions: {ratio:0}x (wall), {pgTimes.CpuMsPerQuestion / oursNodes.CpuMsPerQuestion:0}x (CPU)"));
        }
        else
        {
            Console.WriteLine("pgRouting: skipped (set PSC119_TEST_POSTGRES; `bash tests/servers.sh` prints it)");
        }

        Console.WriteLine(Invariant($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB"));
        var met = ours.Median <= TargetMs;
        Console.WriteLine(Invariant($"SUMMARY routing one-to-many median {ours.Median:0.00} ms, CPU {ours.CpuMsPerQuestion:0.00} ms per question (target <= {TargetMs} ms: {(met ? "met" : "NOT met")}); ")
                          + (double.IsNaN(ratio) ? "pgr_dijkstra not run" : Invariant($"pgr_dijkstra {ratio:0}x slower on the same questions (target >= 10x: {(ratio >= 10 ? "met" : "NOT met")})"))
                          + Invariant($"; node-to-node median {oursNodes.Median:0.00} ms; build {buildMs:0} ms"));
        File.Delete(path);
        return met && (double.IsNaN(ratio) || ratio >= 10) ? 0 : 1;
    }

    private static (RoadNetwork Network, double BestMs, long RetainedBytes) Build(string path)
    {
        RoadNetwork? network = null;
        var best = double.MaxValue;
        long retained = 0;
        for (var i = 0; i < 3; i++)
        {
            network = null;
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var started = Stopwatch.GetTimestamp();
            network = RoadNetwork.Load(path, new RoadOptions());
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        }
        return (network!, best, retained);
    }

    /// <summary>pgRouting's answer must equal ours (within 0.1%, same reachability) before its time counts.</summary>
    private static async Task CheckPgAsync(PgRoutingNetwork pg, (int Target, int[] Sources) c, RoadNetwork network)
    {
        var (costs, mine) = (await pg.CostsToAsync(c.Target, c.Sources), network.SecondsToNode(c.Target, c.Sources));
        for (var i = 0; i < c.Sources.Length; i++)
            if (costs.TryGetValue(c.Sources[i], out var theirs) != !double.IsInfinity(mine[i]) || (costs.ContainsKey(c.Sources[i]) && Math.Abs(theirs - mine[i]) > 1e-3 * theirs))
                throw new InvalidOperationException($"pgRouting and Dispatch.Core disagree on {c.Sources[i]} -> {c.Target}");
    }

    private static int NodeOf(RoadNetwork network, GeoPoint p) => network.Graph.Segment(network.Snap(p)!.Value.Segment).Target;

    private static void Check(string peer, IEnumerable<(int Target, int[] Sources)> cases, Func<(int Target, int[] Sources), double[]> theirs, RoadNetwork network)
    {
        foreach (var c in cases)
        {
            var (a, b) = (network.SecondsToNode(c.Target, c.Sources), theirs(c));
            for (var i = 0; i < a.Length; i++)
                if (Math.Abs(a[i] - b[i]) > 1e-5 * Math.Max(1, a[i]) && !(double.IsInfinity(a[i]) && double.IsInfinity(b[i])))
                    throw new InvalidOperationException($"{peer} and Dispatch.Core disagree on {c.Sources[i]} -> {c.Target}: {b[i]} vs {a[i]}");
        }
    }

    private static int Int(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
