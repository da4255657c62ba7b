using System.Data.Common;
using Dapper;
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
        var calls = Task.Run(() => db.ReadAsync(async s =>
        {
            var counts = new Dictionary<(string Source, string Outcome), long>();
            await s.StreamAsync(ReportSql.Calls, args, r =>
            {
                var key = (r.GetString(0), r.GetString(1));
                counts[key] = counts.GetValueOrDefault(key) + (r.FieldCount > 2 ? r.GetInt64(2) : 1); // counted per row or by the database
            });
            return counts;
        }, ct), ct);
        var unitNames = Task.Run(() => db.ReadAsync(s => s.QueryAsync<(long Id, string CallSign)>(ReportSql.UnitNames, null), ct), ct);
        // The database counts each interval's valid values first (the ordered passes need them to
        // place their ranks); then the tally and the ordered passes run side by side. Only the
        // response pass waits for the tally, whose group sizes its group medians need.
        var (counts, sums) = await Task.Run(() => db.ReadAsync(async s =>
        {
            var valid = new long[ReportSql.Intervals.Length + 1];
            var sumMs = new double?[ReportSql.Intervals.Length]; // only where the dialect ranks in the database
            await s.StreamAsync(ReportSql.ValidCounts, args, r =>
            {
                for (var c = 0; c < valid.Length; c++) valid[c] = r.IsDBNull(c) ? 0 : r.GetInt64(c);
                for (var c = valid.Length; c < r.FieldCount; c++)
                    sumMs[c - valid.Length] = r.IsDBNull(c) ? null : Convert.ToDouble(r.GetValue(c), System.Globalization.CultureInfo.InvariantCulture);
            });
            return (valid, sumMs);
        }, ct), ct);
        var tallied = Task.Run(() => db.ReadAsync(async s =>
        {
            var sum = new ReportTally(triage.Value);
            await s.StreamAsync(ReportSql.Rows, args, sum.Add);
            return sum;
        }, ct), ct);
        // Unit workload counts every response, so it reads the responses beside the incidents' pass.
        var workload = Task.Run(() => db.ReadAsync(async s =>
        {
            var sum = new ReportTally(triage.Value);
            await s.StreamAsync(filter.ByTimeOnly ? ReportSql.WorkloadByTime : ReportSql.Workload, args, sum.AddResponse);
            return sum.ByUnit;
        }, ct), ct);
        var groups = tallied.ContinueWith(t => (
            Kelurahan: new GroupMedians<string>(t.Result.ByKelurahan.Select(x => KeyValuePair.Create(x.Key, x.Value.Measured))),
            Month: new GroupMedians<int>(t.Result.ByMonth.Select(x => KeyValuePair.Create(x.Key, x.Value.Measured)))), ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        // The response interval streams every value for its group medians; the others, where the
        // database can skip to a rank, read only the values at their percentiles' ranks.
        var intervals = ReportSql.Intervals.Select((_, k) => Task.Run(async () => k == ReportSql.ResponseIndex
            ? await IntervalAsync(k, filter, counts[k + 1], (await groups).Kelurahan, (await groups).Month, ct)
            : db.Dialect.SkipsToRanks ? await RankedAsync(k, filter, counts[k + 1], sums[k], ct)
            : await IntervalAsync(k, filter, counts[k + 1], null, null, ct), ct)).ToArray();

        var tally = await tallied;
        var (byKelurahan, byMonth) = await groups;
        var results = await Task.WhenAll(intervals);
        var byUnit = await workload;
        var names = (await unitNames).ToDictionary(u => u.Id, u => u.CallSign);
        var callRows = (await calls).Select(c => (c.Key.Source, c.Key.Outcome, Calls: c.Value)).ToList();
        var compliance = tally.ByTriage.ToDictionary(t => Camel(t.Key), t =>
        {
            // Incidents without a triage (imported history) have no target: counted, never in a share.
            var target = Enum.TryParse<Triage>(t.Key, out var colour) ? triage.Value.Target(colour)?.TotalSeconds : null;
            return new ComplianceRow(t.Value.Incidents, t.Value.Measured, target is null ? 0 : t.Value.OnTarget, target,
                target is null || t.Value.Measured == 0 ? null : (double)t.Value.OnTarget / t.Value.Measured);
        });
        return new ResponseTimeReport(
            filter.From, filter.To, counts[0],
            // Invalid = every incident of the filter that is not a valid value of the interval.
            ReportSql.Intervals.Select((x, k) => (x.Name, results[k] with { Invalid = counts[0] - results[k].Count }))
                .ToDictionary(x => x.Name, x => x.Item2),
            compliance,
            new Volumes(
                callRows.GroupBy(r => Camel(r.Source)).ToDictionary(g => g.Key, g => g.Sum(r => r.Calls)),
                callRows.GroupBy(r => Camel(r.Outcome)).ToDictionary(g => g.Key, g => g.Sum(r => r.Calls)),
                compliance.ToDictionary(c => c.Key, c => c.Value.Incidents)),
            tally.ByKelurahan.Select(k => new AreaRow(k.Key == "" ? null : k.Key, k.Key == "" ? null : areas.FindKelurahan(k.Key)?.Name,
                k.Value.Incidents, k.Value.Measured, byKelurahan.Median(k.Key))).OrderBy(a => a.Name).ToList(),
            Enumerable.Range(0, 7).SelectMany(d => Enumerable.Range(0, 24).Where(h => tally.Heat[d, h] > 0).Select(h => new HeatCell(d, h, tally.Heat[d, h]))).ToList(),
            tally.ByMonth.Select(m => new MonthRow(ReportTally.MonthName(m.Key), m.Value.Incidents, m.Value.Measured, byMonth.Median(m.Key)))
                .OrderBy(m => m.Month, StringComparer.Ordinal).ToList(),
            byUnit.Select(u => new UnitRow(u.Key, names.GetValueOrDefault(u.Key), u.Value.Responses, u.Value.BusyMs / 1000.0)).OrderByDescending(u => u.Incidents).ToList());
    }

    /// <summary>
    /// One interval's ordered pass. The expected count comes from the tally, read a moment earlier
    /// on another connection: when incidents were written in between, the pass saw a different
    /// number of values, so it runs once more expecting what it saw (exact unless writes continue).
    /// </summary>
    private async Task<IntervalSummary> IntervalAsync(int k, ReportFilter filter, long expected,
        GroupMedians<string>? byKelurahan, GroupMedians<int>? byMonth, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stream = new SortedStream(expected, Wanted);
            if (expected > 0 || attempt > 0)
                await db.ReadAsync(async s =>
                {
                    void Row(long ms, DbDataReader r)
                    {
                        var seconds = ms / 1000.0;
                        stream.Add(seconds);
                        if (byKelurahan is null || byMonth is null) return; // only the response pass reads the group columns
                        byKelurahan.Add(r.GetString(1), seconds);
                        byMonth.Add(ReportTally.MonthOf(r.GetInt64(2)), seconds);
                    }
                    if (s.Dialect.OrderedBucketMs is { } width) await s.MergeAsync(ReportSql.Ordered[k], Buckets(filter, width), Row);
                    else await s.StreamAsync(ReportSql.Ordered[k], filter.Parameters, r => Row(r.GetInt64(0), r));
                    return stream.Seen;
                }, ct);
            var complete = stream.Seen == expected && byKelurahan?.Complete != false && byMonth?.Complete != false;
            if (complete || attempt == 1)
                return new IntervalSummary(stream.Seen, 0, stream.Mean, stream[0], stream[1], stream[2], stream.Max);
            expected = stream.Seen;
            byKelurahan?.ExpectSeen();
            byMonth?.ExpectSeen();
        }
    }

    /// <summary>
    /// One interval's summary read at its ranks (<see cref="SqlDialect.SkipsToRanks"/>): the mean
    /// from the counting pass's sum, each percentile's one or two values and the maximum read where
    /// they stand in the interval's ordered index. A write between the count and these reads
    /// shifts a percentile by the ranks it added (the next report is exact); when a read comes
    /// back short (rows were removed), the interval is streamed instead.
    /// </summary>
    private async Task<IntervalSummary> RankedAsync(int k, ReportFilter filter, long count, double? sumMs, CancellationToken ct)
    {
        if (count == 0 || sumMs is null) return await IntervalAsync(k, filter, count, null, null, ct);
        double[] ranked = [.. Wanted, 1.0]; // 1.0: the maximum
        var values = await db.ReadAsync(async s =>
        {
            var picked = new double?[ranked.Length];
            for (var w = 0; w < ranked.Length; w++)
            {
                var (skip, take) = RankedPercentile.Descending(count, ranked[w]);
                var args = new DynamicParameters(filter.Parameters);
                args.Add("Skip", skip);
                args.Add("Take", take);
                var read = new List<double>(take);
                await s.StreamAsync(ReportSql.Ranked[k], args, r => read.Add(r.GetInt64(0) / 1000.0));
                picked[w] = RankedPercentile.Value(count, ranked[w], read);
            }
            return picked;
        }, ct);
        return values.Any(v => v is null)
            ? await IntervalAsync(k, filter, count, null, null, ct)
            : new IntervalSummary(count, 0, sumMs.Value / 1000.0 / count, values[0], values[1], values[2], values[3]);
    }

    /// <summary>The filter's parameters once per time bucket its range touches.</summary>
    public static IEnumerable<object> Buckets(ReportFilter filter, long width)
    {
        for (var bucket = filter.FromMs / width; bucket <= (filter.ToMs - 1) / width; bucket++)
        {
            var args = new DynamicParameters(filter.Parameters);
            args.Add("Bucket", bucket);
            yield return args;
        }
    }

    private static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
