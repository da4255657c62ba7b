using System.Diagnostics;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Reports;
using Dispatch.Benchmarks.Reports;
using Dispatch.Core.Incidents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dispatch.Benchmarks;

/// <summary>
/// `reports`: fills a database (an embedded SQLite file, or PostgreSQL with --provider postgres) with
/// N incidents spread over three years and their unit responses (once; the database is reused), then
/// times the reports page's whole query set (ReportService) for a one-year range, several runs, and
/// reports the process's peak memory. `--each` first times every report query alone, several runs.
/// </summary>
public static class ReportsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var incidents = int.Parse(Option(args, "--incidents") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        BenchDatabase database = (Option(args, "--provider") ?? "sqlite") switch
        {
            "sqlite" => new SqliteBench(Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), "psc119-reports-bench.db")),
            "postgres" => new PostgresBench(Option(args, "--connection") ?? DefaultPostgres()),
            var other => throw new ArgumentException($"--provider {other}: use sqlite or postgres."),
        };
        await database.FillAsync(incidents);

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider, ["Database:ConnectionString"] = database.ConnectionString,
                // A server database needs the log chain's key; the benchmark only reads, so any key does.
                ["Audit:ChainKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            }).Build())
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IEventPublisher, NoPublisher>()
            .AddSingleton(Dispatch.Core.Geography.AreaResolver.KotaSolok())
            .AddSingleton<ReportService>();
        services.AddDispatchDatabase();
        services.AddOptions<TriageOptions>();
        await using var provider = services.BuildServiceProvider();
        var reports = provider.GetRequiredService<ReportService>();

        var to = new DateOnly(2025, 12, 31);
        var filter = new ReportFilter(to.AddYears(-1).AddDays(1), to, null, null, null, null, null, null);
        if (args.Contains("--each")) await EachAsync(provider.GetRequiredService<Db>(), filter, runs);

        var times = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        var heap = 0.0;
        ResponseTimeReport? last = null;
        for (var run = 0; run <= runs; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var sysBefore = process.PrivilegedProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var watch = Stopwatch.StartNew();
            last = await reports.ResponseTimesAsync(filter, CancellationToken.None);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            var used = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var kernel = (process.PrivilegedProcessorTime - sysBefore).TotalMilliseconds;
            var allocated = (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0;
            heap = Math.Max(heap, GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0);
            if (run > 0) { times.Add(elapsed); cpu.Add(used); } // run 0 warms caches and the JIT
            // CPU time says what the work costs whatever else the machine is doing; wall time is the target.
            // On PostgreSQL it is this process's share only: the server's work is in the wall time.
            Console.WriteLine($"{(run == 0 ? "warm-up" : $"run {run}")}: {elapsed:0} ms wall, {used:0} ms CPU ({kernel:0} ms of it in the kernel), {allocated:0} MB allocated (short-lived)");
        }
        times.Sort();
        cpu.Sort();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        Console.WriteLine($"SUMMARY reports ({database.Provider}): {last!.Incidents:N0} incidents in {filter.From:yyyy-MM-dd}..{filter.To:yyyy-MM-dd}; " +
                          $"whole query set min {times[0]:0} ms, median {Percentiles.Of(times, 0.5):0} ms, max {times[^1]:0} ms (target <= 1000 ms); " +
                          $"this process's CPU median {Percentiles.Of(cpu, 0.5):0} ms on {Environment.ProcessorCount} cores; " +
                          $"callToOnScene median {last.Intervals[ResponseIntervals.CallToOnScene].Median:0} s; managed heap at most {heap:0} MB; peak working set {peak:0} MB" +
                          (database.Provider == "sqlite" ? " (mostly the database file mapped by SQLite)" : ""));
        return 0;
    }

    /// <summary>Each report query alone, one after another, a warm-up and then <paramref name="runs"/> runs: where the time goes.</summary>
    private static async Task EachAsync(Db db, ReportFilter filter, int runs)
    {
        _ = ReportSql.Rows;
        var parameters = new Dapper.DynamicParameters(filter.Parameters);
        var valid = new Dictionary<string, long>(); // each interval's count, from its ordered pass
        foreach (var sql in SqlText.All.Where(x => x.Name.StartsWith("ReportSql.", StringComparison.Ordinal)))
        {
            var ranked = Array.IndexOf(ReportSql.Ranked, sql);
            if (ranked >= 0)
            {
                // A ranked read is timed as the median's, the longest skip of the four a report makes.
                if (!db.Dialect.SkipsToRanks || valid.GetValueOrDefault(ReportSql.Intervals[ranked].Name) is not (var n and > 0)) continue;
                var (skip, take) = Dispatch.Core.Reports.RankedPercentile.Descending(n, 0.5);
                parameters = new Dapper.DynamicParameters(filter.Parameters);
                parameters.Add("Skip", skip);
                parameters.Add("Take", take);
            }
            else parameters = new Dapper.DynamicParameters(filter.Parameters);
            var times = new List<double>();
            long rows = 0;
            for (var run = 0; run <= runs; run++)
            {
                var watch = Stopwatch.StartNew();
                rows = 0;
                await db.ReadAsync(async s =>
                {
                    if (ReportSql.Ordered.Contains(sql) && s.Dialect.OrderedBucketMs is { } width)
                        await s.MergeAsync(sql, ReportService.Buckets(filter, width), (_, _) => rows++);
                    else
                        await s.StreamAsync(sql, parameters, _ => rows++);
                    return 0;
                }, CancellationToken.None);
                if (run > 0) times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            if (Array.IndexOf(ReportSql.Ordered, sql) is var k and >= 0) valid[ReportSql.Intervals[k].Name] = rows;
            Console.WriteLine($"{sql.Name,-45} {rows,9:N0} rows  median {Percentiles.Of(times, 0.5),6:0} ms  max {times[^1],6:0} ms");
        }
    }

    /// <summary>The test server's superuser connection (tests/servers.sh) on a database of the benchmark's own.</summary>
    private static string DefaultPostgres()
    {
        var server = Environment.GetEnvironmentVariable("PSC119_TEST_POSTGRES")
            ?? throw new InvalidOperationException("--provider postgres needs --connection CS or PSC119_TEST_POSTGRES (source /tmp/servers.env or run tests/servers.sh).");
        return new NpgsqlConnectionStringBuilder(server) { Database = "psc119_reports_bench" }.ConnectionString;
    }

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    internal sealed class NoPublisher : IEventPublisher
    {
        public Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken ct) => Task.CompletedTask;
    }
}
