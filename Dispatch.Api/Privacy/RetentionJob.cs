using Dispatch.Api.Database;

namespace Dispatch.Api.Privacy;

/// <summary>What one pass of the retention job did: each rule's count, and the rules that failed.</summary>
public sealed record RetentionPass(DateTimeOffset At, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<string> Failed);

/// <summary>
/// Applies every registered <see cref="IRetentionRule"/> once a day, on one node at a time when
/// several share the database (<see cref="JobLease"/>). Logs one line per rule with its count and
/// writes what ran to the incident log. A failing rule is logged and skipped; the others still
/// run, and the pass is not marked complete, so every rule runs again at the next check.
/// </summary>
public sealed partial class RetentionJob(IEnumerable<IRetentionRule> rules, JobLease lease, Db db, TimeProvider time, ILogger<RetentionJob> logger)
    : BackgroundService
{
    public const string Name = "retention";

    /// <summary>A complete pass is due this long after the previous one.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(1);

    /// <summary>How often a node asks whether a pass is due (and first asks, after it starts).</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(15);

    /// <summary>How long a claimed pass is this node's; renewed after each rule.</summary>
    public static readonly TimeSpan LeaseFor = TimeSpan.FromHours(1);

    private readonly IReadOnlyList<IRetentionRule> _rules = rules.ToList();

    /// <summary>This instance, in the lease row: the machine and a random tag (two instances of one process differ).</summary>
    public string Holder { get; } = Cut($"{Environment.MachineName}/{Guid.NewGuid():N}", 100);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[^max..];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunPassAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The lease could not be claimed or given back (database away): try at the next check.
                LogCheckFailed(logger, error);
            }
        }
    }

    /// <summary>
    /// Runs one pass at <paramref name="now"/> if it is due and this instance gets the lease; null
    /// when not due or another node holds the lease.
    /// </summary>
    public async Task<RetentionPass?> RunPassAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (!await lease.TryClaimAsync(Name, Holder, now, now + LeaseFor, now - Period, ct)) return null;
        var started = time.GetTimestamp(); // renewals count from the pass's own time, however long it runs
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var failed = new List<string>();
        try
        {
            foreach (var rule in _rules)
            {
                try
                {
                    var count = await rule.ApplyAsync(now, ct);
                    counts[rule.Name] = count;
                    LogApplied(logger, rule.Name, count);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    failed.Add(rule.Name);
                    LogRuleFailed(logger, rule.Name, error);
                }
                await lease.RenewAsync(Name, Holder, now + time.GetElapsedTime(started) + LeaseFor, ct);
            }
            // What ran, with the counts (no personal data), in the log of what the PSC did.
            await db.WriteAsync(Name, s =>
            {
                s.Log("retention.applied", details: new { counts, failed });
                return Task.FromResult(0);
            }, ct);
        }
        finally
        {
            // Not marked complete when a rule failed: every rule (idempotent) runs again at the next check.
            await lease.ReleaseAsync(Name, Holder, failed.Count == 0 ? now : null, CancellationToken.None);
        }
        return new RetentionPass(now, counts, failed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention rule {Rule} removed or erased {Count} rows")]
    private static partial void LogApplied(ILogger logger, string rule, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention rule {Rule} failed; the other rules ran, and it runs again at the next check")]
    private static partial void LogRuleFailed(ILogger logger, string rule, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention check failed; trying again at the next check")]
    private static partial void LogCheckFailed(ILogger logger, Exception error);
}
