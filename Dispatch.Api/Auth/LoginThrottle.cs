using System.Security.Cryptography;
using System.Text;
using Dispatch.Api.Database;

namespace Dispatch.Api.Auth;

/// <summary>
/// Slows password guessing: after <see cref="FreeFailures"/> failures for one user name from one
/// address, each further attempt waits twice as long, up to 15 minutes. A success clears it.
/// Keyed by name and address so that nobody can lock an operator out from elsewhere mid-shift.
/// The count lives in the database (<c>login_failures</c>), so every API node sees the same
/// failures. The key is stored as an unsalted SHA-256 of name and address: not readable at a glance,
/// but someone who guesses both can confirm the guess, so rows are deleted once they have run out
/// (at most once a minute per node), which also keeps a flood of made-up names from growing the table.
/// <para>
/// Failures are also counted per account from any address (a row keyed <c>account:NAME</c> that
/// never locks): after <see cref="AccountFreeFailures"/> within the window, each attempt on that
/// account waits <see cref="SlowDown"/> (doubling, at most <see cref="MaxSlowDown"/>) before its
/// password is checked. Guessing from many addresses is slowed; the right password still passes
/// after a few seconds at most, so nobody can lock an operator out of a shift.
/// </para>
/// </summary>
public sealed class LoginThrottle(Db db, TimeProvider time)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxLock = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private const int Attempts = 4;
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(1);
    public const int AccountFreeFailures = 10;
    public static readonly TimeSpan MaxSlowDown = TimeSpan.FromSeconds(3);

    private static readonly SqlText Find = SqlText.Of("LoginThrottle.Find",
        "SELECT failures, first_at, locked_until FROM login_failures WHERE key_hash = @Key");

    private static readonly SqlText Insert = SqlText.Of("LoginThrottle.Insert",
        "INSERT INTO login_failures (key_hash, failures, first_at, locked_until) VALUES (@Key, @Failures, @FirstAt, @LockedUntil)");

    // Only if nobody counted a failure in between (another node, another request): else read again.
    private static readonly SqlText Update = SqlText.Of("LoginThrottle.Update",
        "UPDATE login_failures SET failures = @Failures, first_at = @FirstAt, locked_until = @LockedUntil " +
        "WHERE key_hash = @Key AND failures = @WasFailures AND first_at = @WasFirstAt");

    // One more failure on the account, counted atomically (many addresses at once); a new window after it ran out.
    private static readonly SqlText CountAccount = SqlText.Of("LoginThrottle.CountAccount",
        "UPDATE login_failures SET failures = CASE WHEN first_at < @WindowStart THEN 1 ELSE failures + 1 END, " +
        "first_at = CASE WHEN first_at < @WindowStart THEN @Now ELSE first_at END WHERE key_hash = @Key");

    private static readonly SqlText InsertAccount = SqlText.Of("LoginThrottle.InsertAccount",
        "INSERT INTO login_failures (key_hash, failures, first_at, locked_until) VALUES (@Key, 1, @Now, 0)");

    private static readonly SqlText AccountFailures = SqlText.Of("LoginThrottle.AccountFailures",
        "SELECT failures FROM login_failures WHERE key_hash = @Key");

    private static readonly SqlText Remove = SqlText.Of("LoginThrottle.Remove", "DELETE FROM login_failures WHERE key_hash = @Key");

    private static readonly SqlText Sweep = SqlText.Of("LoginThrottle.Sweep",
        "DELETE FROM login_failures WHERE first_at < @WindowStart AND locked_until <= @Now");

    private long _nextSweep;

    /// <summary>How long the caller must wait before trying this name again (zero when free), and whether failures are counted.</summary>
    public async Task<Standing> CheckAsync(string key, CancellationToken ct)
    {
        var entry = await db.ReadAsync(s => s.SingleOrDefaultAsync<Entry>(Find, new { Key = Hash(key) }), ct);
        return Standing.Of(entry, time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// Before a password is checked: while the name is locked, how long to wait (nothing counted);
    /// otherwise the attempt is counted as a failure at once, so that parallel attempts cannot all
    /// pass before any failure is recorded, and zero is returned. A right password then clears it
    /// (<see cref="SucceededAsync"/>).
    /// </summary>
    public async Task<TimeSpan> AttemptAsync(string key, CancellationToken ct) => (await AttemptAsync(key, null, ct)).Wait;

    /// <summary>
    /// As <see cref="AttemptAsync(string, CancellationToken)"/>, and when the attempt goes on, it is
    /// also counted on <paramref name="account"/> (in the same transaction): <see cref="Attempt.SlowDown"/>
    /// is how long to wait before checking the password.
    /// </summary>
    public async Task<Attempt> AttemptAsync(string key, string? account, CancellationToken ct)
    {
        var hash = Hash(key);
        var accountHash = account is null ? null : Hash(AccountKey(account));
        var slowDown = TimeSpan.Zero;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        // Another request may count at the same moment (a changed row, or the same first row
        // added): read again and count on top of it. An attempt that could not be counted within a
        // few rounds (a burst on one name) waits a moment rather than going on uncounted.
        var wait = Busy;
        for (var round = 1; round <= Attempts; round++)
        {
            try
            {
                var counted = await db.WriteAsync("sign-in", async s =>
                {
                    var locked = await CountAsync(s, hash, now);
                    var failures = locked == TimeSpan.Zero && accountHash is not null ? await CountAccountAsync(s, accountHash, now) : 0;
                    return (Wait: locked, Failures: failures);
                }, ct);
                if (counted.Wait is { } result)
                {
                    wait = result;
                    slowDown = SlowDown(counted.Failures);
                    break;
                }
            }
            catch (Exception error) when (db.Dialect.IsUniqueViolation(error))
            {
                // Someone else's first attempt was added first.
            }
        }
        if (now >= Interlocked.Read(ref _nextSweep))
        {
            Interlocked.Exchange(ref _nextSweep, now + (long)SweepEvery.TotalMilliseconds);
            await db.WriteAsync("sign-in", s => s.ExecuteAsync(Sweep, new { WindowStart = now - (long)Window.TotalMilliseconds, Now = now }), ct);
        }
        return new Attempt(wait, slowDown);
    }

    public Task SucceededAsync(string key, CancellationToken ct) =>
        db.WriteAsync("sign-in", s => s.ExecuteAsync(Remove, new { Key = Hash(key) }), ct);

    /// <summary>A right password: the name-and-address count and the account's count are cleared.</summary>
    public Task SucceededAsync(string key, string account, CancellationToken ct) =>
        db.WriteAsync("sign-in", async s =>
        {
            await s.ExecuteAsync(Remove, new { Key = Hash(key) });
            return await s.ExecuteAsync(Remove, new { Key = Hash(AccountKey(account)) });
        }, ct);

    /// <summary>The wait before checking a password on an account with this many failures (this one included).</summary>
    public static TimeSpan SlowDown(int accountFailures) => accountFailures <= AccountFreeFailures
        ? TimeSpan.Zero
        : TimeSpan.FromMilliseconds(Math.Min(MaxSlowDown.TotalMilliseconds, 250 * Math.Pow(2, accountFailures - AccountFreeFailures - 1)));

    private static string AccountKey(string account) => $"account:{account}";

    // Atomic, as many addresses may fail on one account at once; the first failure adds the row.
    private static async Task<int> CountAccountAsync(DbSession s, string hash, long now)
    {
        var args = new { Key = hash, Now = now, WindowStart = now - (long)Window.TotalMilliseconds };
        if (await s.ExecuteAsync(CountAccount, args) == 0) await s.ExecuteAsync(InsertAccount, args);
        return await s.SingleOrDefaultAsync<int>(AccountFailures, args);
    }

    /// <summary>The entry after one more failure at <paramref name="now"/> (UTC milliseconds).</summary>
    public static Entry Next(Entry? entry, long now)
    {
        var failures = entry is null || now - entry.FirstAt > Window.TotalMilliseconds ? 1 : entry.Failures + 1;
        var lockFor = failures <= FreeFailures ? 0 : Math.Min(MaxLock.TotalSeconds, Math.Pow(2, failures - FreeFailures));
        return new Entry { Failures = failures, FirstAt = failures == 1 ? now : entry!.FirstAt, LockedUntil = now + (long)(lockFor * 1000) };
    }

    // The wait when locked (nothing changes); zero when the attempt was counted; null when another
    // request changed the row in between.
    private static async Task<TimeSpan?> CountAsync(DbSession s, string hash, long now)
    {
        var was = await s.SingleOrDefaultAsync<Entry>(Find, new { Key = hash });
        if (Standing.Of(was, now).RetryAfter is { Ticks: > 0 } wait) return wait;
        var next = Next(was, now);
        var values = new { Key = hash, next.Failures, next.FirstAt, next.LockedUntil, WasFailures = was?.Failures, WasFirstAt = was?.FirstAt };
        return await s.ExecuteAsync(was is null ? Insert : Update, values) == 1 ? TimeSpan.Zero : null;
    }

    // The name and address never reach the database as text; a lowercase name counts as the same name.
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToLowerInvariant())));

    /// <summary>How long the name is locked for this address (zero: go on), and how long to wait before the password check.</summary>
    public sealed record Attempt(TimeSpan Wait, TimeSpan SlowDown);

    public sealed record Standing(TimeSpan RetryAfter, bool HasFailures)
    {
        public static Standing Of(Entry? entry, long now) =>
            new(entry is not null && entry.LockedUntil > now ? TimeSpan.FromMilliseconds(entry.LockedUntil - now) : TimeSpan.Zero, entry is not null);
    }

    public sealed class Entry
    {
        public int Failures { get; init; }
        public long FirstAt { get; init; }
        public long LockedUntil { get; init; }
    }
}
