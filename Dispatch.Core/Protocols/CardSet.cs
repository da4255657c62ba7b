namespace Dispatch.Core.Protocols;

/// <summary>
/// The cards in use, validated as a whole (each card, and card ids unique across files). Built
/// all at once: one broken card refuses the whole new set, so the last good set stays in use.
/// </summary>
public sealed class CardSet
{
    private readonly Dictionary<string, ProtocolCard> _byId;

    private CardSet(IReadOnlyList<ProtocolCard> cards)
    {
        Cards = cards;
        _byId = cards.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public static readonly CardSet Empty = new([]);

    /// <summary>A set of cards already validated one by one (ids unique: one per stored card).</summary>
    public static CardSet Of(IEnumerable<ProtocolCard> cards) => new(cards.OrderBy(c => c.Id, StringComparer.Ordinal).ToList());

    public IReadOnlyList<ProtocolCard> Cards { get; }

    public ProtocolCard? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Parses every (origin, json); throws the first <see cref="CardInvalid"/>.</summary>
    public static CardSet Parse(IEnumerable<(string Origin, string Json)> files)
    {
        var cards = new List<ProtocolCard>();
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (origin, json) in files)
        {
            var card = CardParser.Parse(origin, json);
            if (!origins.TryAdd(card.Id, origin))
                throw new CardInvalid(origin, card.Id, "id", $"duplicate card id, also in {origins[card.Id]}");
            cards.Add(card);
        }
        return Of(cards);
    }

}
