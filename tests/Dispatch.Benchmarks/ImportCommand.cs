using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Imports;
using Dispatch.Api.Units;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Benchmarks;

/// <summary>
/// `import`: writes a messy history CSV of N rows (date and time in two columns, a time-only
/// arrival, triage as codes mapped by value, some rows without triage, position or unit), then
/// imports it into a fresh SQLite file through the IncidentImporter the API uses, sampling this
/// process's resident memory and the managed heap; prints rows/s and the peaks. Run it at two
/// sizes to see memory that does not grow with the file.
/// </summary>
public static class ImportCommand
{
    private const string Mapping = """
        {
          "columns": { "No": "externalId", "Tanggal": "callReceived.date", "Jam": "callReceived.time", "Dikirim": "unitNotified.time",
                       "Tiba": "onScene.time", "Kode": "triage", "Ambulans": "unit", "Lat": "lat", "Lon": "lon", "Keluhan": "complaint" },
          "timeZone": "Asia/Jakarta",
          "timeFormats": { "Tanggal": { "format": "dd/MM/yyyy" }, "Jam": { "format": "HH:mm:ss" }, "Dikirim": { "format": "HH:mm" }, "Tiba": { "format": "HH:mm" } },
          "values": { "triage": { "1": "merah", "Code 3": "merah", "2": "kuning", "3": "hijau" },
                      "unit": { "Ambulans 1": "BENCH-1", "Ambulans 2": "BENCH-2", "Ambulans 3": "BENCH-3", "Ambulans 4": "BENCH-4" } }
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = int.Parse(Option(args, "--rows") ?? "500000", CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("psc119-import-bench-");
        try
        {
            var csv = Path.Combine(folder.FullName, "history.csv");
            var write = Stopwatch.StartNew();
            await WriteCsvAsync(csv, rows);
            Console.WriteLine($"wrote {rows:N0} rows in {write.Elapsed.TotalSeconds:0.0} s ({new FileInfo(csv).Length / 1048576.0:0.0} MB)");

            var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.FullName, "import.db"), Pooling = true }.ToString();
            Sqlite.Instance.Migrate(connectionString);
            await using (var connection = new SqliteConnection(connectionString))
                for (var u = 1; u <= 4; u++)
                    await connection.ExecuteAsync("INSERT INTO units (call_sign, plate, type, status) VALUES (@CallSign, @Plate, 'Als', 'AvailableAtStation')",
                        new { CallSign = $"BENCH-{u}", Plate = $"BA {u} PSC" });
            await using var provider = Services(connectionString);
            var errors = new Dictionary<string, string[]>();
            var mapping = ImportRequest.Parse(Mapping, errors) ?? throw new InvalidOperationException(string.Join(" ", errors.SelectMany(e => e.Value)));

            GC.Collect();
            var baseline = Process.GetCurrentProcess().WorkingSet64 / 1048576.0;
            await using var rss = new RssSampler(Environment.ProcessId);
            long managedPeak = 0;
            var watch = Stopwatch.StartNew();
            await using var file = File.OpenRead(csv);
            var report = await provider.GetRequiredService<IncidentImporter>().ImportAsync(file, mapping, "bench-import", dryRun: false, CancellationToken.None,
                p => managedPeak = Math.Max(managedPeak, GC.GetTotalMemory(false)));
            watch.Stop();
            Console.WriteLine($"imported {report.Imported:N0} of {report.Rows:N0} rows ({report.FlaggedRows:N0} flagged: " +
                              $"{string.Join(", ", report.Flagged.Select(f => $"{f.Key} {f.Value:N0}"))}; {report.RejectedCount:N0} rejected) in {watch.Elapsed.TotalSeconds:0.0} s");
            Console.WriteLine($"rate: {report.Rows / watch.Elapsed.TotalSeconds:N0} rows/s");
            Console.WriteLine($"memory: RSS before {baseline:0} MB, peak during the import {rss.PeakMb:0} MB; managed heap peak {managedPeak / 1048576.0:0} MB " +
                              $"(sampled after each batch of {IncidentImporter.Batch})");
            return report.Imported == report.Rows - report.RejectedCount ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "sqlite", ["Database:ConnectionString"] = connectionString,
                ["Audit:ChainKey"] = "cHNjMTE5LWltcG9ydC1iZW5jaC1jaGFpbi1rZXktMzI=",
            }).Build())
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IEventPublisher, ReportsCommand.NoPublisher>()
            .AddSingleton(Dispatch.Core.Geography.AreaResolver.KotaSolok())
            .AddSingleton<UnitStore>()
            .AddSingleton<ImportStore>()
            .AddSingleton<IncidentImporter>();
        services.AddDispatchDatabase();
        return services.BuildServiceProvider();
    }

    /// <summary>Rows as a PSC spreadsheet has them: ~3% unknown triage codes, 10% without position, 10% without unit, a few duplicates.</summary>
    private static async Task WriteCsvAsync(string path, int rows)
    {
        var random = new Random(16);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("No,Tanggal,Jam,Dikirim,Tiba,Kode,Ambulans,Lat,Lon,Keluhan");
        var start = new DateTime(2024, 1, 1, 0, 0, 0);
        string[] codes = ["1", "Code 3", "2", "2", "3", "3", "Code 9", ""];
        for (var n = 0; n < rows; n++)
        {
            var at = start.AddSeconds(n * (31_536_000.0 / rows));
            var notified = at.AddMinutes(1 + random.Next(3));
            var onScene = notified.AddMinutes(4 + random.Next(30));
            var code = random.NextDouble() < 0.03 ? "Code 9" : codes[random.Next(codes.Length - 2)];
            var unit = random.NextDouble() < 0.1 ? "" : $"Ambulans {1 + random.Next(4)}";
            var position = random.NextDouble() < 0.1 ? "," : FormattableString.Invariant($"{-0.84 + random.NextDouble() * 0.1:0.00000},{100.6 + random.NextDouble() * 0.1:0.00000}");
            var id = n > 0 && n % 10_000 == 0 ? $"R{n - 1}" : $"R{n}"; // a duplicate every 10,000 rows
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{id},{at:dd/MM/yyyy},{at:HH:mm:ss},{notified:HH:mm},{onScene:HH:mm},{code},{unit},{position},\"sesak napas, demam\""));
        }
    }

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
