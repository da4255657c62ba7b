using Dispatch.Core.Planning;

namespace Dispatch.Core.Tests.Planning;

/// <summary>Placement against a brute-force optimum computed here, independently, from the formula itself.</summary>
public sealed class PlacementTests
{
    private sealed record World(MexclpWorld Model, double[] StationMiss, double Q, bool[,] Reaches);

    /// <summary>Random reach (each site reaches a point with probability 0.35), random station misses.</summary>
    private static World Random(int seed, int points, int stations, int candidates)
    {
        var random = new Random(seed);
        var demand = Enumerable.Range(0, points).Select(_ => new DemandPoint(0, 0, "", 1 + random.Next(9), random.Next(5))).ToList();
        var sites = stations + candidates;
        var reaches = new bool[sites, points];
        var reach = new List<int[]>();
        for (var s = 0; s < sites; s++)
        {
            for (var j = 0; j < points; j++) reaches[s, j] = random.NextDouble() < 0.35;
            reach.Add(Enumerable.Range(0, points).Where(j => reaches[s, j]).ToArray());
        }
        var miss = Enumerable.Range(0, stations).Select(_ => 0.1 + random.NextDouble() * 0.8).ToArray();
        return new World(new MexclpWorld(demand, reach), miss, 0.2 + random.NextDouble() * 0.6, reaches);
    }

    /// <summary>Expected late and coverage straight from the definition: a point is missed when every site reaching it misses.</summary>
    private static (double Late, double Coverage) Direct(World w, double[] siteMiss)
    {
        double late = 0, covered = 0, total = 0;
        for (var j = 0; j < w.Model.Demand.Count; j++)
        {
            var miss = 1.0;
            for (var s = 0; s < siteMiss.Length; s++) if (w.Reaches[s, j]) miss *= siteMiss[s];
            late += w.Model.Demand[j].Targeted * miss;
            covered += w.Model.Demand[j].Incidents * (1 - miss);
            total += w.Model.Demand[j].Incidents;
        }
        return (late, covered / total);
    }

    private static double[] Misses(World w, int candidates) => [.. w.StationMiss, .. Enumerable.Repeat(1.0, candidates)];

    private static IEnumerable<int[]> Subsets(int n, int k) =>
        k == 0 ? [[]] : Enumerable.Range(0, n).SelectMany(first => Subsets(n, k - 1).Where(rest => rest.All(r => r > first)).Select(rest => (int[])[first, .. rest]));

    [TestCase(1, 1), TestCase(2, 2), TestCase(3, 3), TestCase(4, 2), TestCase(5, 3), TestCase(6, 1)]
    public void The_best_addition_is_the_brute_force_optimum(int seed, int add)
    {
        const int candidates = 7;
        var w = Random(seed, points: 14, stations: 3, candidates);
        var result = MexclpPlacement.Place(w.Model, w.StationMiss, w.Q, add);

        var best = Subsets(candidates, add).Select(set =>
        {
            var miss = Misses(w, candidates);
            foreach (var c in set) miss[3 + c] = w.Q;
            return Direct(w, miss);
        }).Min(x => x.Late);
        Assert.Multiple(() =>
        {
            Assert.That(result.Method, Is.EqualTo(MexclpPlacement.Exact));
            Assert.That(result.Additions[0].ExpectedLate, Is.EqualTo(best).Within(1e-9));
            Assert.That(result.Additions.Select(a => a.ExpectedLate), Is.Ordered);
            Assert.That(result.ExpectedLate, Is.EqualTo(Direct(w, Misses(w, candidates)).Late).Within(1e-9));
            var first = Misses(w, candidates);
            foreach (var c in result.Additions[0].Candidates) first[3 + c] = w.Q;
            Assert.That(result.Additions[0].ExpectedCoverage, Is.EqualTo(Direct(w, first).Coverage).Within(1e-9));
        });
    }

    [TestCase(11), TestCase(12), TestCase(13)]
    public void The_best_move_is_the_brute_force_optimum(int seed)
    {
        const int candidates = 5;
        var w = Random(seed, points: 12, stations: 3, candidates);
        var result = MexclpPlacement.Place(w.Model, w.StationMiss, w.Q, add: 1);
        var best = Enumerable.Range(0, 3).SelectMany(s => Enumerable.Range(0, candidates).Select(c =>
        {
            var miss = Misses(w, candidates);
            (miss[s], miss[3 + c]) = (1, w.StationMiss[s]);
            return Direct(w, miss).Late;
        })).Min();
        Assert.That(result.Moves[0].ExpectedLate, Is.EqualTo(best).Within(1e-9));
        Assert.That(result.Moves, Has.Count.EqualTo(10));
    }

    [Test]
    public void Too_many_combinations_switch_to_greedy_with_a_swap_round()
    {
        var w = Random(21, points: 20, stations: 2, candidates: 9);
        var exact = MexclpPlacement.Place(w.Model, w.StationMiss, w.Q, add: 3);
        var greedy = MexclpPlacement.Place(w.Model, w.StationMiss, w.Q, add: 3, exactLimit: MexclpPlacement.Combinations(9, 3) - 1);
        Assert.Multiple(() =>
        {
            Assert.That(exact.Method, Is.EqualTo(MexclpPlacement.Exact));
            Assert.That(greedy.Method, Is.EqualTo(MexclpPlacement.Greedy));
            Assert.That(greedy.Additions[0].ExpectedLate, Is.GreaterThanOrEqualTo(exact.Additions[0].ExpectedLate - 1e-9));
            Assert.That(greedy.Additions[0].Candidates, Has.Length.EqualTo(3));
            Assert.That(greedy.Additions.Select(a => a.ExpectedLate), Is.Ordered);
        });
    }

    [Test]
    public void One_greedy_addition_is_the_exact_one()
    {
        var w = Random(31, points: 15, stations: 2, candidates: 6);
        var exact = MexclpPlacement.Place(w.Model, w.StationMiss, w.Q, add: 1);
        var greedy = MexclpPlacement.Place(w.Model, w.StationMiss, w.Q, add: 1, exactLimit: 0);
        Assert.That(greedy.Additions[0].ExpectedLate, Is.EqualTo(exact.Additions[0].ExpectedLate).Within(1e-12));
    }

    [Test]
    public void Combinations_count_subsets() => Assert.That(MexclpPlacement.Combinations(200, 3), Is.EqualTo(1_313_400).Within(1e-6));
}
