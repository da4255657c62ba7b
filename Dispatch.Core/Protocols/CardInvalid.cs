namespace Dispatch.Core.Protocols;

/// <summary>
/// A card file that cannot be used: names the file (or where the JSON came from), the card id when
/// known and the field (a JSON path such as <c>rules[2].when.breathing</c>).
/// </summary>
public sealed class CardInvalid(string origin, string? cardId, string field, string problem)
    : Exception($"Protocol card {(cardId is null ? "" : $"'{cardId}' ")}({origin}): {field}: {problem}")
{
    public string Origin { get; } = origin;
    public string? CardId { get; } = cardId;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
