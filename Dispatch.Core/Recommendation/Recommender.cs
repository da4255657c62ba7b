using System.Globalization;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Units;

namespace Dispatch.Core.Recommendation;

/// <summary>
/// Ranks available units by estimated arrival: great-circle distance x detour factor / speed.
/// For P1, non-ALS units carry a time penalty so an ALS unit wins unless it is much farther.
/// A stale position falls back to the home station, and the reason says so.
/// </summary>
public sealed class Recommender(RecommendationOptions options)
{
    public IReadOnlyList<Candidate> Rank(GeoPoint incident, Priority priority, ReadOnlySpan<UnitSnapshot> units, DateTimeOffset now)
    {
        var max = Math.Clamp(options.MaxCandidates, 1, 50);
        var secondsPerMeter = options.DetourFactor / (options.SpeedKmh / 3.6);
        var (perLat, perLon) = GreatCircle.MetersPerDegree(incident);
        var nowMs = now.ToUnixTimeMilliseconds();
        var staleBeforeMs = nowMs - (long)(options.StalePositionMinutes * 60_000);
        var penalty = priority == Priority.P1 ? options.AlsPreferenceSeconds : 0;

        // Shortlist with the equirectangular approximation, keeping the best `max` in a small
        // sorted buffer: no allocation per unit, no full sort.
        Span<int> best = stackalloc int[max];
        Span<double> bestScore = stackalloc double[max];
        var count = 0;
        for (var i = 0; i < units.Length; i++)
        {
            ref readonly var u = ref units[i];
            if (!u.Status.IsAvailable()) continue;
            var (lat, lon) = u.PositionAtUnixMs >= staleBeforeMs && !double.IsNaN(u.Lat) ? (u.Lat, u.Lon) : (u.StationLat, u.StationLon);
            if (double.IsNaN(lat)) continue; // no usable position at all
            var dy = (lat - incident.Lat) * perLat;
            var dx = (lon - incident.Lon) * perLon;
            var score = Math.Sqrt(dx * dx + dy * dy) * secondsPerMeter + (u.Type == UnitType.Als ? 0 : penalty);
            if (count == max && score >= bestScore[count - 1]) continue;
            var at = count < max ? count++ : count - 1;
            while (at > 0 && bestScore[at - 1] > score)
            {
                best[at] = best[at - 1];
                bestScore[at] = bestScore[at - 1];
                at--;
            }
            best[at] = i;
            bestScore[at] = score;
        }

        var result = new List<Candidate>(count);
        for (var r = 0; r < count; r++)
            result.Add(Describe(units[best[r]], incident, nowMs, staleBeforeMs, secondsPerMeter, penalty));
        // Exact distances can swap near-ties of the approximation; order by the exact figures.
        result.Sort((a, b) => Score(a, penalty).CompareTo(Score(b, penalty)));
        return result.Select((c, i) => c with { Rank = i + 1 }).ToList();
    }

    private static double Score(Candidate c, double penalty) => c.EtaSeconds + (c.AlsPreferenceApplied ? penalty : 0);

    private static Candidate Describe(in UnitSnapshot u, GeoPoint incident, long nowMs, long staleBeforeMs, double secondsPerMeter, double penalty)
    {
        var hasPosition = !double.IsNaN(u.Lat) && u.PositionAtUnixMs != long.MinValue;
        var fresh = hasPosition && u.PositionAtUnixMs >= staleBeforeMs;
        var from = fresh ? new GeoPoint(u.Lat, u.Lon) : new GeoPoint(u.StationLat, u.StationLon);
        var meters = GreatCircle.Meters(from, incident);
        var eta = meters * secondsPerMeter;
        double? age = hasPosition ? (nowMs - u.PositionAtUnixMs) / 1000.0 : null;
        var penalised = penalty > 0 && u.Type != UnitType.Als;

        var position = fresh
            ? $"position {Minutes(age!.Value)} old"
            : hasPosition ? $"position {Minutes(age!.Value)} old is stale: from home station" : "no position reported: from home station";
        var why = penalty > 0
            ? penalised ? $"{u.Type.ToString().ToUpperInvariant()} ranked +{penalty:0} s behind ALS for P1" : "ALS preferred for P1"
            : "nearest by estimate";
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{meters / 1000:0.0} km straight line, ETA ~{Minutes(eta)}; {position}; {why}");
        // Rank 0 here: the caller numbers candidates after ordering them by the exact figures.
        return new Candidate(0, u.Id, u.CallSign, u.Type, Math.Round(meters), Math.Round(eta), fresh ? PositionSource.Reported : PositionSource.HomeStation,
            age is { } a ? Math.Round(a) : null, penalised, reason);
    }

    private static string Minutes(double seconds) =>
        seconds < 90 ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s") : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} min");
}
