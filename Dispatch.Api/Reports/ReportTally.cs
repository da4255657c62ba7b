using System.Data.Common;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Reports;

/// <summary>
/// Sums one pass over the filter's incidents (<see cref="ReportSql.Rows"/>): the valid values of
/// each interval (which size the ordered percentile streams), compliance per triage and incidents
/// per kelurahan, month, hour x weekday and unit. Holds counters, never rows.
/// </summary>
public sealed class ReportTally(TriageOptions triage)
{
    private const long WibOffsetMs = 7 * 3_600_000L;
    private const long DayMs = 86_400_000L;
    private static readonly (int Start, int End)[] Spans = ReportSql.Intervals
        .Select(x => (3 + Array.IndexOf(ReportSql.Points, x.Start), 3 + Array.IndexOf(ReportSql.Points, x.End))).ToArray();
    private static readonly int Received = 3 + Array.IndexOf(ReportSql.Points, "call_received_at");
    private static readonly int Notified = 3 + Array.IndexOf(ReportSql.Points, "unit_notified_at");
    private static readonly int OnScene = 3 + Array.IndexOf(ReportSql.Points, "on_scene_at");
    private static readonly int BackInService = 3 + Array.IndexOf(ReportSql.Points, "back_in_service_at");

    private readonly long?[] _at = new long?[3 + ReportSql.Points.Length];
    private readonly Dictionary<string, double?> _targets = [];

    public long Total { get; private set; }

    /// <summary>Valid values per interval, in <see cref="ReportSql.Intervals"/> order.</summary>
    public long[] Valid { get; } = new long[ReportSql.Intervals.Length];
    public Dictionary<string, (long Incidents, long Measured, long OnTarget)> ByTriage { get; } = [];
    public Dictionary<string, (long Incidents, long Measured)> ByKelurahan { get; } = [];

    /// <summary>Keyed by <see cref="MonthOf"/>.</summary>
    public Dictionary<int, (long Incidents, long Measured)> ByMonth { get; } = [];
    public long[,] Heat { get; } = new long[7, 24];
    public Dictionary<long, (long Incidents, long BusyMs)> ByUnit { get; } = [];

    /// <summary>The WIB calendar month of an epoch-milliseconds instant as yyyy * 100 + MM.</summary>
    public static int MonthOf(long epochMs)
    {
        var day = DateOnly.FromDayNumber((int)Math.Floor((epochMs + WibOffsetMs) / (double)DayMs) + DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber);
        return day.Year * 100 + day.Month;
    }

    /// <summary>A <see cref="MonthOf"/> key as "yyyy-MM".</summary>
    public static string MonthName(int key) => $"{key / 100:D4}-{key % 100:D2}";

    public void Add(DbDataReader r)
    {
        Total++;
        for (var c = Received; c < _at.Length; c++) _at[c] = r.IsDBNull(c) ? null : r.GetInt64(c);
        for (var k = 0; k < Spans.Length; k++)
            if (_at[Spans[k].End] >= _at[Spans[k].Start]) Valid[k]++;

        var received = _at[Received]!.Value;
        long? response = _at[OnScene] >= received ? _at[OnScene] - received : null;
        var measured = response is null ? 0 : 1;

        var colour = r.GetString(0);
        if (!_targets.TryGetValue(colour, out var target))
            _targets[colour] = target = triage.Target(Enum.Parse<Triage>(colour))?.TotalMilliseconds;
        var t = ByTriage.GetValueOrDefault(colour);
        ByTriage[colour] = (t.Incidents + 1, t.Measured + measured, t.OnTarget + (response <= target ? 1 : 0));

        var kelurahan = r.IsDBNull(1) ? "" : r.GetString(1);
        var k2 = ByKelurahan.GetValueOrDefault(kelurahan);
        ByKelurahan[kelurahan] = (k2.Incidents + 1, k2.Measured + measured);
        var month = MonthOf(received);
        var m = ByMonth.GetValueOrDefault(month);
        ByMonth[month] = (m.Incidents + 1, m.Measured + measured);

        var localMs = received + WibOffsetMs;
        var days = (long)Math.Floor(localMs / (double)DayMs);
        Heat[(int)((days + 4) % 7 + 7) % 7, (int)((localMs - days * DayMs) / 3_600_000L)]++; // 1970-01-01 was a Thursday

        if (!r.IsDBNull(2))
        {
            var busy = _at[BackInService] - _at[Notified] is { } b && b >= 0 ? b : 0;
            var unit = r.GetInt64(2);
            var u = ByUnit.GetValueOrDefault(unit);
            ByUnit[unit] = (u.Incidents + 1, u.BusyMs + busy);
        }
    }
}
