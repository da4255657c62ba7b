namespace Dispatch.Api.Privacy;

/// <summary>
/// One kind of data kept no longer than configured (UU 27/2022: no longer than needed). The daily
/// retention job runs every registered rule on one node and logs each rule's count; a rule must be
/// idempotent (running it twice removes nothing more) and must not write personal data to logs.
/// </summary>
public interface IRetentionRule
{
    /// <summary>A stable name for the job's log and the README table, e.g. "events".</summary>
    string Name { get; }

    /// <summary>Removes or erases what is older than the rule's limit at <paramref name="now"/>; returns how many rows it changed.</summary>
    Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct);
}
