using System.Text.Json;
using Dispatch.Core.Incidents;

namespace Dispatch.Core.Protocols;

/// <summary>
/// Reads and validates one card's JSON. Every problem is a <see cref="CardInvalid"/> naming the
/// origin, the card and the field; a card that parses is safe to evaluate (ids unique, rules only
/// about its own questions and answers, every rule reachable, texts in both languages, sources and
/// an approval present).
/// </summary>
public static class CardParser
{
    public const int MaxQuestions = 20;
    public const int MaxInstructions = 40;

    public static ProtocolCard Parse(string origin, string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException e) { throw new CardInvalid(origin, null, "$", $"not valid JSON ({e.Message})"); }
        using (document)
        {
            var root = new CardReader(origin, null, document.RootElement, "");
            var id = root.Text("id");
            if (!IsId(id)) throw root.Fail("id", "use lower-case letters, digits and '-' (at most 64)");
            return Read(root with { CardId = id }, id);
        }
    }

    private static ProtocolCard Read(CardReader card, string id)
    {
        var version = card.Int("version");
        if (version < 1) throw card.Fail("version", "must be 1 or more");
        var questions = card.Array("questions", MaxQuestions).Select(ReadQuestion).ToList();
        Unique(card, "questions", questions.Select(q => q.Id));
        var rules = card.Array("rules", 100).Select((r, i) => ReadRule(r, questions)).ToList();
        CheckReachable(card, rules);
        var instructions = card.Array("instructions", MaxInstructions).Select(i => i.Local(null)).ToList();
        if (instructions.Count == 0) throw card.Fail("instructions", "at least one instruction step is required");
        var sources = card.Array("sources", 20).Select(s => new CardSource(s.Text("title"), s.Text("publisher"), s.Int("year"), s.Url("url"))).ToList();
        if (sources.Count == 0) throw card.Fail("sources", "cite at least one public source (title, publisher, year, url)");
        var approval = card.Object("approval");
        var status = approval.Text("status");
        if (status is not (CardApproval.Sample or CardApproval.Approved))
            throw approval.Fail("status", $"must be '{CardApproval.Sample}' or '{CardApproval.Approved}'");
        var approvedBy = approval.OptionalText("approvedBy");
        if (status == CardApproval.Approved && approvedBy is null) throw approval.Fail("approvedBy", "an approved card names who approved it");
        var keywords = card.Object("keywords");
        return new ProtocolCard(id, version, card.Local("title"),
            keywords.Strings("id").Concat(keywords.Strings("en")).ToList(),
            questions, rules, card.Triage("defaultTriage"), instructions,
            card.OptionalBool("metronome") ?? false, sources,
            new CardApproval(status, approvedBy, approval.OptionalText("note")));
    }

    private static Question ReadQuestion(CardReader q)
    {
        var id = q.Text("id");
        if (!IsId(id)) throw q.Fail("id", "use lower-case letters, digits and '-'");
        var kind = q.Text("type") switch
        {
            "yesno" => QuestionKind.YesNo,
            "choice" => QuestionKind.Choice,
            _ => throw q.Fail("type", "must be 'yesno' or 'choice'"),
        };
        var choices = kind == QuestionKind.Choice
            ? q.Array("choices", 9).Select(c => new QuestionChoice(c.Text("id"), c.Local("text"))).ToList()
            : [];
        if (kind == QuestionKind.Choice && choices.Count < 2) throw q.Fail("choices", "a choice question needs at least two choices");
        Unique(q, "choices", choices.Select(c => c.Id));
        return new Question(id, kind, q.Local("text"), choices);
    }

    private static TriageRule ReadRule(CardReader r, IReadOnlyList<Question> questions)
    {
        var when = r.Object("when");
        var conditions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (questionId, value) in when.Properties())
        {
            var question = questions.FirstOrDefault(q => q.Id == questionId) ?? throw when.Fail(questionId, "unknown question");
            var answer = value.ValueKind switch
            {
                JsonValueKind.True => Question.Yes,
                JsonValueKind.False => Question.No,
                JsonValueKind.String => value.GetString()!,
                _ => throw when.Fail(questionId, "must be an answer (yes/no or a choice id)"),
            };
            if (!question.Accepts(answer)) throw when.Fail(questionId, $"'{answer}' is not an answer of this question");
            conditions[questionId] = answer;
        }
        if (conditions.Count == 0) throw r.Fail("when", "a rule names at least one answer (use defaultTriage for the rest)");
        IReadOnlyList<LocalText>? steps = r.Has("instructions") ? r.Array("instructions", MaxInstructions).Select(i => i.Local(null)).ToList() : null;
        if (steps is { Count: 0 }) throw r.Fail("instructions", "a rule's own instructions need at least one step (leave them out for the card's)");
        var metronome = r.OptionalBool("metronome") ?? false;
        if (metronome && steps is null) throw r.Fail("metronome", "only a rule with its own instructions sets the metronome");
        return new TriageRule(conditions, r.Triage("triage"), steps, metronome);
    }

    // A rule whose conditions include all of an earlier rule's can never be the first match.
    private static void CheckReachable(CardReader card, IReadOnlyList<TriageRule> rules)
    {
        for (var later = 0; later < rules.Count; later++)
            for (var earlier = 0; earlier < later; earlier++)
                if (rules[earlier].Matches(rules[later].When))
                    throw card.Fail($"rules[{later}]", $"can never apply: rules[{earlier}] matches whenever it does");
    }

    private static void Unique(CardReader at, string field, IEnumerable<string> ids)
    {
        var duplicate = ids.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw at.Fail(field, $"duplicate id '{duplicate.Key}'");
    }

    internal static bool IsId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    internal static Triage ParseTriage(string value) => value switch
    {
        "merah" => Incidents.Triage.Merah,
        "kuning" => Incidents.Triage.Kuning,
        "hijau" => Incidents.Triage.Hijau,
        "hitam" => Incidents.Triage.Hitam,
        _ => throw new FormatException(),
    };
}
