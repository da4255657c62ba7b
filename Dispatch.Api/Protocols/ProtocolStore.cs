using Dispatch.Api.Database;

namespace Dispatch.Api.Protocols;

/// <summary>The protocol_cards (every version of every card) and protocol_uses tables.</summary>
public sealed class ProtocolStore
{
    /// <summary>The <c>changed_by</c> of a version seeded from a shipped file.</summary>
    public const string Shipped = "shipped";

    private static readonly SqlText SelectAll = SqlText.Of("ProtocolStore.SelectAll",
        "SELECT card_id AS CardId, version AS Version, json AS Json, changed_by AS ChangedBy, changed_at AS ChangedAt " +
        "FROM protocol_cards ORDER BY card_id, version DESC");

    private static readonly SqlText CountRows = SqlText.Of("ProtocolStore.CountRows", "SELECT COUNT(*) FROM protocol_cards");

    private static readonly SqlText Insert = SqlText.Of("ProtocolStore.Insert",
        "INSERT INTO protocol_cards (card_id, version, json, changed_by, changed_at) VALUES (@CardId, @Version, @Json, @ChangedBy, @ChangedAt)");

    // Two nodes starting together on a new database (or after a card upgrade) seed the same version:
    // the second one keeps the first one's row instead of failing its start.
    private static readonly SqlText InsertShipped = SqlText.Of("ProtocolStore.InsertShipped", d => d.Name == "sqlserver"
        ? "IF NOT EXISTS (SELECT 1 FROM protocol_cards WITH (UPDLOCK, HOLDLOCK) WHERE card_id = @CardId AND version = @Version) " +
          "INSERT INTO protocol_cards (card_id, version, json, changed_by, changed_at) VALUES (@CardId, @Version, @Json, @ChangedBy, @ChangedAt)"
        : "INSERT INTO protocol_cards (card_id, version, json, changed_by, changed_at) VALUES (@CardId, @Version, @Json, @ChangedBy, @ChangedAt) " +
          "ON CONFLICT (card_id, version) DO NOTHING");

    private static readonly SqlText InsertUse = SqlText.Of("ProtocolStore.InsertUse",
        "INSERT INTO protocol_uses (incident_id, card_id, card_version, suggested_triage, at, actor) " +
        "VALUES (@IncidentId, @CardId, @CardVersion, @SuggestedTriage, @At, @Actor)");

    public sealed class Row
    {
        public string CardId { get; init; } = "";
        public int Version { get; init; }
        public string Json { get; init; } = "";
        public string ChangedBy { get; init; } = "";
        public long ChangedAt { get; init; }
    }

    public async Task<IReadOnlyList<Row>> AllAsync(DbSession s) => (await s.QueryAsync<Row>(SelectAll)).ToList();

    public async Task<long> CountAsync(DbSession s) => await s.SingleOrDefaultAsync<long>(CountRows);

    /// <summary>Stores a version; a shipped one (<paramref name="shipped"/>) already stored by another node is left as it is.</summary>
    public Task AddAsync(DbSession s, string cardId, int version, string json, bool shipped = false) =>
        s.ExecuteAsync(shipped ? InsertShipped : Insert, new { CardId = cardId, Version = version, Json = json, ChangedBy = s.Actor, ChangedAt = s.Now.ToUnixTimeMilliseconds() });

    public Task AddUseAsync(DbSession s, long incidentId, string cardId, int cardVersion, Core.Incidents.Triage suggested) =>
        s.ExecuteAsync(InsertUse, new
        {
            IncidentId = incidentId, CardId = cardId, CardVersion = cardVersion, SuggestedTriage = suggested.ToString(),
            At = s.Now.ToUnixTimeMilliseconds(), Actor = s.Actor,
        });
}
