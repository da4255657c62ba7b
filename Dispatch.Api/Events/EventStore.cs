using System.Text.Json;
using Dispatch.Api.Database;

namespace Dispatch.Api.Events;

/// <summary>Reads the event feed for clients catching up after a reconnect.</summary>
public sealed class EventStore(Db db)
{
    private static readonly SqlText After = SqlText.Of("EventStore.After", d =>
        $"SELECT seq, type, audience, at, data FROM events WHERE seq > @After AND {d.InList("audience", "@Audiences")} ORDER BY seq" + d.Limit("@Limit"));

    private static readonly SqlText Last = SqlText.Of("EventStore.Last", "SELECT COALESCE(MAX(seq), 0) FROM events");

    private static readonly SqlText AfterSince = SqlText.Of("EventStore.AfterSince", d =>
        $"SELECT seq, type, audience, at, data FROM events WHERE seq > @After AND {d.InList("audience", "@Audiences")} AND at >= @Floor ORDER BY seq" + d.Limit("@Limit"));

    // An event after @After the caller would have received but is older than the floor: it missed some.
    // Cheap either way: a current client has few events after @After, a stale one meets an old one first.
    private static readonly SqlText MissedOne = SqlText.Of("EventStore.MissedOne", d =>
        $"SELECT seq FROM events WHERE seq > @After AND {d.InList("audience", "@Audiences")} AND at < @Floor ORDER BY seq" + d.Limit("@One"));

    private static readonly SqlText Oldest = SqlText.Of("EventStore.Oldest", "SELECT COALESCE(MIN(seq), 0) FROM events");

    public Task<long> LastAsync(CancellationToken ct) => db.ReadAsync(s => s.SingleOrDefaultAsync<long>(Last), ct);

    public Task<IReadOnlyList<EventEnvelope>> AfterAsync(long after, IReadOnlyList<string> audiences, int limit, CancellationToken ct) =>
        audiences.Count == 0
            ? Task.FromResult<IReadOnlyList<EventEnvelope>>([])
            : db.ReadAsync<IReadOnlyList<EventEnvelope>>(async s =>
                (await s.QueryAsync<Row>(After, new { After = after, Audiences = audiences, Limit = limit }))
                .Select(r => new EventEnvelope(r.Seq, r.Type, r.Audience, r.At, JsonDocument.Parse(r.Data).RootElement.Clone()))
                .ToList(), ct);

    /// <summary>
    /// The events after <paramref name="after"/> for <paramref name="audiences"/>, none older than
    /// <paramref name="floorMs"/>; <see cref="EventPage.Truncated"/> when the caller missed events it
    /// can no longer get (older than the floor, or already deleted by retention).
    /// </summary>
    public Task<EventPage> CatchUpAsync(long after, IReadOnlyList<string> audiences, long floorMs, int limit, CancellationToken ct) =>
        audiences.Count == 0
            ? Task.FromResult(new EventPage([], false))
            : db.ReadAsync(async s =>
            {
                var events = (await s.QueryAsync<Row>(AfterSince, new { After = after, Audiences = audiences, Floor = floorMs, Limit = limit }))
                    .Select(r => new EventEnvelope(r.Seq, r.Type, r.Audience, r.At, JsonDocument.Parse(r.Data).RootElement.Clone()))
                    .ToList();
                var oldest = await s.SingleOrDefaultAsync<long>(Oldest);
                var truncated = (oldest > 0 && after < oldest - 1)
                    || await s.SingleOrDefaultAsync<long?>(MissedOne, new { After = after, Audiences = audiences, Floor = floorMs, One = 1 }) is not null;
                return new EventPage(events, truncated);
            }, ct);

    private sealed class Row
    {
        public long Seq { get; init; }
        public string Type { get; init; } = "";
        public string Audience { get; init; } = "";
        public DateTimeOffset At { get; init; }
        public string Data { get; init; } = "";
    }
}

/// <summary>A page of the missed-events feed; <see cref="Truncated"/>: the client must reload its state from the list endpoints.</summary>
public sealed record EventPage(IReadOnlyList<EventEnvelope> Events, bool Truncated);
