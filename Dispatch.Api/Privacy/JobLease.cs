using Dispatch.Api.Database;

namespace Dispatch.Api.Privacy;

/// <summary>
/// A job that must run on one node at a time when several share the database: a row in
/// <c>job_runs</c> per job, claimed by a conditional UPDATE (the row's lock decides between two
/// nodes claiming at once; the loser's UPDATE changes no row). A node that dies mid-pass holds the
/// lease until it expires; then another node takes over.
/// </summary>
public sealed class JobLease(Db db)
{
    private static readonly SqlText Claim = SqlText.Of("JobLease.Claim",
        "UPDATE job_runs SET holder = @Holder, lease_until = @Until WHERE name = @Name " +
        "AND (lease_until IS NULL OR lease_until < @Now OR holder = @Holder) AND (last_run_at IS NULL OR last_run_at <= @DueBefore)");

    private static readonly SqlText Renew = SqlText.Of("JobLease.Renew",
        "UPDATE job_runs SET lease_until = @Until WHERE name = @Name AND holder = @Holder");

    private static readonly SqlText Finish = SqlText.Of("JobLease.Finish",
        "UPDATE job_runs SET holder = NULL, lease_until = NULL, last_run_at = @LastRunAt WHERE name = @Name AND holder = @Holder");

    private static readonly SqlText Release = SqlText.Of("JobLease.Release",
        "UPDATE job_runs SET holder = NULL, lease_until = NULL WHERE name = @Name AND holder = @Holder");

    private static readonly SqlText LastRun = SqlText.Of("JobLease.LastRun", "SELECT last_run_at FROM job_runs WHERE name = @Name");

    /// <summary>
    /// Takes the job's lease until <paramref name="until"/> when no other node holds it and the job
    /// last completed at or before <paramref name="dueBefore"/>; false otherwise.
    /// </summary>
    public async Task<bool> TryClaimAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, DateTimeOffset dueBefore, CancellationToken ct) =>
        await db.WriteAsync(holder, s => s.ExecuteAsync(Claim, new
        {
            Name = name, Holder = holder, Until = until.ToUnixTimeMilliseconds(), Now = now.ToUnixTimeMilliseconds(), DueBefore = dueBefore.ToUnixTimeMilliseconds(),
        }), ct) == 1;

    /// <summary>Extends a lease this holder has (a long pass keeps it between steps).</summary>
    public Task RenewAsync(string name, string holder, DateTimeOffset until, CancellationToken ct) =>
        db.WriteAsync(holder, s => s.ExecuteAsync(Renew, new { Name = name, Holder = holder, Until = until.ToUnixTimeMilliseconds() }), ct);

    /// <summary>Gives the lease back; with <paramref name="completedAt"/>, records a complete pass (the next is due a period later).</summary>
    public Task ReleaseAsync(string name, string holder, DateTimeOffset? completedAt, CancellationToken ct) =>
        db.WriteAsync(holder, s => completedAt is { } at
            ? s.ExecuteAsync(Finish, new { Name = name, Holder = holder, LastRunAt = at.ToUnixTimeMilliseconds() })
            : s.ExecuteAsync(Release, new { Name = name, Holder = holder }), ct);

    /// <summary>When the job last completed a pass, or null.</summary>
    public Task<long?> LastRunAsync(string name, CancellationToken ct) =>
        db.ReadAsync(s => s.SingleOrDefaultAsync<long?>(LastRun, new { Name = name }), ct);
}
