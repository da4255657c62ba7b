using System.Text.Json;
using Dispatch.Api.Database;

namespace Dispatch.Api.Events;

/// <summary>Reads the event feed for clients catching up after a reconnect.</summary>
public sealed class EventStore(Db db)
{
    private static readonly SqlText After = SqlText.Of("EventStore.After", d =>
        $"SELECT seq, type, audience, at, data FROM events WHERE seq > @After AND {d.InList("audience", "@Audiences")} ORDER BY seq" + d.Limit("@Limit"));

    private static readonly SqlText Last = SqlText.Of("EventStore.Last", "SELECT COALESCE(MAX(seq), 0) FROM events");

    public Task<long> LastAsync(CancellationToken ct) => db.ReadAsync(s => s.SingleOrDefaultAsync<long>(Last), ct);

    public Task<IReadOnlyList<EventEnvelope>> AfterAsync(long after, IReadOnlyList<string> audiences, int limit, CancellationToken ct) =>
        audiences.Count == 0
            ? Task.FromResult<IReadOnlyList<EventEnvelope>>([])
            : db.ReadAsync<IReadOnlyList<EventEnvelope>>(async s =>
                (await s.QueryAsync<Row>(After, new { After = after, Audiences = audiences, Limit = limit }))
                .Select(r => new EventEnvelope(r.Seq, r.Type, r.Audience, r.At, JsonDocument.Parse(r.Data).RootElement.Clone()))
                .ToList(), ct);

    private sealed class Row
    {
        public long Seq { get; init; }
        public string Type { get; init; } = "";
        public string Audience { get; init; } = "";
        public DateTimeOffset At { get; init; }
        public string Data { get; init; } = "";
    }
}
