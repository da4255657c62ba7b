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
        return new CardSet(cards.OrderBy(c => c.Id, StringComparer.Ordinal).ToList());
    }

    /// <summary>This set with one card replaced or added (an administrator's edit), validated.</summary>
    public CardSet With(ProtocolCard card) =>
        new(Cards.Where(c => c.Id != card.Id).Append(card).OrderBy(c => c.Id, StringComparer.Ordinal).ToList());
}
