using System.Diagnostics;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Reports;
using Dispatch.Core.Incidents;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Benchmarks;

/// <summary>
/// `reports`: fills an embedded SQLite file with N incidents spread over three years and their unit
/// responses (once; the file is reused), then times the reports page's whole query set (ReportService) for a one-year
/// range, several runs, and reports the process's peak memory.
/// </summary>
public static class ReportsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var path = Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), "psc119-reports-bench.db");
        var incidents = int.Parse(Option(args, "--incidents") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

        Sqlite.Instance.Migrate(connectionString);
        var existing = await CountAsync(connectionString);
        if (existing < incidents)
        {
            var fill = Stopwatch.StartNew();
            await FillAsync(connectionString, existing, incidents);
            Console.WriteLine($"generated {incidents - existing:N0} incidents in {fill.Elapsed.TotalSeconds:0.0} s ({new FileInfo(path).Length / 1048576.0:0} MB file)");
        }
        var responses = Stopwatch.StartNew();
        if (await AddResponsesAsync(connectionString) is var added and > 0)
            Console.WriteLine($"generated {added:N0} responses in {responses.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"database {path}: {await CountAsync(connectionString):N0} incidents, {await CountAsync(connectionString, "responses"):N0} responses");

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "sqlite", ["Database:ConnectionString"] = connectionString,
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
        if (args.Contains("--each"))
        {
            // Each query alone, sequentially: where the time goes.
            _ = ReportSql.Rows;
            var db = provider.GetRequiredService<Db>();
            var args2 = new Dapper.DynamicParameters(filter.Parameters);
            foreach (var sql in SqlText.All.Where(x => x.Name.StartsWith("ReportSql.", StringComparison.Ordinal)))
            {
                var watch = Stopwatch.StartNew();
                long rows = 0;
                await db.ReadAsync(async s =>
                {
                    if (ReportSql.Ordered.Contains(sql) && s.Dialect.OrderedBucketMs is { } width)
                        await s.MergeAsync(sql, ReportService.Buckets(filter, width), (_, _) => rows++);
                    else
                        await s.StreamAsync(sql, args2, _ => rows++);
                    return 0;
                }, CancellationToken.None);
                Console.WriteLine($"{sql.Name,-45} {rows,9:N0} rows {watch.Elapsed.TotalMilliseconds,7:0} ms");
            }
        }
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
            Console.WriteLine($"{(run == 0 ? "warm-up" : $"run {run}")}: {elapsed:0} ms wall, {used:0} ms CPU ({kernel:0} ms of it in the kernel), {allocated:0} MB allocated (short-lived)");
        }
        times.Sort();
        cpu.Sort();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        Console.WriteLine($"SUMMARY reports: {last!.Incidents:N0} incidents in {filter.From:yyyy-MM-dd}..{filter.To:yyyy-MM-dd}; " +
                          $"whole query set min {times[0]:0} ms, median {times[times.Count / 2]:0} ms, max {times[^1]:0} ms (target <= 1000 ms); " +
                          $"CPU median {cpu[cpu.Count / 2]:0} ms on {Environment.ProcessorCount} cores; " +
                          $"callToOnScene median {last.Intervals[ResponseIntervals.CallToOnScene].Median:0} s; managed heap at most {heap:0} MB; peak working set {peak:0} MB (mostly the database file mapped by SQLite)");
        return 0;
    }

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static async Task<long> CountAsync(string connectionString, string table = "incidents")
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The responses of incidents that have none (a file from before responses gets them too), in
    /// one set-based statement each: every incident's unit with its time points, ended completed;
    /// one incident in eight a second unit, notified a minute later and on scene two minutes after
    /// the first, busy ten minutes longer; one in forty a third, released after five minutes.
    /// Most incidents have one unit, some two or three, as in the issue.
    /// </summary>
    private static async Task<long> AddResponsesAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var fast = connection.CreateCommand())
        {
            fast.CommandText = "PRAGMA synchronous = OFF"; // not inside a transaction
            await fast.ExecuteNonQueryAsync();
        }
        await using var tx = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        const string Missing = "FROM incidents i WHERE i.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.incident_id = i.id)";
        const string Columns = "INSERT INTO responses (incident_id, unit_id, call_sign, status, notified_by, notified_at, acknowledged_at, en_route_at, on_scene_at, " +
            "at_destination_at, back_in_service_at, ended_at, end_reason, end_note, call_received_at) ";
        // The extra units first, while the incidents still lack responses.
        insert.CommandText =
            Columns + "SELECT i.id, 1 + i.unit_id % 20, 'BENCH-' || (1 + i.unit_id % 20), 'Ended', 'bench', i.unit_notified_at + 60000, i.unit_notified_at + 90000, " +
            "i.en_route_at + 60000, i.on_scene_at + 120000, i.at_destination_at + 120000, i.back_in_service_at + 600000, i.back_in_service_at + 600000, 'Completed', NULL, i.call_received_at " +
            Missing + " AND i.id % 8 = 0; " +
            Columns + "SELECT i.id, 1 + (i.unit_id + 1) % 20, 'BENCH-' || (1 + (i.unit_id + 1) % 20), 'Ended', 'bench', i.unit_notified_at + 30000, NULL, " +
            "NULL, NULL, NULL, NULL, i.unit_notified_at + 330000, 'Released', 'not needed', i.call_received_at " +
            "FROM incidents i WHERE i.unit_id IS NOT NULL AND i.id % 40 = 0 AND (SELECT COUNT(*) FROM responses r WHERE r.incident_id = i.id) = 1; " +
            Columns + "SELECT i.id, i.unit_id, 'BENCH-' || i.unit_id, 'Ended', 'bench', i.unit_notified_at, i.unit_notified_at + 20000, i.en_route_at, i.on_scene_at, " +
            "i.at_destination_at, i.back_in_service_at, COALESCE(i.back_in_service_at, i.closed_at), 'Completed', NULL, i.call_received_at " +
            "FROM incidents i WHERE i.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.incident_id = i.id AND r.unit_id = i.unit_id " +
            "AND r.notified_at = i.unit_notified_at);";
        var added = await insert.ExecuteNonQueryAsync();
        await tx.CommitAsync();
        return added;
    }

    /// <summary>Plausible incidents from 2023 to 2025 (fixed seed), written with prepared statements in large transactions.</summary>
    private static async Task FillAsync(string connectionString, long from, int to)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA synchronous = OFF; " +
                "INSERT INTO units (call_sign, plate, type, status) SELECT 'BENCH-' || value, 'B-' || value, 'Bls', 'AvailableAtStation' " +
                "FROM (WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 20) SELECT value FROM n) " +
                "WHERE NOT EXISTS (SELECT 1 FROM units WHERE call_sign LIKE 'BENCH-%');";
            await setup.ExecuteNonQueryAsync();
        }
        var random = new Random(2023 + (int)from);
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds();
        var span = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds() - start;
        string[] triages = ["Merah", "Kuning", "Hijau", "Hitam"], sources = ["Line119", "Ncc", "App", "Radio", "Walkin"];
        string[] kelurahan = ["13.72.01.1001", "13.72.01.1002", "13.72.01.1003", "13.72.01.1004", "13.72.01.1005", "13.72.01.1006", "13.72.01.1007",
            "13.72.02.1001", "13.72.02.1002", "13.72.02.1003", "13.72.02.1004", "13.72.02.1005", "13.72.02.1006"];
        for (var n = from; n < to;)
        {
            await using var tx = connection.BeginTransaction();
            await using var call = connection.CreateCommand();
            call.Transaction = tx;
            call.CommandText = "INSERT INTO calls (external_id, received_at, source, flags, status, outcome, ingested_at) VALUES ($e, $r, $s, '', 'Closed', 'Incident', $r) RETURNING id";
            var (pe, pr, ps) = (call.Parameters.Add("$e", SqliteType.Text), call.Parameters.Add("$r", SqliteType.Integer), call.Parameters.Add("$s", SqliteType.Text));
            await using var incident = connection.CreateCommand();
            incident.Transaction = tx;
            incident.CommandText = "INSERT INTO incidents (call_id, status, triage, is_emergency, category, patient_count, lat, lon, kelurahan_code, kelurahan_name, " +
                "kecamatan_code, kecamatan_name, unit_id, created_by, is_imported, source, call_received_at, call_answered_at, created_at, unit_notified_at, en_route_at, on_scene_at, " +
                "at_destination_at, back_in_service_at, closed_at) VALUES ($c, 'Closed', $t, 1, 'NonTrauma', 1, -0.79, 100.65, $k, $k, substr($k, 1, 8), substr($k, 1, 8), $u, 'bench', 1, $s, " +
                "$r, $a, $cr, $no, $er, $os, $ad, $bs, $cl)";
            var ip = new Dictionary<string, SqliteParameter>();
            foreach (var name in new[] { "$c", "$t", "$k", "$u", "$r", "$a", "$cr", "$no", "$er", "$os", "$ad", "$bs", "$cl" })
                ip[name] = incident.Parameters.Add(name, name is "$t" or "$k" ? SqliteType.Text : SqliteType.Integer);
            var isource = incident.Parameters.Add("$s", SqliteType.Text);
            for (var batch = 0; batch < 50_000 && n < to; batch++, n++)
            {
                var received = start + (long)(random.NextDouble() * span);
                pe.Value = $"bench-{n}";
                pr.Value = received;
                ps.Value = isource.Value = sources[random.Next(sources.Length)];
                var callId = (long)(await call.ExecuteScalarAsync())!;
                long t = received;
                long Step(int min, int max) => t += random.Next(min, max) * 1000L;
                ip["$c"].Value = callId;
                ip["$t"].Value = triages[random.Next(triages.Length)];
                ip["$k"].Value = kelurahan[random.Next(kelurahan.Length)];
                ip["$u"].Value = 1 + random.Next(20);
                ip["$r"].Value = received;
                ip["$a"].Value = random.NextDouble() < 0.01 ? received - 5000 : Step(3, 40); // a few out of order
                ip["$cr"].Value = Step(20, 120);
                ip["$no"].Value = Step(10, 120);
                ip["$er"].Value = random.NextDouble() < 0.03 ? DBNull.Value : Step(20, 150);
                ip["$os"].Value = Step(240, 1500);
                ip["$ad"].Value = random.NextDouble() < 0.3 ? DBNull.Value : Step(600, 1800);
                ip["$bs"].Value = Step(300, 1500);
                ip["$cl"].Value = Step(60, 600);
                await incident.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
            Console.Write($"\r{n:N0} / {to:N0}");
        }
        Console.WriteLine();
    }

    internal sealed class NoPublisher : IEventPublisher
    {
        public Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken ct) => Task.CompletedTask;
    }
}
