using System.Data.Common;
using System.Globalization;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Reports;

/// <summary>
/// Sums one pass over the filter's incidents (<see cref="ReportSql.Rows"/>): compliance per
/// triage and incidents per kelurahan, month, hour x weekday and unit. Holds counters, never rows.
/// </summary>
public sealed class ReportTally(TriageOptions triage)
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public long Total { get; private set; }
    public Dictionary<string, (long Incidents, long Measured, long OnTarget)> ByTriage { get; } = [];
    public Dictionary<string, (long Incidents, long Measured)> ByKelurahan { get; } = [];
    public Dictionary<string, (long Incidents, long Measured)> ByMonth { get; } = [];
    public long[,] Heat { get; } = new long[7, 24];
    public Dictionary<long, (long Incidents, long BusyMs)> ByUnit { get; } = [];

    /// <summary>The WIB calendar month ("yyyy-MM") of an epoch-milliseconds instant.</summary>
    public static string MonthOf(long epochMs) => DateTimeOffset.FromUnixTimeMilliseconds(epochMs).ToOffset(Wib).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Columns: call_received_at, triage, kelurahan_code, unit_id, unit_notified_at, on_scene_at, back_in_service_at.</summary>
    public void Add(DbDataReader r)
    {
        Total++;
        var received = r.GetInt64(0);
        long? At(int column) => r.IsDBNull(column) ? null : r.GetInt64(column);
        long? response = At(5) is { } onScene && onScene >= received ? onScene - received : null;
        var measured = response is null ? 0 : 1;

        var colour = r.GetString(1);
        var target = triage.Target(Enum.Parse<Triage>(colour))?.TotalMilliseconds;
        var t = ByTriage.GetValueOrDefault(colour);
        ByTriage[colour] = (t.Incidents + 1, t.Measured + measured, t.OnTarget + (response <= target ? 1 : 0));

        var kelurahan = r.IsDBNull(2) ? "" : r.GetString(2);
        var k = ByKelurahan.GetValueOrDefault(kelurahan);
        ByKelurahan[kelurahan] = (k.Incidents + 1, k.Measured + measured);
        var month = MonthOf(received);
        var m = ByMonth.GetValueOrDefault(month);
        ByMonth[month] = (m.Incidents + 1, m.Measured + measured);

        var local = DateTimeOffset.FromUnixTimeMilliseconds(received).ToOffset(Wib);
        Heat[(int)local.DayOfWeek, local.Hour]++;

        if (!r.IsDBNull(3))
        {
            var busy = At(4) is { } notified && At(6) is { } back && back >= notified ? back - notified : 0;
            var u = ByUnit.GetValueOrDefault(r.GetInt64(3));
            ByUnit[r.GetInt64(3)] = (u.Incidents + 1, u.BusyMs + busy);
        }
    }
}
