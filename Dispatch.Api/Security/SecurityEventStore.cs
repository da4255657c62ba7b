using System.Text.Json;
using Dispatch.Api.Database;

namespace Dispatch.Api.Security;

/// <summary>The security_events table: appended in batches by the writer, read newest first by administrators.</summary>
public sealed class SecurityEventStore(Db db)
{
    /// <summary>Details longer than this (JSON) are replaced by a note: they are short ids and codes by design.</summary>
    public const int MaxDetails = 2000;

    private static readonly SqlText Insert = SqlText.Of("SecurityEventStore.Insert",
        "INSERT INTO security_events (at, kind, actor, address, details) VALUES (@At, @Kind, @Actor, @Address, @Details)");

    private static readonly SqlText Between = SqlText.Of("SecurityEventStore.Between", d =>
        "SELECT id, at, kind, actor, address, details FROM security_events " +
        "WHERE at >= @From AND at < @To AND id < @Before ORDER BY id DESC" + d.Limit("@Limit"));

    public Task WriteAsync(IReadOnlyList<SecurityEvent> batch, CancellationToken ct) =>
        db.WriteAsync("security", async s =>
        {
            foreach (var e in batch)
            {
                await s.ExecuteAsync(Insert, new
                {
                    At = e.At.ToUnixTimeMilliseconds(), e.Kind, e.Actor, e.Address, Details = Serialize(e.Details),
                });
            }
            return batch.Count;
        }, ct);

    /// <summary>Events from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), newest first, below id <paramref name="before"/>.</summary>
    public Task<IReadOnlyList<SecurityEventView>> ListAsync(DateTimeOffset from, DateTimeOffset to, long before, int limit, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<SecurityEventView>>(async s => (await s.QueryAsync<Row>(Between, new
            {
                From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds(), Before = before, Limit = limit,
            }))
            .Select(r => new SecurityEventView(r.Id, r.At, r.Kind, r.Actor, r.Address,
                r.Details is null ? null : JsonDocument.Parse(r.Details).RootElement.Clone()))
            .ToList(), ct);

    private static string? Serialize(object? details)
    {
        if (details is null) return null;
        var json = JsonSerializer.Serialize(details, Json.Options);
        return json.Length <= MaxDetails ? json : JsonSerializer.Serialize(new { truncated = true }, Json.Options);
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public DateTimeOffset At { get; init; }
        public string Kind { get; init; } = "";
        public string? Actor { get; init; }
        public string? Address { get; init; }
        public string? Details { get; init; }
    }
}
