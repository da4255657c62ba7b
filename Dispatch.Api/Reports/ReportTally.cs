using System.Data.Common;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Reports;

/// <summary>
/// Sums one pass over the filter's incidents (<see cref="ReportSql.Rows"/>): compliance per
/// triage and incidents per kelurahan, month, hour x weekday and unit. Holds counters, never rows.
/// </summary>
public sealed class ReportTally(TriageOptions triage)
{
    private const long WibOffsetMs = 7 * 3_600_000L;
    private const long DayMs = 86_400_000L;
    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private readonly Dictionary<string, double?> _targets = [];

    public long Total { get; private set; }
    public Dictionary<string, (long Incidents, long Measured, long OnTarget)> ByTriage { get; } = [];
    public Dictionary<string, (long Incidents, long Measured)> ByKelurahan { get; } = [];

    /// <summary>Keyed by <see cref="MonthOf"/>.</summary>
    public Dictionary<int, (long Incidents, long Measured)> ByMonth { get; } = [];
    public long[,] Heat { get; } = new long[7, 24];
    public Dictionary<long, (long Incidents, long BusyMs)> ByUnit { get; } = [];

    /// <summary>The WIB calendar month of an epoch-milliseconds instant as yyyy * 100 + MM.</summary>
    public static int MonthOf(long epochMs)
    {
        var day = DateOnly.FromDayNumber((int)Math.Floor((epochMs + WibOffsetMs) / (double)DayMs) + EpochDay);
        return day.Year * 100 + day.Month;
    }

    /// <summary>A <see cref="MonthOf"/> key as "yyyy-MM".</summary>
    public static string MonthName(int key) => $"{key / 100:D4}-{key % 100:D2}";

    /// <summary>Columns of <see cref="ReportSql.Rows"/>: triage, kelurahan ('' without), unit (-1 without), received, response (-1 invalid), busy.</summary>
    public void Add(DbDataReader r)
    {
        Total++;
        var received = r.GetInt64(3);
        var response = r.GetInt64(4);
        var measured = response >= 0 ? 1 : 0;

        var colour = r.GetString(0);
        if (!_targets.TryGetValue(colour, out var target))
            _targets[colour] = target = triage.Target(Enum.Parse<Triage>(colour))?.TotalMilliseconds;
        var t = ByTriage.GetValueOrDefault(colour);
        ByTriage[colour] = (t.Incidents + 1, t.Measured + measured, t.OnTarget + (measured == 1 && response <= target ? 1 : 0));

        var kelurahan = r.GetString(1);
        var k = ByKelurahan.GetValueOrDefault(kelurahan);
        ByKelurahan[kelurahan] = (k.Incidents + 1, k.Measured + measured);
        var month = MonthOf(received);
        var m = ByMonth.GetValueOrDefault(month);
        ByMonth[month] = (m.Incidents + 1, m.Measured + measured);

        var localMs = received + WibOffsetMs;
        var days = (long)Math.Floor(localMs / (double)DayMs);
        Heat[(int)((days + 4) % 7 + 7) % 7, (int)((localMs - days * DayMs) / 3_600_000L)]++; // 1970-01-01 was a Thursday

        var unit = r.GetInt64(2);
        if (unit < 0) return;
        var u = ByUnit.GetValueOrDefault(unit);
        ByUnit[unit] = (u.Incidents + 1, u.BusyMs + r.GetInt64(5));
    }
}
