using System.Diagnostics;
using System.Globalization;

namespace Dispatch.Benchmarks.Routing;

/// <summary>Wall times of each question (in question order) and the CPU time per question of the process that answered.</summary>
internal sealed record Timings(double[] Ms, double CpuMsPerQuestion)
{
    public double Median => Percentiles.Of([.. Ms.Order()], 0.5);

    /// <summary>Median over the first <paramref name="count"/> questions, to set side by side with a peer asked only those.</summary>
    public double MedianOfFirst(int count) => Percentiles.Of([.. Ms.Take(count).Order()], 0.5);
}

/// <summary>
/// Times one way of answering a list of questions: first a warm-up of at least a second over the
/// same questions (so the JIT's tiered, profile-guided code is in place before timing), then each
/// question once, wall clock, with the CPU time of the answering process around the whole run. On
/// a shared machine other processes' load inflates wall time, not CPU time; both are printed.
/// </summary>
internal static class QuestionTimer
{
    public static async Task<Timings> TimeAsync<T>(string what, IReadOnlyList<T> questions, Func<T, ValueTask> answer, Func<TimeSpan>? cpu = null)
    {
        cpu ??= () => Process.GetCurrentProcess().TotalProcessorTime;
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.ElapsedMilliseconds < 1000 || i == 0; i++) await answer(questions[i % questions.Count]);

        var ms = new double[questions.Count];
        var cpuBefore = cpu();
        for (var i = 0; i < questions.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await answer(questions[i]);
            ms[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        var timings = new Timings(ms, (cpu() - cpuBefore).TotalMilliseconds / questions.Count);
        var sorted = ms.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: median {timings.Median:0.000} ms, p95 {Percentiles.Of(sorted, 0.95):0.000} ms, max {sorted[^1]:0.000} ms; CPU {timings.CpuMsPerQuestion:0.000} ms per question ({ms.Length} questions, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
        return timings;
    }

    public static Task<Timings> Time<T>(string what, IReadOnlyList<T> questions, Action<T> answer) =>
        TimeAsync(what, questions, q => { answer(q); return ValueTask.CompletedTask; });

    /// <summary>CPU time (user + system) of another local process, from /proc (clock ticks of 1/100 s).</summary>
    public static TimeSpan ProcessCpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (name) ": state is field 3
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime, stime: fields 14, 15
        return TimeSpan.FromMilliseconds(ticks * 10.0);
    }
}
