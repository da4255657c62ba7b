using Microsoft.Extensions.Options;

namespace Dispatch.Api.Auth;

/// <summary>
/// Keeps sign-ins from taking what call intake needs. At most four sign-ins per hash slot are in
/// progress at once (<see cref="AdmitAsync"/>): the rest wait <see cref="AuthOptions.PasswordCheckWait"/>
/// and are then refused before they cost a database read or write (on SQLite every counted
/// attempt is a write that queues with ingest for the one writer). Within, at most
/// <see cref="AuthOptions.ConcurrentPasswordChecks"/> password hashes run at once (each tens of
/// milliseconds of a core). Refused sign-ins are answered 503 sign-in-busy.
/// </summary>
public sealed class PasswordChecks(IOptions<AuthOptions> options)
{
    private const int AdmittedPerSlot = 4;
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.ConcurrentPasswordChecks));
    private readonly SemaphoreSlim _admitted = new(Math.Max(1, options.Value.ConcurrentPasswordChecks) * AdmittedPerSlot);
    private readonly TimeSpan _wait = options.Value.PasswordCheckWait;

    /// <summary>A place among the sign-ins in progress (dispose it when done), or null when none came free in time.</summary>
    public async Task<Admission?> AdmitAsync(CancellationToken ct) =>
        await _admitted.WaitAsync(_wait, ct) ? new Admission(this) : null;

    /// <summary>Runs <paramref name="check"/> in a free slot; false when none came free in time.</summary>
    public async Task<(bool Ran, T Result)> RunAsync<T>(Func<T> check, CancellationToken ct)
    {
        if (!await _slots.WaitAsync(_wait, ct)) return (false, default!);
        try { return (true, check()); }
        finally { _slots.Release(); }
    }

    /// <summary>A sign-in's place; given up while it waits out an account's slow-down, so that waiting takes no place from others.</summary>
    public sealed class Admission(PasswordChecks owner) : IDisposable
    {
        private int _held = 1;

        /// <summary>Waits <paramref name="delay"/> without the place, then takes one again; false when none came free in time.</summary>
        public async Task<bool> PauseAsync(TimeSpan delay, TimeProvider time, CancellationToken ct)
        {
            Dispose();
            await Task.Delay(delay, time, ct);
            if (!await owner._admitted.WaitAsync(owner._wait, ct)) return false;
            Volatile.Write(ref _held, 1);
            return true;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _held, 0) == 1) owner._admitted.Release();
        }
    }
}
