namespace Dispatch.Core.Planning;

/// <summary>
/// Where calls came from: a position with its incidents (<see cref="Incidents"/>) and, of them, the
/// ones whose triage has a response-time target (<see cref="Targeted"/>, merah and kuning by
/// default). <see cref="Kelurahan"/> is "" when unknown.
/// </summary>
public sealed record DemandPoint(double Lat, double Lon, string Kelurahan, double Incidents, double Targeted);

/// <summary>The coverage of every demand point and the totals, for one placement of the fleet.</summary>
public sealed record CoverageOutcome(double[] Coverage, double ExpectedCoverage, double ExpectedLate);

/// <summary>
/// The expected-coverage model (MEXCLP, Daskin 1983) with a busy fraction per unit. A demand
/// point is covered when some unit whose site reaches it within the target is free; assuming
/// units are busy independently, each with its own busy fraction q_i, the point is uncovered with
/// probability prod q_i over the units that reach it, so its expected coverage is 1 - prod q_i.
/// With one common q and k units reaching it this is 1 - q^k = sum over m = 1..k of q^(m-1)(1-q),
/// Daskin's sum of the benefit of the m-th covering ambulance. The independence assumption is the
/// model's (as in MEXCLP): it overstates coverage where units are busy together (a big accident).
/// A site's "miss" is the product of the busy fractions of the units standing there (1 without units).
/// </summary>
public sealed class MexclpWorld
{
    /// <param name="demand">The demand points.</param>
    /// <param name="reach">Per site, the indexes of the demand points it reaches within the target.</param>
    public MexclpWorld(IReadOnlyList<DemandPoint> demand, IReadOnlyList<int[]> reach)
    {
        Demand = demand;
        Reach = reach;
        TotalIncidents = demand.Sum(d => d.Incidents);
    }

    public IReadOnlyList<DemandPoint> Demand { get; }
    public IReadOnlyList<int[]> Reach { get; }
    public double TotalIncidents { get; }

    /// <summary>Reach from travel seconds (site x demand point); unreachable is +infinity or NaN.</summary>
    public static MexclpWorld FromSeconds(IReadOnlyList<DemandPoint> demand, IReadOnlyList<double[]> secondsBySite, double targetSeconds) =>
        new(demand, secondsBySite.Select(row => Enumerable.Range(0, row.Length).Where(j => row[j] <= targetSeconds).ToArray()).ToList());

    /// <summary>The sum over sites reaching each point of log(miss): the point is uncovered with probability exp of it.</summary>
    public double[] LogMiss(IReadOnlyList<double> siteMiss)
    {
        if (siteMiss.Count != Reach.Count) throw new ArgumentException($"{Reach.Count} sites, {siteMiss.Count} misses.", nameof(siteMiss));
        var log = new double[Demand.Count];
        for (var s = 0; s < Reach.Count; s++)
        {
            if (siteMiss[s] >= 1) continue;
            var l = Math.Log(siteMiss[s]);
            foreach (var j in Reach[s]) log[j] += l;
        }
        return log;
    }

    public CoverageOutcome Evaluate(IReadOnlyList<double> siteMiss) => Outcome(LogMiss(siteMiss));

    public CoverageOutcome Outcome(double[] logMiss)
    {
        var coverage = new double[Demand.Count];
        double covered = 0, late = 0;
        for (var j = 0; j < coverage.Length; j++)
        {
            var miss = Math.Exp(logMiss[j]);
            coverage[j] = 1 - miss;
            covered += Demand[j].Incidents * coverage[j];
            late += Demand[j].Targeted * miss;
        }
        return new CoverageOutcome(coverage, TotalIncidents > 0 ? covered / TotalIncidents : 0, late);
    }

    /// <summary>A site's miss: the product of its units' busy fractions (1 when it has none).</summary>
    public static double Miss(IEnumerable<double> busyFractions) => busyFractions.Aggregate(1.0, (m, q) => m * q);
}
