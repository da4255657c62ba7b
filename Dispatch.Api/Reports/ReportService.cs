using System.Data.Common;
using Dispatch.Api.Database;
using Dispatch.Core.Incidents;
using Dispatch.Core.Reports;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Reports;

/// <summary>
/// Runs the report's queries side by side (each on its own connection; SQLite in WAL serves
/// readers in parallel) and streams ordered values for the percentiles: memory stays bounded
/// however many incidents the range holds.
/// </summary>
public sealed class ReportService(Db db, IOptions<TriageOptions> triage, Dispatch.Core.Geography.AreaResolver areas)
{
    private static readonly double[] Wanted = [0.5, 0.9, 0.95];

    public async Task<ResponseTimeReport> ResponseTimesAsync(ReportFilter filter, CancellationToken ct)
    {
        var args = filter.Parameters;
        var totals = db.ReadAsync(s => s.QueryAsync<dynamic>(ReportSql.Totals, args), ct);
        var counts = (IDictionary<string, object>)(await totals).Single();
        var total = Convert.ToInt64(counts["total"], System.Globalization.CultureInfo.InvariantCulture);

        var intervals = ReportSql.Intervals.Select((x, k) =>
        {
            var valid = Convert.ToInt64(counts[$"n{k}"] ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
            return IntervalAsync(ReportSql.Ordered[k], args, valid, total - valid, ct);
        }).ToArray();
        var compliance = ComplianceAsync(args, ct);
        var calls = db.ReadAsync(s => s.QueryAsync<(string Source, string Outcome, long Calls)>(ReportSql.Calls, args), ct);
        var kelurahan = AreasAsync(args, ct);
        var heatmap = db.ReadAsync(s => s.QueryAsync<(long Weekday, long Hour, long Incidents)>(ReportSql.Heatmap, args), ct);
        var trend = MonthsAsync(args, ct);
        var units = db.ReadAsync(s => s.QueryAsync<(long UnitId, string? CallSign, long Incidents, long BusyMs)>(ReportSql.Units, args), ct);

        var summaries = await Task.WhenAll(intervals);
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
            await kelurahan,
            (await heatmap).Select(h => new HeatCell((int)h.Weekday, (int)h.Hour, h.Incidents)).ToList(),
            await trend,
            (await units).Select(u => new UnitRow(u.UnitId, u.CallSign, u.Incidents, u.BusyMs / 1000.0)).OrderByDescending(u => u.Incidents).ToList());
    }

    private Task<IntervalSummary> IntervalAsync(SqlText ordered, object args, long valid, long invalid, CancellationToken ct) =>
        valid == 0
            ? Task.FromResult(IntervalSummary.Empty(invalid))
            : db.ReadAsync(async s =>
            {
                var stream = new SortedStream(valid, Wanted);
                await s.StreamAsync(ordered, args, r => stream.Add(Seconds(r, 0)));
                return new IntervalSummary(stream.Seen, invalid, stream.Mean, stream[0], stream[1], stream[2], stream.Max);
            }, ct);

    private async Task<IReadOnlyDictionary<string, ComplianceRow>> ComplianceAsync(object filterArgs, CancellationToken ct)
    {
        var options = triage.Value;
        double? Ms(Triage t) => options.Target(t)?.TotalMilliseconds;
        var args = new Dapper.DynamicParameters(filterArgs);
        foreach (var t in Enum.GetValues<Triage>()) args.Add($"Target{t}", Ms(t));
        var rows = await db.ReadAsync(s => s.QueryAsync<(string Triage, long Incidents, long Measured, long OnTarget)>(ReportSql.Compliance, args), ct);
        return rows.ToDictionary(r => Camel(r.Triage), r =>
        {
            var target = options.Target(Enum.Parse<Triage>(r.Triage))?.TotalSeconds;
            return new ComplianceRow(r.Incidents, r.Measured, target is null ? 0 : r.OnTarget, target,
                target is null || r.Measured == 0 ? null : (double)r.OnTarget / r.Measured);
        });
    }

    private async Task<IReadOnlyList<AreaRow>> AreasAsync(object args, CancellationToken ct)
    {
        var counts = await db.ReadAsync(s => s.QueryAsync<(string? Code, long Incidents, long Measured)>(ReportSql.KelurahanCounts, args), ct);
        var medians = await GroupMediansAsync(ReportSql.KelurahanOrdered, args, counts.ToDictionary(c => c.Code ?? "", c => c.Measured), ct);
        return counts.Select(c => new AreaRow(c.Code, c.Code is null ? null : areas.FindKelurahan(c.Code)?.Name, c.Incidents, c.Measured, medians.GetValueOrDefault(c.Code ?? ""))).OrderBy(a => a.Name).ToList();
    }

    private async Task<IReadOnlyList<MonthRow>> MonthsAsync(object args, CancellationToken ct)
    {
        var counts = await db.ReadAsync(s => s.QueryAsync<(string Month, long Incidents, long Measured)>(ReportSql.MonthCounts, args), ct);
        var medians = await GroupMediansAsync(ReportSql.MonthOrdered, args, counts.ToDictionary(c => c.Month, c => c.Measured), ct);
        return counts.Select(c => new MonthRow(c.Month, c.Incidents, c.Measured, medians.GetValueOrDefault(c.Month))).OrderBy(m => m.Month, StringComparer.Ordinal).ToList();
    }

    /// <summary>The median per group from rows ordered by (group, value), with each group's count known.</summary>
    private Task<Dictionary<string, double?>> GroupMediansAsync(SqlText ordered, object args, IReadOnlyDictionary<string, long> measured, CancellationToken ct) =>
        db.ReadAsync(async s =>
        {
            var medians = new Dictionary<string, double?>();
            string? group = null;
            SortedStream? stream = null;
            await s.StreamAsync(ordered, args, r =>
            {
                var key = r.IsDBNull(0) ? "" : r.GetString(0);
                if (key != group)
                {
                    if (group is not null) medians[group] = stream![0];
                    group = key;
                    stream = new SortedStream(measured.GetValueOrDefault(key), 0.5);
                }
                stream!.Add(Seconds(r, 1));
            });
            if (group is not null) medians[group] = stream![0];
            return medians;
        }, ct);

    private static double Seconds(DbDataReader r, int column) => r.GetInt64(column) / 1000.0;

    private static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
