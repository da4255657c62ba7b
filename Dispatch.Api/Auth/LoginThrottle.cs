using System.Collections.Concurrent;

namespace Dispatch.Api.Auth;

/// <summary>
/// Slows password guessing: after <see cref="FreeFailures"/> failures for one user name from one
/// address, each further attempt waits twice as long, up to 15 minutes. A success clears it.
/// Keyed by name and address so that nobody can lock an operator out from elsewhere mid-shift.
/// Entries that have run out are dropped once there are many of them, so a flood of made-up
/// names cannot grow the memory without bound.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;

    /// <summary>Entries kept before a sweep drops the ones that have run out.</summary>
    public const int SweepAbove = 10_000;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxLock = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private int _sweepAt = SweepAbove;

    /// <summary>Entries held now (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    /// <summary>How long the caller must wait before trying this user name again; zero when free.</summary>
    public TimeSpan RetryAfter(string key)
    {
        var now = time.GetUtcNow();
        return _entries.TryGetValue(key, out var e) && e.LockedUntil > now ? e.LockedUntil - now : TimeSpan.Zero;
    }

    public void Failed(string key)
    {
        var now = time.GetUtcNow();
        _entries.AddOrUpdate(key,
            _ => new Entry(1, now, now),
            (_, e) =>
            {
                var failures = now - e.First > Window ? 1 : e.Failures + 1;
                var first = failures == 1 ? now : e.First;
                var lockFor = failures <= FreeFailures
                    ? TimeSpan.Zero
                    : TimeSpan.FromSeconds(Math.Min(MaxLock.TotalSeconds, Math.Pow(2, failures - FreeFailures)));
                return new Entry(failures, first, now + lockFor);
            });
        if (_entries.Count > Volatile.Read(ref _sweepAt)) Sweep(now);
    }

    // Drops entries whose window and lock have both passed; the next sweep waits until the map has
    // doubled from what is left, so the cost per failure stays constant under a flood.
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, e) in _entries)
            if (now - e.First > Window && e.LockedUntil <= now) _entries.TryRemove(key, out _);
        Volatile.Write(ref _sweepAt, Math.Max(SweepAbove, _entries.Count * 2));
    }

    public void Succeeded(string key) => _entries.TryRemove(key, out _);

    private sealed record Entry(int Failures, DateTimeOffset First, DateTimeOffset LockedUntil);
}
