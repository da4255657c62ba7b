using System.Collections.Concurrent;

namespace Dispatch.Api.Auth;

/// <summary>
/// Slows password guessing: after <see cref="FreeFailures"/> failures for one user name from one
/// address, each further attempt waits twice as long, up to 15 minutes. A success clears it.
/// Keyed by name and address so that nobody can lock an operator out from elsewhere mid-shift.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxLock = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

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
    }

    public void Succeeded(string key) => _entries.TryRemove(key, out _);

    private sealed record Entry(int Failures, DateTimeOffset First, DateTimeOffset LockedUntil);
}
