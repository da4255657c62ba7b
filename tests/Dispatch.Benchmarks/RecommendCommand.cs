using System.Globalization;
using BenchmarkDotNet.Running;

namespace Dispatch.Benchmarks;

/// <summary>Runs the BenchmarkDotNet switcher, then checks the 10,000-unit target.</summary>
internal static class RecommendCommand
{
    public const double TargetMicroseconds = 50;
    public const int TargetUnits = 10_000;

    public static int Run(string[] args)
    {
        if (args.Length == 0) args = ["--filter", "*"];
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(RecommendCommand).Assembly).Run(args).ToList();
        if (summaries.Count == 0) return 0; // e.g. --list or --help

        var failed = false;
        Console.WriteLine();
        Console.WriteLine($"Target: Recommender.Rank <= {TargetMicroseconds:0} us at {TargetUnits:N0} units");
        foreach (var report in summaries.SelectMany(s => s.Reports.Select(r => (Summary: s, Report: r))))
        {
            var benchmark = report.Report.BenchmarkCase;
            var units = benchmark.Parameters.Items.FirstOrDefault(p => p.Name == nameof(RecommendationBenchmarks.Units))?.Value;
            var name = $"{benchmark.Descriptor.WorkloadMethodDisplayInfo} @ {units} units";
            if (report.Report.ResultStatistics is not { } stats)
            {
                Console.WriteLine($"  {name}: no result");
                failed = true;
                continue;
            }
            var micro = stats.Mean / 1000.0;
            var bytes = report.Report.GcStats.GetBytesAllocatedPerOperation(benchmark);
            var verdict = units is int n && n == TargetUnits ? micro <= TargetMicroseconds ? "  [target met]" : "  [TARGET MISSED]" : "";
            if (verdict.Contains("MISSED", StringComparison.Ordinal)) failed = true;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: mean {micro:0.00} us, allocated {bytes?.ToString(CultureInfo.InvariantCulture) ?? "?"} B/op{verdict}"));
        }
        return failed || summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
