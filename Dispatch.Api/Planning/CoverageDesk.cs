using Dispatch.Api.Database;
using Dispatch.Api.Reports;
using Dispatch.Api.Units;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Planning;
using Dispatch.Core.Units;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Planning;

/// <summary>
/// The period's demand and the fleet as it stands: stations with units (each with the product of
/// its units' busy fractions) and every unit's busy fraction.
/// </summary>
public sealed record CoverageSetup(CoverageHistoryData History, IReadOnlyList<Station> AllStations, IReadOnlyList<Station> Stations,
    double[] StationMiss, IReadOnlyList<CoverageUnitView> Units, double MeanBusyFraction)
{
    public IReadOnlyList<GeoPoint> Sites => Stations.Select(s => new GeoPoint(s.Lat, s.Lon)).ToList();
}

/// <summary>Expected coverage per kelurahan (MEXCLP): <c>GET /api/planning/coverage</c>.</summary>
public sealed class CoverageDesk(Db db, StationStore stations, UnitStore units, CoverageHistory history, CoverageTravel travel,
    IOptions<TriageOptions> triage, AreaResolver areas)
{
    /// <summary>The merah target unless the request names one.</summary>
    public double TargetSeconds(double? targetMinutes) =>
        (targetMinutes is { } m ? TimeSpan.FromMinutes(m) : triage.Value.Target(Triage.Merah) ?? TimeSpan.FromMinutes(10)).TotalSeconds;

    public Task<CoverageSetup> SetupAsync(ReportFilter period, CancellationToken ct) => db.ReadAsync(async s =>
    {
        var data = await history.ReadAsync(s, period, triage.Value);
        var all = await stations.ListAsync(s);
        var fleet = (await units.ListAsync(s)).OrderBy(u => u.Id).ToList();
        var q = BusyFraction.Of(fleet.Select(u => data.BusySecondsByUnit.TryGetValue(u.Id, out var b) ? b : (double?)null).ToList(),
            (period.ToMs - period.FromMs) / 1000.0);
        var unitViews = fleet.Select((u, i) => new CoverageUnitView(u.Id, u.CallSign, u.HomeStationId, Math.Round(q[i], 4))).ToList();
        var manned = all.Where(st => fleet.Any(u => u.HomeStationId == st.Id)).ToList();
        var miss = manned.Select(st => MexclpWorld.Miss(fleet.Select((u, i) => (u, i)).Where(x => x.u.HomeStationId == st.Id).Select(x => q[x.i]))).ToArray();
        return new CoverageSetup(data, all, manned, miss, unitViews, q.Length > 0 ? q.Average() : BusyFraction.Min);
    }, ct);

    public async Task<CoverageView> CoverageAsync(ReportFilter period, double targetSeconds, CancellationToken ct)
    {
        var setup = await SetupAsync(period, ct);
        var demand = setup.History.Demand;
        var matrix = travel.Seconds(setup.Sites, demand);
        var world = MexclpWorld.FromSeconds(demand, matrix.SecondsBySite, targetSeconds);
        var outcome = world.Evaluate(setup.StationMiss);
        var kelurahan = demand.Select((d, j) => (d, j)).GroupBy(x => x.d.Kelurahan).Select(g =>
        {
            var incidents = g.Sum(x => x.d.Incidents);
            var covered = g.Sum(x => x.d.Incidents * outcome.Coverage[x.j]);
            var uncovered = g.Sum(x => x.d.Targeted * (1 - outcome.Coverage[x.j]));
            return new CoverageKelurahanView(g.Key == "" ? null : g.Key, g.Key == "" ? null : areas.FindKelurahan(g.Key)?.Name,
                (long)incidents, Round(incidents > 0 ? covered / incidents : 0), Round(uncovered));
        }).OrderBy(k => k.Name ?? "\uffff", StringComparer.Ordinal).ToList();
        var h = setup.History;
        return new CoverageView(period.From, period.To, targetSeconds, matrix.Basis, (long)world.TotalIncidents, demand.Count,
            Round(outcome.ExpectedCoverage), Round(outcome.ExpectedLate), new CoverageSkipped(h.NoLocation, h.UnknownTriage),
            setup.Units, setup.Stations.Select(st => new CoverageStationView(st.Id, st.Name, st.Lat, st.Lon,
                setup.Units.Count(u => u.StationId == st.Id))).ToList(),
            setup.AllStations.Select(st => new CoverageFacilityView(st.Id, st.Name, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(st.Kind.ToString()), st.Lat, st.Lon)).ToList(),
            kelurahan);
    }

    public static double Round(double value) => Math.Round(value, 4);
}
