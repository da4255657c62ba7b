using System.Globalization;
using Dispatch.Core.Geography;

namespace Dispatch.Core.Calls;

/// <summary>Configuration section "Duplicates": when a call is probably about an incident already open.</summary>
public sealed class DuplicateOptions
{
    public const string Section = "Duplicates";

    public double RadiusMeters { get; set; } = 300;
    public double WindowMinutes { get; set; } = 30;
}

/// <summary>An active incident as duplicate detection sees it: where, when, and the numbers that called about it.</summary>
public sealed record ActiveIncident(long IncidentId, GeoPoint Location, DateTimeOffset CreatedAt, IReadOnlyCollection<string> CallerNumbers);

public sealed record DuplicateMatch(long IncidentId, bool SameNumber, double? DistanceMeters, string Reason);

/// <summary>
/// A second call about the same event: the same caller number as a call on an active incident, or
/// a point within the radius of an incident opened within the time window.
/// </summary>
public static class DuplicateFinder
{
    public static IReadOnlyList<DuplicateMatch> Find(CallRecord call, GeoPoint? point, IEnumerable<ActiveIncident> active, DuplicateOptions options)
    {
        var where = point ?? call.Location;
        // Only a number that parsed identifies a caller; a withheld one matches nothing.
        var number = call.FlagList.Contains(CallFlags.NumberWithheld) || call.FlagList.Contains(CallFlags.NumberUnparseable) ? null : call.CallerNumber;
        var window = TimeSpan.FromMinutes(options.WindowMinutes);
        var matches = new List<DuplicateMatch>();
        foreach (var incident in active)
        {
            var sameNumber = number is not null && incident.CallerNumbers.Contains(number);
            double? meters = where is { IsValid: true } p ? GreatCircle.Meters(p, incident.Location) : null;
            var near = meters <= options.RadiusMeters && (call.ReceivedAt - incident.CreatedAt).Duration() <= window;
            if (!sameNumber && !near) continue;
            var reason = sameNumber && near ? "same caller number, and nearby"
                : sameNumber ? "same caller number"
                : string.Create(CultureInfo.InvariantCulture, $"{meters:0} m away, opened within {options.WindowMinutes:0} min");
            matches.Add(new DuplicateMatch(incident.IncidentId, sameNumber, meters is { } m ? Math.Round(m) : null, reason));
        }
        return matches.OrderByDescending(m => m.SameNumber).ThenBy(m => m.DistanceMeters ?? double.MaxValue).ToList();
    }
}
