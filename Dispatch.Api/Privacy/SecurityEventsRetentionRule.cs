using Dispatch.Api.Database;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Privacy;

/// <summary>
/// The security events table, kept <see cref="RetentionOptions.SecurityEventsDays"/>: deleted in
/// batches by its time index, each batch its own short transaction.
/// </summary>
public sealed class SecurityEventsRetentionRule(Db db, IOptions<RetentionOptions> options) : IRetentionRule
{
    public const int Batch = 5000;

    // The time of the batch's last row: a batch deletes up to it (a few more rows when many share that millisecond).
    private static readonly SqlText BatchEnd = SqlText.Of("SecurityEventsRetentionRule.BatchEnd", d =>
        "SELECT at FROM security_events WHERE at < @Cutoff ORDER BY at, id" + d.Page("@Skip", "@One"));

    private static readonly SqlText Delete = SqlText.Of("SecurityEventsRetentionRule.Delete",
        "DELETE FROM security_events WHERE at <= @Upto");

    public string Name => "security-events";

    public async Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (RetentionOptions.CutoffMs(now, options.Value.SecurityEventsDays) is not { } cutoff) return 0;
        var deleted = 0;
        for (;;)
        {
            // The Batch-th oldest row's time, or none when fewer rows are left: then the last batch takes the rest.
            var end = await db.ReadAsync(s => s.SingleOrDefaultAsync<long?>(BatchEnd, new { Cutoff = cutoff, Skip = Batch - 1, One = 1 }), ct);
            deleted += await db.WriteAsync(RetentionJob.Name, s => s.ExecuteAsync(Delete, new { Upto = end ?? cutoff - 1 }), ct);
            if (end is null) return deleted;
        }
    }
}
