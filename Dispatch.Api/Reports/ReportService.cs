using System.Data.Common;
using System.Globalization;
using Dispatch.Api.Database;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Reports;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Reports;

/// <summary>
/// Runs the report's queries side by side (each on its own connection; SQLite in WAL serves
/// readers in parallel) and streams each interval's values in ascending order from the database
/// for the percentiles: memory stays constant however many incidents the range holds. The
/// response interval's stream also yields the medians per kelurahan and per month, since each
/// group's values arrive in order as well.
/// </summary>
public sealed class ReportService(Db db, IOptions<TriageOptions> triage, AreaResolver areas)
{
    private static readonly double[] Wanted = [0.5, 0.9, 0.95];
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public async Task<ResponseTimeReport> ResponseTimesAsync(ReportFilter filter, CancellationToken ct)
    {
        var args = filter.Parameters;
        var totalsTask = Query<dynamic>(ReportSql.Totals, args, ct);
        var kelurahanTask = Query<(string? Code, long Incidents, long Measured)>(ReportSql.KelurahanCounts, args, ct);
        var monthsTask = Query<(string Month, long Incidents, long Measured)>(ReportSql.MonthCounts, args, ct);
        var compliance = Task.Run(() => ComplianceAsync(args, ct), ct);
        var calls = Query<(string Source, string Outcome, long Calls)>(ReportSql.Calls, args, ct);
        var heatmap = Query<(long Weekday, long Hour, long Incidents)>(ReportSql.Heatmap, args, ct);
        var units = Query<(long UnitId, string? CallSign, long Incidents, long BusyMs)>(ReportSql.Units, args, ct);

        var counts = (IDictionary<string, object>)(await totalsTask).Single();
        var total = Convert.ToInt64(counts["total"], CultureInfo.InvariantCulture);
        var kelurahan = (await kelurahanTask).ToList();
        var months = (await monthsTask).ToList();
        var byKelurahan = kelurahan.ToDictionary(k => k.Code ?? "", k => new SortedStream(k.Measured, 0.5));
        var byMonth = months.ToDictionary(m => m.Month, m => new SortedStream(m.Measured, 0.5));

        var summaries = await Task.WhenAll(ReportSql.Intervals.Select((_, k) =>
        {
            var valid = Convert.ToInt64(counts[$"n{k}"] ?? 0L, CultureInfo.InvariantCulture);
            return k == ReportSql.ResponseIndex
                ? IntervalAsync(k, args, valid, total - valid, r =>
                {
                    byKelurahan[r.IsDBNull(1) ? "" : r.GetString(1)].Add(Seconds(r, 0));
                    byMonth[DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)).ToOffset(Wib).ToString("yyyy-MM", CultureInfo.InvariantCulture)].Add(Seconds(r, 0));
                }, ct)
                : IntervalAsync(k, args, valid, total - valid, null, ct);
        }));

        var complianceRows = await compliance;
        var callRows = (await calls).ToList();
        return new ResponseTimeReport(
            filter.From, filter.To, total,
            ReportSql.Intervals.Select((x, k) => (x.Name, summaries[k])).ToDictionary(x => x.Name, x => x.Item2),
            complianceRows,
            new Volumes(
                callRows.GroupBy(r => Camel(r.Source)).ToDictionary(g => g.Key, g => g.Sum(r => r.Calls)),
                callRows.GroupBy(r => Camel(r.Outcome)).ToDictionary(g => g.Key, g => g.Sum(r => r.Calls)),
                complianceRows.ToDictionary(c => c.Key, c => c.Value.Incidents)),
            kelurahan.Select(k => new AreaRow(k.Code, k.Code is null ? null : areas.FindKelurahan(k.Code)?.Name, k.Incidents, k.Measured, byKelurahan[k.Code ?? ""][0]))
                .OrderBy(a => a.Name).ToList(),
            (await heatmap).Select(h => new HeatCell((int)h.Weekday, (int)h.Hour, h.Incidents)).ToList(),
            months.Select(m => new MonthRow(m.Month, m.Incidents, m.Measured, byMonth[m.Month][0])).OrderBy(m => m.Month, StringComparer.Ordinal).ToList(),
            (await units).Select(u => new UnitRow(u.UnitId, u.CallSign, u.Incidents, u.BusyMs / 1000.0)).OrderByDescending(u => u.Incidents).ToList());
    }

    // Embedded SQLite runs a query synchronously inside its "async" calls: Task.Run puts each
    // query on its own thread, so they really run side by side.
    private Task<IEnumerable<T>> Query<T>(SqlText sql, object args, CancellationToken ct) =>
        Task.Run(() => db.ReadAsync(s => s.QueryAsync<T>(sql, args), ct), ct);

    private Task<IntervalSummary> IntervalAsync(int k, object args, long valid, long invalid, Action<DbDataReader>? alsoEach, CancellationToken ct) =>
        valid == 0
            ? Task.FromResult(IntervalSummary.Empty(invalid))
            : Task.Run(() => db.ReadAsync(async s =>
            {
                var stream = new SortedStream(valid, Wanted);
                await s.StreamAsync(ReportSql.Ordered[k], args, r =>
                {
                    stream.Add(Seconds(r, 0));
                    alsoEach?.Invoke(r);
                });
                return new IntervalSummary(stream.Seen, invalid, stream.Mean, stream[0], stream[1], stream[2], stream.Max);
            }, ct), ct);

    private async Task<IReadOnlyDictionary<string, ComplianceRow>> ComplianceAsync(object filterArgs, CancellationToken ct)
    {
        var options = triage.Value;
        var args = new Dapper.DynamicParameters(filterArgs);
        foreach (var t in Enum.GetValues<Triage>()) args.Add($"Target{t}", options.Target(t)?.TotalMilliseconds);
        var rows = await db.ReadAsync(s => s.QueryAsync<(string Triage, long Incidents, long Measured, long OnTarget)>(ReportSql.Compliance, args), ct);
        return rows.ToDictionary(r => Camel(r.Triage), r =>
        {
            var target = options.Target(Enum.Parse<Triage>(r.Triage))?.TotalSeconds;
            return new ComplianceRow(r.Incidents, r.Measured, target is null ? 0 : r.OnTarget, target,
                target is null || r.Measured == 0 ? null : (double)r.OnTarget / r.Measured);
        });
    }

    private static double Seconds(DbDataReader r, int column) => r.GetInt64(column) / 1000.0;

    private static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
