using System.Data.Common;
using Dispatch.Api.Database;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Reports;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Reports;

/// <summary>
/// Everything runs side by side: one pass over the filter's incidents sums the counts
/// (<see cref="ReportTally"/>); for each interval a count on its partial index, then its valid
/// values streamed in ascending order from that index for the percentiles. Memory stays constant
/// however many incidents the range holds. The response interval's stream also yields the
/// medians per kelurahan and per month, since each group's values arrive in ascending order too.
/// </summary>
public sealed class ReportService(Db db, IOptions<TriageOptions> triage, AreaResolver areas)
{
    private static readonly double[] Wanted = [0.5, 0.9, 0.95];

    public async Task<ResponseTimeReport> ResponseTimesAsync(ReportFilter filter, CancellationToken ct)
    {
        var args = filter.Parameters;
        var calls = Query<(string Source, string Outcome, long Calls)>(ReportSql.Calls, args, ct);
        var unitNames = Query<(long Id, string CallSign)>(ReportSql.UnitNames, null, ct);
        var tally = new ReportTally(triage.Value);
        var tallied = Task.Run(() => db.ReadAsync(async s => { await s.StreamAsync(ReportSql.Rows, args, tally.Add); return tally; }, ct), ct);
        var intervals = ReportSql.Intervals.Select((_, k) => Task.Run(async () =>
        {
            var valid = (await Query<long>(ReportSql.ValidCounts[k], args, ct)).Single();
            if (k != ReportSql.ResponseIndex) return (Summary: await IntervalAsync(k, args, valid, null, null, ct), Kelurahan: (Dictionary<string, SortedStream>?)null, Month: (Dictionary<string, SortedStream>?)null);
            // The response stream also feeds the group medians, whose sizes the tally knows.
            var done = await tallied;
            var byKelurahan = done.ByKelurahan.ToDictionary(x => x.Key, x => new SortedStream(x.Value.Measured, 0.5));
            var byMonth = done.ByMonth.ToDictionary(x => x.Key, x => new SortedStream(x.Value.Measured, 0.5));
            return (Summary: await IntervalAsync(k, args, valid, byKelurahan, byMonth, ct), Kelurahan: (Dictionary<string, SortedStream>?)byKelurahan, Month: (Dictionary<string, SortedStream>?)byMonth);
        }, ct)).ToArray();

        await tallied;
        var results = await Task.WhenAll(intervals);
        var response = results[ReportSql.ResponseIndex];
        var names = (await unitNames).ToDictionary(u => u.Id, u => u.CallSign);
        var callRows = (await calls).ToList();
        var compliance = tally.ByTriage.ToDictionary(t => Camel(t.Key), t =>
        {
            var target = triage.Value.Target(Enum.Parse<Triage>(t.Key))?.TotalSeconds;
            return new ComplianceRow(t.Value.Incidents, t.Value.Measured, target is null ? 0 : t.Value.OnTarget, target,
                target is null || t.Value.Measured == 0 ? null : (double)t.Value.OnTarget / t.Value.Measured);
        });
        return new ResponseTimeReport(
            filter.From, filter.To, tally.Total,
            // Invalid = every incident of the filter that is not a valid value of the interval.
            ReportSql.Intervals.Select((x, k) => (x.Name, results[k].Summary with { Invalid = tally.Total - results[k].Summary.Count }))
                .ToDictionary(x => x.Name, x => x.Item2),
            compliance,
            new Volumes(
                callRows.GroupBy(r => Camel(r.Source)).ToDictionary(g => g.Key, g => g.Sum(r => r.Calls)),
                callRows.GroupBy(r => Camel(r.Outcome)).ToDictionary(g => g.Key, g => g.Sum(r => r.Calls)),
                compliance.ToDictionary(c => c.Key, c => c.Value.Incidents)),
            tally.ByKelurahan.Select(k => new AreaRow(k.Key == "" ? null : k.Key, k.Key == "" ? null : areas.FindKelurahan(k.Key)?.Name,
                k.Value.Incidents, k.Value.Measured, response.Kelurahan?.GetValueOrDefault(k.Key)?[0])).OrderBy(a => a.Name).ToList(),
            Enumerable.Range(0, 7).SelectMany(d => Enumerable.Range(0, 24).Where(h => tally.Heat[d, h] > 0).Select(h => new HeatCell(d, h, tally.Heat[d, h]))).ToList(),
            tally.ByMonth.Select(m => new MonthRow(m.Key, m.Value.Incidents, m.Value.Measured, response.Month?.GetValueOrDefault(m.Key)?[0]))
                .OrderBy(m => m.Month, StringComparer.Ordinal).ToList(),
            tally.ByUnit.Select(u => new UnitRow(u.Key, names.GetValueOrDefault(u.Key), u.Value.Incidents, u.Value.BusyMs / 1000.0)).OrderByDescending(u => u.Incidents).ToList());
    }

    // Embedded SQLite runs a query synchronously inside its "async" calls: Task.Run puts each
    // query on its own thread, so they really run side by side.
    private Task<IEnumerable<T>> Query<T>(SqlText sql, object? args, CancellationToken ct) =>
        Task.Run(() => db.ReadAsync(s => s.QueryAsync<T>(sql, args), ct), ct);

    private Task<IntervalSummary> IntervalAsync(int k, object args, long valid,
        Dictionary<string, SortedStream>? byKelurahan, Dictionary<string, SortedStream>? byMonth, CancellationToken ct) =>
        valid == 0
            ? Task.FromResult(IntervalSummary.Empty(0))
            : db.ReadAsync(async s =>
            {
                var stream = new SortedStream(valid, Wanted);
                await s.StreamAsync(ReportSql.Ordered[k], args, r =>
                {
                    var seconds = r.GetInt64(0) / 1000.0;
                    stream.Add(seconds);
                    byKelurahan?[r.IsDBNull(1) ? "" : r.GetString(1)].Add(seconds);
                    byMonth?[ReportTally.MonthOf(r.GetInt64(2))].Add(seconds);
                });
                return new IntervalSummary(stream.Seen, 0, stream.Mean, stream[0], stream[1], stream[2], stream.Max);
            }, ct);

    private static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
