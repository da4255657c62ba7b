namespace Dispatch.Core.Planning;

/// <summary>
/// A weekly on-duty window in WIB: on each of <see cref="Days"/> (0 = Sunday .. 6) from
/// <see cref="From"/> to <see cref="To"/>; a <see cref="To"/> not after <see cref="From"/> ends the next day
/// (07:00-07:00 is 24 hours).
/// </summary>
public sealed record ShiftWindow(IReadOnlyList<int> Days, TimeOnly From, TimeOnly To);

/// <summary>
/// A unit's weekly windows merged into sorted, disjoint intervals of the WIB week (ms from Sunday
/// 00:00), answering "on duty now?", "when next on duty?" and "how long on duty in a period?".
/// </summary>
public sealed class WeeklyShifts
{
    public const long DayMs = 86_400_000;
    public const long WeekMs = 7 * DayMs;
    private const long WibMs = 7 * 3_600_000;
    private readonly (long Start, long End)[] _intervals;

    public WeeklyShifts(IReadOnlyList<ShiftWindow> windows)
    {
        if (windows.Count == 0) { (_intervals, Always) = ([(0, WeekMs)], true); return; }
        var raw = new List<(long, long)>();
        foreach (var w in windows)
        {
            var from = w.From.ToTimeSpan().Ticks / TimeSpan.TicksPerMillisecond;
            var to = w.To.ToTimeSpan().Ticks / TimeSpan.TicksPerMillisecond;
            var length = to > from ? to - from : DayMs - from + to;
            foreach (var day in w.Days.Distinct())
            {
                var start = (day * DayMs) + from;
                var end = start + length;
                if (end <= WeekMs) raw.Add((start, end));
                else { raw.Add((start, WeekMs)); raw.Add((0, end - WeekMs)); }
            }
        }
        raw.Sort();
        var merged = new List<(long Start, long End)>();
        foreach (var (s, e) in raw)
        {
            if (merged.Count > 0 && s <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, e));
            else merged.Add((s, e));
        }
        _intervals = [.. merged];
        Always = _intervals is [(0, WeekMs)];
    }

    public bool Always { get; }

    public bool OnDuty(long utcMs)
    {
        if (Always) return true;
        var offset = WeekOffset(utcMs);
        foreach (var (s, e) in _intervals)
            if (offset >= s && offset < e) return true;
        return false;
    }

    /// <summary>The first moment at or after <paramref name="utcMs"/> the unit is on duty (null: never).</summary>
    public long? NextOnDuty(long utcMs)
    {
        if (_intervals.Length == 0) return null;
        if (OnDuty(utcMs)) return utcMs;
        var offset = WeekOffset(utcMs);
        var weekStart = utcMs - offset;
        foreach (var (s, _) in _intervals)
            if (s > offset) return weekStart + s;
        return weekStart + WeekMs + _intervals[0].Start;
    }

    /// <summary>Milliseconds on duty within [from, to).</summary>
    public long OnDutyMs(long fromMs, long toMs)
    {
        long total = 0;
        for (var weekStart = fromMs - WeekOffset(fromMs); weekStart < toMs; weekStart += WeekMs)
            foreach (var (s, e) in _intervals)
                total += Math.Max(0, Math.Min(toMs, weekStart + e) - Math.Max(fromMs, weekStart + s));
        return total;
    }

    /// <summary>Milliseconds since the WIB week's start (Sunday 00:00); 1970-01-01 was a Thursday.</summary>
    private static long WeekOffset(long utcMs)
    {
        var local = utcMs + WibMs;
        var days = Math.DivRem(local, DayMs, out var inDay);
        if (inDay < 0) { inDay += DayMs; days--; }
        return ((((days + 4) % 7) + 7) % 7 * DayMs) + inDay;
    }
}
