using System.Globalization;

namespace Dispatch.Benchmarks;

/// <summary>
/// Samples another process's resident set size (Linux /proc/PID/status) while a load runs:
/// the peak seen during the run, the last value, and the kernel's lifetime peak (VmHWM).
/// </summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RssSampler(int pid)
    {
        _pid = pid;
        if (Read("VmRSS") is null) throw new LoadSetupException($"no process {pid} to sample (/proc/{pid}/status is not readable).");
        _cpuAtStart = CpuSeconds();
        _loop = Task.Run(SampleAsync);
    }

    private readonly double _cpuAtStart;

    /// <summary>CPU seconds (user + system) the process used since sampling began.</summary>
    public double CpuSecondsUsed => CpuSeconds() - _cpuAtStart;

    public double PeakMb { get; private set; }
    public double LastMb { get; private set; }
    public double? LifetimePeakMb => Read("VmHWM");

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            if (Read("VmRSS") is not { } mb) return; // the process ended
            LastMb = mb;
            PeakMb = Math.Max(PeakMb, mb);
        }
        while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default));
    }

    // Fields 14 and 15 of /proc/PID/stat (after the parenthesised name): utime and stime in clock ticks (100 per second on Linux).
    private double CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{_pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException) { return 0; }
    }

    private double? Read(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
