using System.Globalization;
using Dispatch.Core.Geography;
using Dispatch.Core.Units;

namespace Dispatch.Core.Recommendation;

/// <summary>A shortlisted unit before ranking: its candidate, where it starts from, and the reason's tail (position, preference).</summary>
internal sealed class CandidateDraft(Candidate candidate, GeoPoint from, string tail)
{
    public Candidate Candidate { get; set; } = candidate;
    public GeoPoint From { get; } = from;
    public string Tail { get; } = tail;

    public static CandidateDraft StraightLine(in UnitSnapshot u, GeoPoint incident, long nowMs, long staleBeforeMs, double secondsPerMeter, double penalty)
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
            ? penalised ? Invariant($"{u.Type.ToString().ToUpperInvariant()} ranked +{penalty:0} s behind ALS for P1") : "ALS preferred for P1"
            : "nearest by estimate";
        var tail = $"; {position}; {why}" + (u.DivertFrom is { } d ? Invariant($"; divert from incident {d.IncidentId} ({d.Triage})") : "");
        // Rank 0 here: the recommender numbers candidates after ordering them by the final figures.
        var candidate = new Candidate(0, u.Id, u.CallSign, u.Type, Math.Round(meters), Math.Round(eta), fresh ? PositionSource.Reported : PositionSource.HomeStation,
            age is { } a ? Math.Round(a) : null, penalised, StraightLineText(meters, eta) + tail, DivertFrom: u.DivertFrom);
        return new CandidateDraft(candidate, from, tail);
    }

    public static string StraightLineText(double meters, double eta) => Invariant($"{meters / 1000:0.0} km straight line, ETA ~{Minutes(eta)}");

    public static string RoadText(double roadMeters, double eta, double straightMeters) =>
        Invariant($"{roadMeters / 1000:0.0} km by road, ETA ~{Minutes(eta)} by road ({straightMeters / 1000:0.0} km straight line)");

    public static string Minutes(double seconds) => seconds < 90 ? Invariant($"{seconds:0} s") : Invariant($"{seconds / 60:0} min");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
