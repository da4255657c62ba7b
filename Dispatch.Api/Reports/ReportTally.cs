using System.Data.Common;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Reports;

/// <summary>
/// Sums one pass over the filter's incidents (<see cref="ReportSql.Rows"/>): compliance per
/// triage and incidents per kelurahan, month and hour x weekday; and of <see cref="ReportSql.Workload"/>,
/// the responses and busy time per unit. Holds counters, never rows.
/// </summary>
public sealed class ReportTally(TriageOptions triage)
{
    private const long WibOffsetMs = 7 * 3_600_000L;
    private const long DayMs = 86_400_000L;
    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private static readonly Triage[] Colours = Enum.GetValues<Triage>();
    private readonly double?[] _targets = Colours.Select(c => triage.Target(c)?.TotalMilliseconds).ToArray();
    // The last slot counts incidents without a triage (imported history): reported as "Unknown", never on target.
    private readonly (long Incidents, long Measured, long OnTarget)[] _byTriage = new (long, long, long)[Colours.Length + 1];
    private long _day = long.MinValue; // rows arrive in call-time order: the month is worked out once per day
    private int _month;

    public long Total { get; private set; }

    /// <summary>The key of incidents without a triage in <see cref="ByTriage"/>.</summary>
    public const string UnknownTriage = "Unknown";

    /// <summary>Keyed by the triage's name, as stored, and <see cref="UnknownTriage"/>.</summary>
    public Dictionary<string, (long Incidents, long Measured, long OnTarget)> ByTriage =>
        Colours.Select(c => (Key: c.ToString(), Slot: (int)c)).Append((Key: UnknownTriage, Slot: Colours.Length))
            .Where(c => _byTriage[c.Slot].Incidents > 0).ToDictionary(c => c.Key, c => _byTriage[c.Slot]);
    public Dictionary<string, (long Incidents, long Measured)> ByKelurahan { get; } = [];

    /// <summary>Keyed by <see cref="MonthOf"/>.</summary>
    public Dictionary<int, (long Incidents, long Measured)> ByMonth { get; } = [];
    public long[,] Heat { get; } = new long[7, 24];

    /// <summary>Responses and busy time per unit, from <see cref="AddResponse"/>.</summary>
    public Dictionary<long, (long Responses, long BusyMs)> ByUnit { get; } = [];

    /// <summary>The WIB calendar month of an epoch-milliseconds instant as yyyy * 100 + MM.</summary>
    public static int MonthOf(long epochMs)
    {
        var day = DateOnly.FromDayNumber((int)Math.Floor((epochMs + WibOffsetMs) / (double)DayMs) + EpochDay);
        return day.Year * 100 + day.Month;
    }

    /// <summary>A <see cref="MonthOf"/> key as "yyyy-MM".</summary>
    public static string MonthName(int key) => $"{key / 100:D4}-{key % 100:D2}";

    /// <summary>Columns of <see cref="ReportSql.Rows"/>: triage number, kelurahan ('' without), received, response (-1 invalid).</summary>
    public void Add(DbDataReader r)
    {
        Total++;
        var received = r.GetInt64(2);
        var response = r.GetInt64(3);
        var measured = response >= 0 ? 1 : 0;

        var colour = (int)r.GetInt64(0);
        if (colour < 0) colour = Colours.Length;
        ref var t = ref _byTriage[colour];
        var target = colour < Colours.Length ? _targets[colour] : null;
        t = (t.Incidents + 1, t.Measured + measured, t.OnTarget + (measured == 1 && response <= target ? 1 : 0));

        var kelurahan = r.GetString(1);
        var k = ByKelurahan.GetValueOrDefault(kelurahan);
        ByKelurahan[kelurahan] = (k.Incidents + 1, k.Measured + measured);
        var localMs = received + WibOffsetMs;
        var days = (long)Math.Floor(localMs / (double)DayMs);
        if (days != _day) (_day, _month) = (days, MonthOf(received));
        var m = ByMonth.GetValueOrDefault(_month);
        ByMonth[_month] = (m.Incidents + 1, m.Measured + measured);

        Heat[(int)((days + 4) % 7 + 7) % 7, (int)((localMs - days * DayMs) / 3_600_000L)]++; // 1970-01-01 was a Thursday
    }

    /// <summary>Columns of <see cref="ReportSql.Workload"/>: unit, busy milliseconds. Only ever called from one pass.</summary>
    public void AddResponse(DbDataReader r)
    {
        var unit = r.GetInt64(0);
        var u = ByUnit.GetValueOrDefault(unit);
        // One row per response, or per unit with its count last (ReportSql.Grouped).
        ByUnit[unit] = (u.Responses + (r.FieldCount > 2 ? r.GetInt64(2) : 1), u.BusyMs + r.GetInt64(1));
    }
}
