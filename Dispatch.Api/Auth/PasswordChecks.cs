using Microsoft.Extensions.Options;

namespace Dispatch.Api.Auth;

/// <summary>
/// Caps the password hashes computed at once (each one is tens of milliseconds of a core), so that
/// a sign-in flood never takes the cores that call intake needs. A check that cannot start within
/// <see cref="AuthOptions.PasswordCheckWait"/> is not done (the caller answers 503 sign-in-busy).
/// </summary>
public sealed class PasswordChecks(IOptions<AuthOptions> options)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.ConcurrentPasswordChecks));

    /// <summary>Runs <paramref name="check"/> in a free slot; false when none came free in time.</summary>
    public async Task<(bool Ran, T Result)> RunAsync<T>(Func<T> check, CancellationToken ct)
    {
        if (!await _slots.WaitAsync(options.Value.PasswordCheckWait, ct)) return (false, default!);
        try { return (true, check()); }
        finally { _slots.Release(); }
    }
}
