using Dispatch.Core.Incidents;

namespace Dispatch.Core.Protocols;

/// <summary>A text in both languages of the pages: Bahasa Indonesia (<c>id</c>, the default) and English.</summary>
public sealed record LocalText(string Id, string En)
{
    public bool Contains(string word) =>
        Id.Contains(word, StringComparison.OrdinalIgnoreCase) || En.Contains(word, StringComparison.OrdinalIgnoreCase);
}

public enum QuestionKind { YesNo, Choice }

public sealed record QuestionChoice(string Id, LocalText Text);

/// <summary>A key question; a yes/no one is answered <c>yes</c>/<c>no</c> (or true/false), a choice one with a choice's id.</summary>
public sealed record Question(string Id, QuestionKind Kind, LocalText Text, IReadOnlyList<QuestionChoice> Choices)
{
    public const string Yes = "yes";
    public const string No = "no";

    public bool Accepts(string value) =>
        Kind == QuestionKind.YesNo ? value is Yes or No : Choices.Any(c => c.Id == value);
}

/// <summary>Matches when every question it names was given exactly that answer.</summary>
/// <summary>
/// A rule: when every named answer was given, this triage is suggested and, when the rule has its
/// own <paramref name="Instructions"/>, those are read instead of the card's (CPR only follows the
/// answers that call for it), with the compression metronome when <paramref name="Metronome"/>.
/// </summary>
public sealed record TriageRule(IReadOnlyDictionary<string, string> When, Triage Triage, IReadOnlyList<LocalText>? Instructions = null, bool Metronome = false)
{
    public bool Matches(IReadOnlyDictionary<string, string> answers) =>
        When.All(c => answers.TryGetValue(c.Key, out var given) && given == c.Value);
}

public sealed record CardSource(string Title, string Publisher, int Year, string Url);

/// <summary>
/// Who may use the card: every shipped card is a sample until the PSC's medical lead approves it
/// (<see cref="Approved"/> with <c>approvedBy</c>).
/// </summary>
public sealed record CardApproval(string Status, string? ApprovedBy, string? Note)
{
    public const string Sample = "sample-needs-medical-lead-approval";
    public const string Approved = "approved";

    public bool IsSample => Status != Approved;
}

/// <summary>
/// A protocol card for one chief complaint: key questions, rules turning answers into a suggested
/// triage colour (in order, first match wins, else <see cref="DefaultTriage"/>), and the pre-arrival
/// instructions read to the caller step by step. Cards are data (one JSON file each); see
/// Dispatch.Api/Protocols/Cards/README.md for the format.
/// </summary>
public sealed record ProtocolCard(
    string Id,
    int Version,
    LocalText Title,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<TriageRule> Rules,
    Triage DefaultTriage,
    IReadOnlyList<LocalText> Instructions,
    bool Metronome,
    IReadOnlyList<CardSource> Sources,
    CardApproval Approval)
{
    public Question? Question(string id) => Questions.FirstOrDefault(q => q.Id == id);

    /// <summary>The steps read after rule <paramref name="ruleIndex"/> matched (its own, else the card's); null for no such rule.</summary>
    public IReadOnlyList<LocalText>? InstructionsAfter(int? ruleIndex) =>
        ruleIndex is not { } i ? Instructions : i >= 0 && i < Rules.Count ? Rules[i].Instructions ?? Instructions : null;

    /// <summary>
    /// The suggestion for these (already checked) answers: the first matching rule's colour and, when
    /// it has them, its instructions; else the default colour and the card's instructions.
    /// </summary>
    public ProtocolAdvice Advise(IReadOnlyDictionary<string, string> answers)
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            if (!Rules[i].Matches(answers)) continue;
            var (steps, metronome) = Rules[i].Instructions is { } own ? (own, Rules[i].Metronome) : (Instructions, Metronome);
            return new ProtocolAdvice(Id, Version, Rules[i].Triage, i, steps, metronome, Approval.IsSample);
        }
        return new ProtocolAdvice(Id, Version, DefaultTriage, null, Instructions, Metronome, Approval.IsSample);
    }
}

/// <param name="RuleIndex">The rule that matched (0-based); null when the default applied.</param>
public sealed record ProtocolAdvice(string CardId, int CardVersion, Triage SuggestedTriage, int? RuleIndex,
    IReadOnlyList<LocalText> Instructions, bool Metronome, bool Sample);
