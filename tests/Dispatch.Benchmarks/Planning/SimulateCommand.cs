using System.Diagnostics;
using System.Globalization;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Planning;
using Dispatch.Core.Routing;
using Dispatch.Core.Units;
using Dispatch.Routing.Tests.Support;

namespace Dispatch.Benchmarks.Planning;

/// <summary>
/// `simulate`: the what-if simulation (Dispatch.Core/Planning) on generated worlds. city: one year
/// of a city like Kota Solok (5,000 incidents, 6 units, 4 stations, a 100 m street grid over the
/// city's extent; target 1 s). province: 200,000 incidents, 100 units, 40 stations on the routing
/// benchmark's 225 x 225 grid (~100,000 segments; blocks of 800 m here, a province's extent;
/// target 30 s). Times the travel table, one scenario, and what the API does per request (one
/// table for both configurations, baseline and scenario); prints peak RSS and managed memory.
/// The database read of the history is not included (the reports benchmark measures such reads).
/// </summary>
public static class SimulateCommand
{
    private sealed record World(string Name, int Columns, int Rows, double BlockMeters, double South, double West, int Calls, int Units, int Stations, double TargetSeconds);

    private static readonly World City = new("city", 110, 90, 100, -0.83, 100.60, 5_000, 6, 4, 1);
    private static readonly World Province = new("province", 225, 225, 800, -1.80, 99.80, 200_000, 100, 40, 30);

    public static int Run(string[] args)
    {
        var which = Array.IndexOf(args, "--world") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : "both";
        foreach (var world in new[] { City, Province }.Where(w => which == "both" || which == w.Name)) Measure(world);
        Console.WriteLine(Invariant($"process: peak RSS (VmHWM) {PeakRssMb():0} MB; managed heap now {GC.GetTotalMemory(false) / 1048576.0:0} MB"));
        return 0;
    }

    private static void Measure(World w)
    {
        Console.WriteLine($"== {w.Name}: {w.Calls:N0} calls, {w.Units} units, {w.Stations} stations, {w.Columns} x {w.Rows} grid of {w.BlockMeters} m blocks");
        var clock = Stopwatch.StartNew();
        var network = RoadNetwork.Build(RoadFile.Parse(System.Text.Encoding.UTF8.GetBytes(GridRoads.GeoJson(w.Columns, w.Rows, w.BlockMeters, w.South, w.West, seed: 42)), "grid.geojson"), new RoadOptions());
        Console.WriteLine(Invariant($"road network: {network.Graph.NodeCount:N0} nodes, {network.Graph.SegmentCount:N0} segments, built in {clock.ElapsedMilliseconds} ms (not counted: loaded once at start)"));
        var (north, east) = (w.South + (w.Rows * w.BlockMeters / 111_195.0), w.West + (w.Columns * w.BlockMeters / 111_195.0 / Math.Cos(w.South * Math.PI / 180)));
        var random = new Random(16);
        GeoPoint Somewhere() => new(w.South + (random.NextDouble() * (north - w.South)), w.West + (random.NextDouble() * (east - w.West)));
        var stations = Enumerable.Range(0, w.Stations).Select(s => new SimStation($"S{s}", $"Station {s}", Somewhere(), $"KEC-{s % 8}")).ToList();
        var units = Enumerable.Range(0, w.Units).Select(u => new SimUnit(u, $"U{u}", u % 3 == 0 ? UnitType.Als : UnitType.Bls, u % w.Stations, [])).ToList();
        var baseline = new SimWorld(stations, units, SimPolicy.Default);
        // The scenario: one station moved, one unit added there, ALS for merah and the kecamatan rule on.
        var moved = stations.Select((s, k) => k == 0 ? s with { Position = Somewhere() } : s).ToList();
        var scenario = new SimWorld(moved, [.. units, new SimUnit(null, "SIM-1", UnitType.Als, 0, [])], new SimPolicy(TravelChoice.Road, true, true));
        var year = new SimPeriod(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds(), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds());
        var calls = HistoryGenerator.Calls(w.Calls, year, new GeneratorArea(w.South, w.West, north, east, 10, 10, 8), seed: 7);
        var straight = new StraightLineSpeed(1.4, 40);
        var targets = new TriageOptions();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var t0 = Stopwatch.GetTimestamp();
        var oneTable = TravelTable.Build(network, [.. scenario.Stations.Select(s => s.Position)], straight);
        var tableMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        var t1 = Stopwatch.GetTimestamp();
        var one = SimulationOutcome.Of(scenario, calls, Simulator.Run(scenario, calls, oneTable, targets), year, targets);
        var runMs = Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
        Console.WriteLine(Invariant($"one scenario: travel table ({w.Stations} stations x 2 directions) {tableMs:0} ms + replay and figures {runMs:0} ms = {tableMs + runMs:0} ms (target {w.TargetSeconds * 1000:0} ms)"));
        Console.WriteLine(Invariant($"  late {one.Late:N0}, waited {one.Waited:N0}, merah median {one.ByTriage["merah"].Median:0} s, p90 {one.ByTriage["merah"].P90:0} s"));

        var t2 = Stopwatch.GetTimestamp();
        var table = TravelTable.Build(network, [.. baseline.Stations.Concat(scenario.Stations).Select(s => s.Position).Distinct()], straight);
        var b = SimulationOutcome.Of(baseline, calls, Simulator.Run(baseline, calls, table, targets), year, targets);
        var s2 = SimulationOutcome.Of(scenario, calls, Simulator.Run(scenario, calls, table, targets), year, targets);
        var apiMs = Stopwatch.GetElapsedTime(t2).TotalMilliseconds;
        Console.WriteLine(Invariant($"as the API runs it (one table, baseline + scenario): {apiMs:0} ms; late {b.Late:N0} -> {s2.Late:N0}"));
        Console.WriteLine(Invariant($"  allocated {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0:0} MB in all; managed heap {GC.GetTotalMemory(false) / 1048576.0:0} MB; peak RSS so far {PeakRssMb():0} MB"));
    }

    private static double PeakRssMb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
