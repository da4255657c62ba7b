using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Routing;
using Dispatch.Core.Units;

namespace Dispatch.Core.Recommendation;

/// <summary>
/// Ranks available units (and units a less urgent incident could give up: divert candidates) by estimated arrival. Units are shortlisted by straight line (great-circle
/// distance x detour factor / speed); with a road network the shortlist is re-ranked by routed ETA
/// (one search from the incident answers every shortlisted unit), and a unit the network cannot
/// route keeps its straight-line estimate, saying so. For P1, non-ALS units carry a time penalty
/// so an ALS unit wins unless it is much farther. A stale position falls back to the home station.
/// </summary>
public sealed class Recommender(Func<RecommendationOptions> settings)
{
    public Recommender(RecommendationOptions options) : this(() => options) { }

    public IReadOnlyList<Candidate> Rank(GeoPoint incident, Priority priority, ReadOnlySpan<UnitSnapshot> units, DateTimeOffset now, RoadNetwork? roads = null)
    {
        var options = settings();
        var max = Math.Clamp(options.MaxCandidates, 1, 50);
        var size = roads is null ? max : Math.Clamp(options.RoadShortlist, max, 200);
        var secondsPerMeter = options.DetourFactor / (options.SpeedKmh / 3.6);
        var (perLat, perLon) = GreatCircle.MetersPerDegree(incident);
        var nowMs = now.ToUnixTimeMilliseconds();
        var staleBeforeMs = nowMs - (long)(options.StalePositionMinutes * 60_000);
        var penalty = priority == Priority.P1 ? options.AlsPreferenceSeconds : 0;

        // Shortlist with the equirectangular approximation, keeping the best `size` in a small
        // sorted buffer: no allocation per unit, no full sort.
        Span<int> best = stackalloc int[size];
        Span<double> bestScore = stackalloc double[size];
        var count = 0;
        for (var i = 0; i < units.Length; i++)
        {
            ref readonly var u = ref units[i];
            if (!u.Status.IsAvailable() && u.DivertFrom is null) continue;
            var (lat, lon) = u.PositionAtUnixMs >= staleBeforeMs && !double.IsNaN(u.Lat) ? (u.Lat, u.Lon) : (u.StationLat, u.StationLon);
            if (double.IsNaN(lat)) continue; // no usable position at all
            var dy = (lat - incident.Lat) * perLat;
            var dx = (lon - incident.Lon) * perLon;
            var score = Math.Sqrt(dx * dx + dy * dy) * secondsPerMeter + (u.Type == UnitType.Als ? 0 : penalty);
            if (count == size && score >= bestScore[count - 1]) continue;
            var at = count < size ? count++ : count - 1;
            while (at > 0 && bestScore[at - 1] > score)
            {
                best[at] = best[at - 1];
                bestScore[at] = bestScore[at - 1];
                at--;
            }
            best[at] = i;
            bestScore[at] = score;
        }

        var drafts = new List<CandidateDraft>(count);
        for (var r = 0; r < count; r++)
            drafts.Add(CandidateDraft.StraightLine(units[best[r]], incident, nowMs, staleBeforeMs, secondsPerMeter, penalty));
        if (roads is not null && count > 0) RoadRanking.Apply(roads, incident, drafts);
        // Exact distances (and routes) can reorder the approximation; rank by the final figures.
        return drafts.Select(d => d.Candidate)
            .OrderBy(c => c.EtaSeconds + (c.AlsPreferenceApplied ? penalty : 0))
            .Take(max)
            .Select((c, i) => c with { Rank = i + 1 })
            .ToList();
    }
}
