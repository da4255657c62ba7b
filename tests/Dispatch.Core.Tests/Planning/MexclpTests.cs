using Dispatch.Core.Planning;

namespace Dispatch.Core.Tests.Planning;

/// <summary>The expected-coverage formula on hand-computed worlds.</summary>
public sealed class MexclpTests
{
    // Site A has one unit busy half the time, site B one busy 30% of the time.
    // P0 is reached by A only, P1 by B only, P2 by both, P3 by neither.
    private static readonly DemandPoint[] Points =
    [
        new(0, 0, "a", Incidents: 1, Targeted: 1), new(0, 0, "a", 2, 1), new(0, 0, "b", 3, 2), new(0, 0, "b", 4, 0),
    ];

    [Test]
    public void Each_point_is_covered_unless_every_unit_reaching_it_is_busy()
    {
        var world = new MexclpWorld(Points, [[0, 2], [1, 2]]);
        var outcome = world.Evaluate([0.5, 0.3]);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Coverage[0], Is.EqualTo(0.5).Within(1e-12));  // 1 - 0.5
            Assert.That(outcome.Coverage[1], Is.EqualTo(0.7).Within(1e-12));  // 1 - 0.3
            Assert.That(outcome.Coverage[2], Is.EqualTo(0.85).Within(1e-12)); // 1 - 0.5 x 0.3
            Assert.That(outcome.Coverage[3], Is.Zero);
            // (1 x 0.5 + 2 x 0.7 + 3 x 0.85 + 4 x 0) / 10 incidents
            Assert.That(outcome.ExpectedCoverage, Is.EqualTo(0.445).Within(1e-12));
            // targeted x (1 - coverage): 1 x 0.5 + 1 x 0.3 + 2 x 0.15 + 0 x 1
            Assert.That(outcome.ExpectedLate, Is.EqualTo(1.1).Within(1e-12));
        });
    }

    [Test]
    public void With_one_common_busy_fraction_it_is_daskins_sum()
    {
        // Three units, q = 0.5, all at one site reaching the point: 0.5 + 0.25 + 0.125.
        var world = new MexclpWorld([new(0, 0, "", 1, 1)], [[0]]);
        var miss = MexclpWorld.Miss([0.5, 0.5, 0.5]);
        Assert.That(world.Evaluate([miss]).Coverage[0], Is.EqualTo(0.875).Within(1e-12));
    }

    [Test]
    public void Reach_comes_from_travel_seconds_within_the_target()
    {
        var world = MexclpWorld.FromSeconds(Points, [[600, 601, double.PositiveInfinity, double.NaN]], 600);
        Assert.That(world.Reach[0], Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void Busy_fractions_are_clamped_and_a_unit_without_history_takes_the_fleet_mean()
    {
        var q = BusyFraction.Of([0.0, 50.0, 99.5, null], 100);
        Assert.That(q, Is.EqualTo(new[] { 0.01, 0.5, 0.99, (0.01 + 0.5 + 0.99) / 3 }).Within(1e-12));
        Assert.That(BusyFraction.Of([null], 100), Is.EqualTo(new[] { BusyFraction.Min }));
    }

    [Test]
    public void Demand_merges_incidents_of_one_cell_and_kelurahan_at_their_mean_position()
    {
        var demand = new CoverageDemand(cellMeters: 250);
        demand.Add(-0.7901, 100.6501, "k1", targeted: true);
        demand.Add(-0.7903, 100.6503, "k1", targeted: false); // ~30 m away: same cell
        demand.Add(-0.7902, 100.6502, "k2", targeted: true);  // other kelurahan
        demand.Add(-0.80, 100.66, "k1", targeted: true);      // ~1.5 km away
        var points = demand.Points();

        Assert.That(points, Has.Count.EqualTo(3));
        var merged = points.Single(p => p.Incidents == 2);
        Assert.Multiple(() =>
        {
            Assert.That(merged.Kelurahan, Is.EqualTo("k1"));
            Assert.That(merged.Targeted, Is.EqualTo(1));
            Assert.That(merged.Lat, Is.EqualTo(-0.7902).Within(1e-9));
            Assert.That(merged.Lon, Is.EqualTo(100.6502).Within(1e-9));
        });
    }

    [Test]
    public void Demand_coarsens_its_cells_until_at_most_the_maximum_remain()
    {
        var demand = new CoverageDemand(cellMeters: 250, maxPoints: 10);
        var random = new Random(7);
        for (var i = 0; i < 1000; i++) demand.Add(-0.8 + random.NextDouble() * 0.1, 100.6 + random.NextDouble() * 0.1, "k", i % 2 == 0);
        var points = demand.Points();
        Assert.That(points, Has.Count.LessThanOrEqualTo(10));
        Assert.That(points.Sum(p => p.Incidents), Is.EqualTo(1000));
        Assert.That(points.Sum(p => p.Targeted), Is.EqualTo(500));
    }
}
