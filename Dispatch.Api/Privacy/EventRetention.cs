using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Privacy;

/// <summary>
/// Deletes old rows of the <c>events</c> feed through its primary key alone: it walks the oldest
/// rows in sequence order (their <c>at</c> grows with <c>seq</c>), and deletes each batch by a
/// sequence range in its own short transaction, so a large backlog never holds the write lock for
/// long and no index on <c>at</c> slows every event's insert. The newest event always stays, so the
/// sequence (and <c>GET /api/events/last</c>) never goes back, even on a database that reuses keys.
/// </summary>
public sealed class EventPruner(Db db)
{
    public const int Batch = 5000;

    private static readonly SqlText Window = SqlText.Of("EventPruner.Window", d =>
        "SELECT seq, at FROM events WHERE seq > @From ORDER BY seq" + d.Limit("@Batch"));

    private static readonly SqlText Newest = SqlText.Of("EventPruner.Newest", "SELECT COALESCE(MAX(seq), 0) FROM events");

    private static readonly SqlText DeleteRange = SqlText.Of("EventPruner.DeleteRange",
        "DELETE FROM events WHERE seq > @From AND seq <= @Upto");

    private static readonly SqlText DeleteRangeOfType = SqlText.Of("EventPruner.DeleteRangeOfType",
        "DELETE FROM events WHERE seq > @From AND seq <= @Upto AND type = @Type");

    /// <summary>Deletes the events (of <paramref name="type"/> only, when given) older than <paramref name="cutoffMs"/>; returns how many.</summary>
    public async Task<int> DeleteOlderThanAsync(long cutoffMs, string? type, CancellationToken ct)
    {
        var newest = await db.ReadAsync(s => s.SingleOrDefaultAsync<long>(Newest), ct);
        long from = 0;
        var deleted = 0;
        for (;;)
        {
            var window = await db.ReadAsync(async s => (await s.QueryAsync<Row>(Window, new { From = from, Batch })).ToList(), ct);
            var old = window.TakeWhile(r => r.At < cutoffMs && r.Seq < newest).ToList();
            if (old.Count == 0) return deleted;
            var upto = old[^1].Seq;
            var range = new { From = from, Upto = upto, Type = type };
            deleted += await db.WriteAsync(RetentionJob.Name, s => type is null ? s.ExecuteAsync(DeleteRange, range) : s.ExecuteAsync(DeleteRangeOfType, range), ct);
            if (old.Count < window.Count || window.Count < Batch) return deleted;
            from = upto;
        }
    }

    private sealed class Row
    {
        public long Seq { get; init; }
        public long At { get; init; }
    }
}

/// <summary>The live event feed, kept <see cref="RetentionOptions.EventsDays"/> (a reconnecting console needs hours).</summary>
public sealed class EventsRetentionRule(EventPruner pruner, IOptions<RetentionOptions> options) : IRetentionRule
{
    public string Name => "events";

    public Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct) =>
        RetentionOptions.CutoffMs(now, options.Value.EventsDays) is { } cutoff ? pruner.DeleteOlderThanAsync(cutoff, null, ct) : Task.FromResult(0);
}

/// <summary>
/// Crew position history: every position report is a <c>UnitChanged</c> event; those older than
/// <see cref="RetentionOptions.PositionDays"/> go (the unit row keeps its last position).
/// </summary>
public sealed class PositionsRetentionRule(EventPruner pruner, IOptions<RetentionOptions> options) : IRetentionRule
{
    public string Name => "positions";

    public Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct) =>
        RetentionOptions.CutoffMs(now, options.Value.PositionDays) is { } cutoff ? pruner.DeleteOlderThanAsync(cutoff, EventTypes.UnitChanged, ct) : Task.FromResult(0);
}
