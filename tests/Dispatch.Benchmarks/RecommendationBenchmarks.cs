using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Recommendation;
using Dispatch.Core.Units;

namespace Dispatch.Benchmarks;

/// <summary>
/// Recommender.Rank over a synthetic fleet spread across Kota Solok. Target: at most 50 us per
/// ranking at 10,000 units (the recommender is called on every incident-screen refresh).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class RecommendationBenchmarks
{
    // Kota Solok bounding box (WGS84).
    public const double MinLon = 100.541, MaxLon = 100.685, MinLat = -0.819, MaxLat = -0.741;

    /// <summary>A fixed clock: position ages are computed against it, so every run ranks the same fleet.</summary>
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 8, 0, 0, TimeSpan.FromHours(7));

    private static readonly GeoPoint P1Incident = new(-0.7893, 100.6542); // east of the centre
    private static readonly GeoPoint P2Incident = new(-0.7752, 100.5921); // west, near the lake road

    private readonly Recommender _recommender = new(new RecommendationOptions()); // appsettings.json defaults
    private UnitSnapshot[] _units = [];

    [Params(1000, 10000)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup() => _units = Fleet(Units, seed: 119);

    [Benchmark(Description = "Rank P1")]
    public IReadOnlyList<Candidate> RankP1() => _recommender.Rank(P1Incident, Priority.P1, _units, Now);

    [Benchmark(Description = "Rank P2")]
    public IReadOnlyList<Candidate> RankP2() => _recommender.Rank(P2Incident, Priority.P2, _units, Now);

    /// <summary>
    /// A deterministic fleet: ~30% ALS / 45% BLS / 25% transport; ~70% available (at station, on
    /// the road or returning), the rest busy or out of service; ~75% fresh positions, ~20% stale
    /// (older than the 5-minute limit, so the home station is used) and ~5% never reported.
    /// Every unit has a home station, one of 24 spread over the town.
    /// </summary>
    public static UnitSnapshot[] Fleet(int count, int seed)
    {
        var random = new Random(seed);
        var stations = new GeoPoint[24];
        for (var s = 0; s < stations.Length; s++) stations[s] = RandomPoint(random);

        var nowMs = Now.ToUnixTimeMilliseconds();
        var units = new UnitSnapshot[count];
        for (var i = 0; i < count; i++)
        {
            var home = stations[random.Next(stations.Length)];
            var type = random.NextDouble() switch { < 0.30 => UnitType.Als, < 0.75 => UnitType.Bls, _ => UnitType.Transport };
            var status = random.NextDouble() switch
            {
                < 0.40 => UnitStatus.AvailableAtStation,
                < 0.60 => UnitStatus.AvailableOnRoad,
                < 0.70 => UnitStatus.Returning,
                < 0.75 => UnitStatus.Assigned,
                < 0.81 => UnitStatus.EnRoute,
                < 0.87 => UnitStatus.OnScene,
                < 0.92 => UnitStatus.Transporting,
                < 0.95 => UnitStatus.AtDestination,
                _ => UnitStatus.OutOfService,
            };
            var where = status == UnitStatus.AvailableAtStation
                ? new GeoPoint(home.Lat + (random.NextDouble() - 0.5) * 0.0004, home.Lon + (random.NextDouble() - 0.5) * 0.0004)
                : RandomPoint(random);
            var (lat, lon, atMs) = random.NextDouble() switch
            {
                < 0.75 => (where.Lat, where.Lon, nowMs - random.Next(0, 240_000)),                // fresh: 0-4 min
                < 0.95 => (where.Lat, where.Lon, nowMs - random.Next(6 * 60_000, 120 * 60_000)), // stale: 6-120 min
                _ => (double.NaN, double.NaN, long.MinValue),                                       // never reported
            };
            units[i] = new UnitSnapshot(i + 1, $"BENCH-{i + 1:D5}", type, status, lat, lon, atMs, home.Lat, home.Lon);
        }
        return units;
    }

    public static GeoPoint RandomPoint(Random random) =>
        new(MinLat + random.NextDouble() * (MaxLat - MinLat), MinLon + random.NextDouble() * (MaxLon - MinLon));

    /// <summary>
    /// ShortRun-like job sized for a 2-core machine: one launch, 3 warm-up and 10 measured
    /// iterations (BenchmarkDotNet's ShortRun uses 3 and 3; the default job runs 15-100 and takes
    /// several minutes per case). Good enough for a microsecond-scale target; use `--job default`
    /// for publication-grade numbers.
    /// </summary>
    public sealed class ShortRunConfig : ManualConfig
    {
        public ShortRunConfig() =>
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("ShortRun-2core"));
    }
}
