using Dispatch.Api.Reports;
using Dispatch.Core.Planning;

namespace Dispatch.Api.Planning;

/// <summary>Where more units, or one moved station, cut expected late arrivals most: <c>POST /api/planning/placement</c>.</summary>
public sealed class PlacementDesk(CoverageTravel travel)
{
    public const int Top = 10;

    public PlacementView Place(ReportFilter period, double targetSeconds, CoverageSetup setup, IReadOnlyList<PlacementSiteView> candidates, int add)
    {
        var demand = setup.History.Demand;
        var matrix = travel.Seconds([.. setup.Sites, .. candidates.Select(c => c.Point())], demand);
        var world = MexclpWorld.FromSeconds(demand, matrix.SecondsBySite, targetSeconds);
        var stationIndex = setup.Stations.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var candidateStation = candidates.Select(c => (c.StationId ?? c.FacilityId) is { } id && stationIndex.TryGetValue(id, out var i) ? i : -1).ToList();
        var result = MexclpPlacement.Place(world, setup.StationMiss, setup.MeanBusyFraction, add, Top, candidateStation: candidateStation);

        var baseline = result.ExpectedCoverage;
        var r = CoverageDesk.Round;
        return new PlacementView(period.From, period.To, targetSeconds, matrix.Basis, result.Method, r(setup.MeanBusyFraction),
            new PlacementBaseline(r(baseline), r(result.ExpectedLate)),
            result.Additions.Select((a, k) => new PlacementAdditionView(k + 1, a.Candidates.Select(c => candidates[c]).ToList(),
                r(a.ExpectedCoverage), r(a.ExpectedCoverage - baseline), r(a.ExpectedLate))).ToList(),
            result.Moves.Select((m, k) => new PlacementMoveView(k + 1, setup.Stations[m.Station].Id, setup.Stations[m.Station].Name,
                candidates[m.Candidate], r(m.ExpectedCoverage), r(m.ExpectedCoverage - baseline), r(m.ExpectedLate))).ToList());
    }
}
