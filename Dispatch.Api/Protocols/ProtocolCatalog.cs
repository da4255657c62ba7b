using Dispatch.Api.Database;
using Dispatch.Core.Protocols;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Protocols;

/// <summary>A card version that cannot be used, named for the administrator (and the log).</summary>
public sealed record CardProblem(string? CardId, string Origin, string Field, string Message)
{
    public static CardProblem From(CardInvalid e) => new(e.CardId, e.Origin, e.Field, e.Message);
}

/// <summary>
/// The cards in use on this node: per card, the newest stored version that validates. Seeded from
/// the shipped files at start; re-read whenever the table has changed (an edit on any node adds a
/// row, so a row count that moved means reload). A version that fails validation is reported
/// (<see cref="Problems"/>) and the card's last good version stays in use.
/// </summary>
public sealed partial class ProtocolCatalog(Db db, ProtocolStore store, IOptions<ProtocolOptions> options, ILogger<ProtocolCatalog> log)
{
    private sealed record State(CardSet Set, long Rows, IReadOnlyList<CardProblem> Problems);

    private volatile State _state = new(CardSet.Empty, -1, []);
    private IReadOnlyList<CardProblem> _shippedProblems = [];

    public IReadOnlyList<CardProblem> Problems => [.. _shippedProblems, .. _state.Problems];

    /// <summary>
    /// Stores each valid shipped card as a new version when the database has none of it, or when the
    /// file is newer and no administrator has edited the card (an edit is never overwritten by an upgrade).
    /// </summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        var shipped = new List<(ProtocolCard Card, string Json)>();
        var problems = new List<CardProblem>();
        foreach (var file in Directory.Exists(options.Value.Folder) ? Directory.GetFiles(options.Value.Folder, "*.json").Order().ToArray() : [])
        {
            var json = await File.ReadAllTextAsync(file, ct);
            try { shipped.Add((CardParser.Parse(Path.GetFileName(file), json), json)); }
            catch (CardInvalid e) { problems.Add(CardProblem.From(e)); LogInvalid(e.Message); }
        }
        _shippedProblems = problems;
        await db.WriteAsync(ProtocolStore.Shipped, async s =>
        {
            var stored = (await store.AllAsync(s)).ToLookup(r => r.CardId);
            foreach (var (card, json) in shipped)
            {
                var rows = stored[card.Id].ToList();
                var newer = rows.Count == 0 || rows.All(r => r.ChangedBy == ProtocolStore.Shipped) && card.Version > rows.Max(r => r.Version);
                if (newer) await store.AddAsync(s, card.Id, card.Version, json, shipped: true);
            }
            return 0;
        }, ct);
        await CurrentAsync(ct);
    }

    public async Task<CardSet> CurrentAsync(CancellationToken ct)
    {
        var state = _state;
        var rows = await db.ReadAsync(store.CountAsync, ct);
        if (rows == state.Rows) return state.Set;
        var all = await db.ReadAsync(store.AllAsync, ct);
        var cards = new List<ProtocolCard>();
        var problems = new List<CardProblem>();
        foreach (var versions in all.GroupBy(r => r.CardId))
        {
            foreach (var row in versions) // newest first
            {
                try { cards.Add(Read(row)); break; }
                catch (CardInvalid e) { problems.Add(CardProblem.From(e)); LogInvalid(e.Message); }
            }
        }
        var set = CardSet.Of(cards);
        _state = new State(set, all.Count, problems);
        return set;
    }

    /// <summary>A stored version as a card; the row's id and version win over what the JSON says.</summary>
    public static ProtocolCard Read(ProtocolStore.Row row)
    {
        var card = CardParser.Parse($"{row.CardId} v{row.Version}", row.Json);
        if (card.Id != row.CardId) throw new CardInvalid($"{row.CardId} v{row.Version}", card.Id, "id", $"the stored version belongs to card '{row.CardId}'");
        return card with { Version = row.Version };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem} The card's last good version stays in use.")]
    private partial void LogInvalid(string problem);
}
