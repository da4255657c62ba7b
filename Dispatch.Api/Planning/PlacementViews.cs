using Dispatch.Api.Http;
using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Units;

namespace Dispatch.Api.Planning;

/// <summary>A candidate site: a point (<c>lat</c>, <c>lon</c>, optional <c>name</c>), or an existing facility or station by id.</summary>
public sealed record PlacementCandidate(double? Lat, double? Lon, string? Name, long? FacilityId, long? StationId);

/// <param name="From">First WIB day, YYYY-MM-DD.</param>
/// <param name="To">Last WIB day, YYYY-MM-DD (inclusive).</param>
/// <param name="Candidates">At most 200; none = every facility (stations table: PSC posts, puskesmas, hospitals).</param>
/// <param name="Add">How many units to add, 1..5 (default 1); each stands at a different candidate.</param>
/// <param name="TargetMinutes">The coverage target; default Triage:MerahTargetMinutes.</param>
public sealed record PlacementRequest(string? From, string? To, IReadOnlyList<PlacementCandidate>? Candidates, int? Add, double? TargetMinutes);

/// <summary>A candidate as resolved: its position and name (and the facility or station it is, if any).</summary>
public sealed record PlacementSiteView(double Lat, double Lon, string? Name, long? FacilityId, long? StationId);

/// <summary>Today's fleet: expected coverage (0..1) and expected late arrivals (incidents with a target not reached within it).</summary>
public sealed record PlacementBaseline(double ExpectedCoverage, double ExpectedLate);

/// <summary>One unit more at each of <see cref="Sites"/> (as many as <c>add</c>); gain = coverage - baseline coverage.</summary>
public sealed record PlacementAdditionView(int Rank, IReadOnlyList<PlacementSiteView> Sites, double ExpectedCoverage, double Gain, double ExpectedLate);

/// <summary>A station moved, with all its units, to <see cref="To"/>.</summary>
public sealed record PlacementMoveView(int Rank, long StationId, string StationName, PlacementSiteView To, double ExpectedCoverage, double Gain, double ExpectedLate);

/// <summary>
/// <c>POST /api/planning/placement</c>: the best additions and station moves (top 10 each), ranked
/// by expected late arrivals then coverage. Expected late arrivals are an estimate from the
/// coverage model (period's incidents with a triage target x the chance no unit reaching them within
/// the target is free), not a replay of the calls: the simulator gives the replayed figure.
/// <see cref="Method"/> is "exact" (every combination) or "greedy" (one at a time, then one swap round).
/// </summary>
public sealed record PlacementView(DateOnly From, DateOnly To, double TargetSeconds, string Basis, string Method, double AddedBusyFraction,
    PlacementBaseline Baseline, IReadOnlyList<PlacementAdditionView> Additions, IReadOnlyList<PlacementMoveView> Moves);

/// <summary>Checks and resolves the request's candidates against the stations table.</summary>
public static class PlacementCandidates
{
    public const int MaxCandidates = 200;
    public const int MaxAdd = 5;

    public static Validation Check(PlacementRequest request, Validation v)
    {
        v.Check(request.Add is null or >= 1 and <= MaxAdd, "add", $"'add' must be 1..{MaxAdd}.")
            .Check(request.TargetMinutes is null or > 0 and <= 240, "targetMinutes", "'targetMinutes' must be more than 0 and at most 240.")
            .Check(request.Candidates is null || request.Candidates.Count <= MaxCandidates, "candidates", $"At most {MaxCandidates} candidates.");
        foreach (var (c, i) in (request.Candidates ?? []).Select((c, i) => (c, i)))
        {
            var field = $"candidates[{i}]";
            var kinds = (c.Lat is not null || c.Lon is not null ? 1 : 0) + (c.FacilityId is not null ? 1 : 0) + (c.StationId is not null ? 1 : 0);
            if (kinds != 1) { v.Add(field, $"'{field}' must be either lat and lon, or facilityId, or stationId."); continue; }
            if (c.Lat is null && c.Lon is null) continue;
            v.Check(c.Lat is >= -90 and <= 90, $"{field}.lat", $"'{field}.lat' must be a latitude, -90..90.")
                .Check(c.Lon is >= -180 and <= 180, $"{field}.lon", $"'{field}.lon' must be a longitude, -180..180.")
                .MaxLength($"{field}.name", c.Name, TextLimits.StationName);
        }
        return v;
    }

    /// <summary>The candidates as sites (every facility when none were given); an unknown id is a field error.</summary>
    public static IReadOnlyList<PlacementSiteView> Resolve(IReadOnlyList<PlacementCandidate>? candidates, IReadOnlyList<Station> stations, Validation v)
    {
        if (candidates is not { Count: > 0 })
            return stations.Select(s => new PlacementSiteView(s.Lat, s.Lon, s.Name, s.Id, null)).ToList();
        var byId = stations.ToDictionary(s => s.Id);
        var sites = new List<PlacementSiteView>();
        foreach (var (c, i) in candidates.Select((c, i) => (c, i)))
        {
            if (c.Lat is { } lat && c.Lon is { } lon) { sites.Add(new PlacementSiteView(lat, lon, c.Name, null, null)); continue; }
            var (id, field) = c.FacilityId is { } f ? (f, "facilityId") : (c.StationId!.Value, "stationId");
            if (byId.TryGetValue(id, out var s)) sites.Add(new PlacementSiteView(s.Lat, s.Lon, s.Name, c.FacilityId, c.StationId));
            else v.Add($"candidates[{i}].{field}", $"No facility or station {id}.");
        }
        return sites;
    }

    public static GeoPoint Point(this PlacementSiteView site) => new(site.Lat, site.Lon);
}
