namespace Dispatch.Api.Privacy;

/// <summary>
/// Configuration section "Retention": how long each kind of data is kept, in days (UU 27/2022: no
/// longer than needed). 0 turns that rule off (kept for good). The reasons for each default are in
/// README (configuration table).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>The live event feed: a reconnecting console needs hours of it, not years.</summary>
    public int EventsDays { get; set; } = 7;

    /// <summary>Crew position history (UnitChanged events); the unit row keeps its last position.</summary>
    public int PositionDays { get; set; } = 1;

    /// <summary>Caller numbers of calls that never became incidents (prank, abandoned, information).</summary>
    public int LoneCallNumberDays { get; set; } = 90;

    /// <summary>Personal data of closed or cancelled incidents (5 years; see README on Permenkes 24/2022).</summary>
    public int ClosedIncidentDays { get; set; } = 1825;

    /// <summary>The security events table (sign-ins, refusals, exports...).</summary>
    public int SecurityEventsDays { get; set; } = 365;

    /// <summary>The problem with these settings, or null when they are valid.</summary>
    public string? Problem()
    {
        foreach (var (name, days) in new[]
                 {
                     (nameof(EventsDays), EventsDays), (nameof(PositionDays), PositionDays), (nameof(LoneCallNumberDays), LoneCallNumberDays),
                     (nameof(ClosedIncidentDays), ClosedIncidentDays), (nameof(SecurityEventsDays), SecurityEventsDays),
                 })
            if (days < 0) return $"{Section}:{name} must be 0 (keep) or a number of days, not {days}.";
        return null;
    }

    /// <summary>The moment before which a rule of <paramref name="days"/> removes data, or null when the rule is off.</summary>
    public static long? CutoffMs(DateTimeOffset now, int days) => days == 0 ? null : now.AddDays(-days).ToUnixTimeMilliseconds();
}
