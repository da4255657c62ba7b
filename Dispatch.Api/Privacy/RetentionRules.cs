using Dispatch.Api.Database;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Privacy;

/// <summary>
/// Numbers of closed calls that never became an incident, older than <c>Retention:LoneCallNumberDays</c>:
/// erased (number gone, location coarse) in batches, with reason <c>retention</c>; 0 keeps them.
/// </summary>
public sealed class LoneCallNumbersRule(Db db, PersonalDataDesk desk, IOptions<RetentionOptions> options) : IRetentionRule
{
    private static readonly SqlText Due = SqlText.Of("LoneCallNumbersRule.Due", d =>
        "SELECT id FROM calls WHERE incident_id IS NULL AND status = 'Closed' AND closed_at < @Before AND erased_at IS NULL ORDER BY id" + d.Limit("@Limit"));

    public string Name => "lone-call-numbers";

    public Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct) =>
        options.Value.LoneCallNumberDays <= 0
            ? Task.FromResult(0)
            : Retention.InBatchesAsync(db, Due, now.AddDays(-options.Value.LoneCallNumberDays), ct,
                (s, ids) => desk.EraseAsync(s, ids, [], Retention.Reason));
}

/// <summary>
/// Personal data of incidents closed or cancelled longer ago than <c>Retention:ClosedIncidentDays</c>
/// (0 keeps it): erased with all their calls' numbers, in batches, with reason <c>retention</c>.
/// </summary>
public sealed class ClosedIncidentsRule(Db db, PersonalDataDesk desk, IOptions<RetentionOptions> options) : IRetentionRule
{
    private static readonly SqlText Due = SqlText.Of("ClosedIncidentsRule.Due", d =>
        "SELECT id FROM incidents WHERE status IN ('Closed', 'Cancelled') AND COALESCE(closed_at, cancelled_at) < @Before AND erased_at IS NULL ORDER BY id" + d.Limit("@Limit"));

    private static readonly SqlText CallsOf = SqlText.Of("ClosedIncidentsRule.CallsOf", d =>
        $"SELECT id FROM calls WHERE {d.InList("incident_id", "@Ids")} ORDER BY id");

    public string Name => "closed-incidents";

    public Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct) =>
        options.Value.ClosedIncidentDays <= 0
            ? Task.FromResult(0)
            : Retention.InBatchesAsync(db, Due, now.AddDays(-options.Value.ClosedIncidentDays), ct, async (s, ids) =>
                await desk.EraseAsync(s, (await s.QueryAsync<long>(CallsOf, new { Ids = ids.ToArray() })).ToList(), ids, Retention.Reason));
}

internal static class Retention
{
    public const string Reason = "retention";
    public const string Actor = "retention";
    public const int BatchSize = 200;

    /// <summary>Erases what <paramref name="due"/> selects, one transaction per batch, until none is left; returns the rows erased.</summary>
    public static async Task<int> InBatchesAsync(Db db, SqlText due, DateTimeOffset before, CancellationToken ct, Func<DbSession, IReadOnlyList<long>, Task<ErasureCounts>> erase)
    {
        var total = 0;
        while (true)
        {
            var done = await db.WriteAsync(Actor, async s =>
            {
                var ids = (await s.QueryAsync<long>(due, new { Before = before.ToUnixTimeMilliseconds(), Limit = BatchSize })).ToList();
                if (ids.Count == 0) return 0;
                var counts = await erase(s, ids);
                return counts.Calls + counts.Incidents;
            }, ct);
            if (done == 0) return total;
            total += done;
        }
    }
}
