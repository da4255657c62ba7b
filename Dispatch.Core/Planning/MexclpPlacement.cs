namespace Dispatch.Core.Planning;

/// <summary>A set of candidate sites that each get one more unit (indexes into the candidates), and its effect.</summary>
public sealed record PlacementOption(int[] Candidates, double ExpectedCoverage, double ExpectedLate);

/// <summary>A station (index into the stations) moved with all its units to a candidate site, and its effect.</summary>
public sealed record StationMove(int Station, int Candidate, double ExpectedCoverage, double ExpectedLate);

/// <summary>Today's figures, the best additions (ranked, best first) and the best single station moves.</summary>
public sealed record PlacementOutcome(double ExpectedCoverage, double ExpectedLate, string Method,
    IReadOnlyList<PlacementOption> Additions, IReadOnlyList<StationMove> Moves);

/// <summary>
/// Where would more units, or one moved station, cut expected late arrivals most (MEXCLP objective,
/// <see cref="MexclpWorld"/>). The world's sites are the stations (0..S-1, each with its miss) then
/// the candidates (S..S+C-1). Options rank by expected late arrivals (fewest first), then by expected
/// coverage. Additions are exact (every combination) when there are at most <c>exactLimit</c>
/// combinations, else greedy (best one at a time) followed by one round of swap improvement; a
/// move is every station to every candidate.
/// </summary>
public static class MexclpPlacement
{
    public const string Exact = "exact";
    public const string Greedy = "greedy";

    public static PlacementOutcome Place(MexclpWorld world, IReadOnlyList<double> stationMiss, double addedBusyFraction, int add,
        int top = 10, double exactLimit = 200_000, IReadOnlyList<int>? candidateStation = null)
    {
        var stations = stationMiss.Count;
        var candidates = world.Reach.Count - stations;
        ArgumentOutOfRangeException.ThrowIfNegative(candidates);
        var misses = stationMiss.Concat(Enumerable.Repeat(1.0, candidates)).ToList();
        var search = new Search(world, world.LogMiss(misses));
        var baseline = world.Outcome(search.Log);
        var logQ = Math.Log(BusyFraction.Clamp(addedBusyFraction));
        add = Math.Min(add, candidates);

        var ranked = new Ranking<PlacementOption>(top, o => (o.ExpectedLate, -o.ExpectedCoverage), o => string.Join(',', o.Candidates));
        PlacementOption Option(int[] set)
        {
            var (late, coverage) = search.With(set.Select(c => (stations + c, logQ)));
            return new PlacementOption([.. set.Order()], coverage, late);
        }
        var method = add == 0 ? Exact : Combinations(candidates, add) <= exactLimit ? Exact : Greedy;
        if (add > 0 && method == Exact)
            foreach (var set in Sets(candidates, add)) ranked.Offer(Option(set));
        else if (add > 0)
            GreedyThenSwap(candidates, add, Option, ranked);

        var moves = new Ranking<StationMove>(top, m => (m.ExpectedLate, -m.ExpectedCoverage), m => $"{m.Station}>{m.Candidate}");
        for (var s = 0; s < stations; s++)
        {
            if (stationMiss[s] >= 1) continue; // no units: moving it changes nothing
            var l = Math.Log(stationMiss[s]);
            for (var c = 0; c < candidates; c++)
            {
                if (candidateStation?[c] == s) continue; // "move" to where it stands
                var (late, coverage) = search.With([(s, -l), (stations + c, l)]);
                moves.Offer(new StationMove(s, c, coverage, late));
            }
        }
        return new PlacementOutcome(baseline.ExpectedCoverage, baseline.ExpectedLate, method, ranked.Items, moves.Items);
    }

    private static void GreedyThenSwap(int candidates, int add, Func<int[], PlacementOption> option, Ranking<PlacementOption> ranked)
    {
        var chosen = new List<int>();
        var key = (PlacementOption o) => (o.ExpectedLate, -o.ExpectedCoverage);
        PlacementOption? best = null;
        while (chosen.Count < add)
        {
            best = Enumerable.Range(0, candidates).Where(c => !chosen.Contains(c)).Select(c => option([.. chosen, c])).MinBy(key)!;
            chosen = [.. best.Candidates];
        }
        ranked.Offer(best!);
        for (var i = 0; i < add; i++)
            for (var c = 0; c < candidates; c++)
            {
                if (chosen.Contains(c)) continue;
                var trial = option([.. chosen.Where((_, k) => k != i), c]);
                ranked.Offer(trial);
                if (key(trial).CompareTo(key(best!)) < 0) (best, chosen) = (trial, [.. chosen.Where((_, k) => k != i), c]);
            }
    }

    /// <summary>C(n, k) as a double (no overflow for the sizes that matter here).</summary>
    public static double Combinations(int n, int k)
    {
        var r = 1.0;
        for (var i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }

    /// <summary>Every k-subset of 0..n-1 in lexicographic order (one array reused: copy to keep).</summary>
    private static IEnumerable<int[]> Sets(int n, int k)
    {
        var set = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return set;
            var i = k - 1;
            while (i >= 0 && set[i] == n - k + i) i--;
            if (i < 0) yield break;
            set[i]++;
            for (var m = i + 1; m < k; m++) set[m] = set[m - 1] + 1;
        }
    }

    /// <summary>Changes to the sites' log-miss on top of the base, evaluated over the points they touch only.</summary>
    private sealed class Search(MexclpWorld world, double[] log)
    {
        private readonly double[] _delta = new double[log.Length];
        private readonly List<int> _touched = [];
        private readonly double _late = world.Outcome(log).ExpectedLate;
        private readonly double _covered = world.Outcome(log).ExpectedCoverage * world.TotalIncidents;

        public double[] Log => log;

        public (double Late, double Coverage) With(IEnumerable<(int Site, double LogDelta)> changes)
        {
            foreach (var (site, d) in changes)
                foreach (var j in world.Reach[site])
                {
                    if (_delta[j] == 0) _touched.Add(j);
                    _delta[j] += d;
                    if (_delta[j] == 0) _delta[j] = double.Epsilon; // still touched
                }
            double late = _late, covered = _covered;
            foreach (var j in _touched)
            {
                var before = Math.Exp(log[j]);
                var after = Math.Exp(log[j] + _delta[j]);
                late += world.Demand[j].Targeted * (after - before);
                covered += world.Demand[j].Incidents * (before - after);
                _delta[j] = 0;
            }
            _touched.Clear();
            return (late, world.TotalIncidents > 0 ? covered / world.TotalIncidents : 0);
        }
    }

    /// <summary>The best <c>top</c> distinct items by key, smallest first.</summary>
    private sealed class Ranking<T>(int top, Func<T, (double, double)> key, Func<T, string> identity)
    {
        private readonly List<T> _items = [];
        private readonly HashSet<string> _seen = [];

        public IReadOnlyList<T> Items => _items;

        public void Offer(T item)
        {
            if (_items.Count == top && key(item).CompareTo(key(_items[^1])) >= 0) return;
            if (!_seen.Add(identity(item))) return;
            var at = _items.FindIndex(x => key(item).CompareTo(key(x)) < 0);
            _items.Insert(at < 0 ? _items.Count : at, item);
            if (_items.Count > top) _items.RemoveAt(top);
        }
    }
}
