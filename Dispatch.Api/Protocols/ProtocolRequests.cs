using System.Text.Json;
using Dispatch.Api.Http;

namespace Dispatch.Api.Protocols;

/// <param name="Answers">Question id to answer: true/false (or "yes"/"no") for yes/no questions, a choice id otherwise.</param>
public sealed record ProtocolRequest(string? CardId, Dictionary<string, JsonElement>? Answers)
{
    public Validation Validate() => new Validation().Required("cardId", CardId, 64)
        .Check(Answers is null || Answers.Count <= Core.Protocols.CardParser.MaxQuestions, "answers", "Too many answers.");
}

/// <param name="Step">The instruction's index, from 0, among the steps the advice gave.</param>
/// <param name="RuleIndex">The advice's <c>ruleIndex</c> (a rule may carry its own steps); absent or null: the card's steps.</param>
public sealed record InstructionGivenRequest(string? CardId, int? Step, int? RuleIndex = null)
{
    public Validation Validate() => new Validation().Required("cardId", CardId, 64)
        .Check(Step is >= 0 and < Core.Protocols.CardParser.MaxInstructions, "step", "'step' is the instruction's index on the card, from 0.");
}

/// <param name="Version">The stored version to bring back (it becomes a new version).</param>
public sealed record RevertRequest(int? Version)
{
    public Validation Validate() => new Validation().Check(Version is > 0, "version", "'version' is required: a stored version of the card.");
}

/// <summary>What the operator reads: the suggestion (never applied by itself), the steps, and the incident's triage now.</summary>
public sealed record ProtocolResult(string CardId, int CardVersion, Core.Incidents.Triage SuggestedTriage, Core.Incidents.Triage? CurrentTriage,
    int? RuleIndex, IReadOnlyList<Core.Protocols.LocalText> Instructions, bool Metronome, bool Sample);

/// <summary>One stored version of a card, for the administrators.</summary>
public sealed record CardVersionView(int Version, string ChangedBy, DateTimeOffset ChangedAt, bool InUse, string? Problem, JsonElement Card);

public sealed record CardAdminView(string CardId, IReadOnlyList<CardVersionView> Versions);

public sealed record CardAdminList(IReadOnlyList<CardAdminView> Cards, IReadOnlyList<CardProblem> Problems);
