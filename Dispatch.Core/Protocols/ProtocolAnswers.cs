using System.Text.Json;

namespace Dispatch.Core.Protocols;

/// <summary>
/// The operator's answers checked against a card's questions: yes/no as <c>true</c>/<c>false</c>
/// or <c>"yes"</c>/<c>"no"</c>, a choice as its id. Unanswered questions are allowed (the caller
/// may not know); an unknown question or a value the question does not offer is an error naming
/// <c>answers.&lt;questionId&gt;</c>.
/// </summary>
public static class ProtocolAnswers
{
    public sealed record Checked(IReadOnlyDictionary<string, string> Answers, IReadOnlyList<(string Field, string Problem)> Errors);

    public static Checked Check(ProtocolCard card, IReadOnlyDictionary<string, JsonElement>? given)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<(string, string)>();
        foreach (var (questionId, value) in given ?? new Dictionary<string, JsonElement>())
        {
            var field = $"answers.{questionId}";
            if (card.Question(questionId) is not { } question)
            {
                errors.Add((field, $"Card '{card.Id}' has no question '{questionId}'."));
                continue;
            }
            var answer = value.ValueKind switch
            {
                JsonValueKind.True => Question.Yes,
                JsonValueKind.False => Question.No,
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => "",
            };
            if (answer is null) continue; // not answered
            if (question.Accepts(answer)) answers[questionId] = answer;
            else errors.Add((field, question.Kind == QuestionKind.YesNo
                ? "Answer yes or no (true or false)."
                : $"Answer one of: {string.Join(", ", question.Choices.Select(c => c.Id))}."));
        }
        return new Checked(answers, errors);
    }
}
