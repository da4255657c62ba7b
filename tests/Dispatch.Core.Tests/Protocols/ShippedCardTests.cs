using System.Text.Json;
using Dispatch.Core.Incidents;
using Dispatch.Core.Protocols;

namespace Dispatch.Core.Tests.Protocols;

/// <summary>
/// Every card shipped in Dispatch.Api/Protocols/Cards (enumerated, so a new file is covered):
/// it parses, every rule is the first match for its own answers and gives its colour, and the
/// life threats every card asks about suggest merah.
/// </summary>
public sealed class ShippedCardTests
{
    public static readonly string[] RequiredCards =
        ["cardiac-arrest", "breathing-difficulty", "chest-pain", "stroke", "seizure", "heavy-bleeding", "road-traffic",
         "fall-trauma", "burns", "poisoning", "pregnancy-childbirth", "general"];

    public static IEnumerable<string> Files() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ProtocolCards"), "*.json").Select(Path.GetFileName).OfType<string>().Order();

    private static ProtocolCard Load(string file) =>
        CardParser.Parse(file, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ProtocolCards", file)));

    [Test]
    public void The_shipped_set_has_every_required_card_once()
    {
        var set = CardSet.Parse(Files().Select(f => (f, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ProtocolCards", f)))));
        Assert.That(set.Cards.Select(c => c.Id), Is.SupersetOf(RequiredCards));
    }

    [TestCaseSource(nameof(Files))]
    public void Each_rule_is_reachable_and_gives_its_colour(string file)
    {
        var card = Load(file);
        Assert.That(card.Rules, Is.Not.Empty, "a card without rules always suggests its default");
        for (var i = 0; i < card.Rules.Count; i++)
        {
            var advice = card.Advise(card.Rules[i].When);
            Assert.That((advice.RuleIndex, advice.SuggestedTriage), Is.EqualTo(((int?)i, card.Rules[i].Triage)), $"{card.Id} rules[{i}]");
        }
        Assert.That(card.Advise(new Dictionary<string, string>()), Has.Property(nameof(ProtocolAdvice.RuleIndex)).Null
            .And.Property(nameof(ProtocolAdvice.SuggestedTriage)).EqualTo(card.DefaultTriage));
    }

    [TestCaseSource(nameof(Files))]
    public void A_life_threat_the_card_asks_about_suggests_merah(string file)
    {
        var card = Load(file);
        var threats = new Dictionary<string, string> { ["awake"] = "no", ["breathing-normally"] = "no", ["heavy-bleeding"] = "yes" };
        var asked = threats.Where(t => card.Question(t.Key) is not null).ToList();
        if (card.Id == "seizure") asked = [new("breathing-normally", "no")]; // breathing is judged once the fit has stopped
        foreach (var (question, answer) in asked)
        {
            var answers = new Dictionary<string, string> { [question] = answer };
            if (card.Id == "seizure") answers["still-fitting"] = "no";
            Assert.That(card.Advise(answers).SuggestedTriage, Is.EqualTo(Triage.Merah), $"{card.Id}: {question}={answer}");
        }
    }

    [TestCaseSource(nameof(Files))]
    public void It_is_a_cited_sample_with_both_languages(string file)
    {
        var card = Load(file);
        Assert.Multiple(() =>
        {
            Assert.That(Path.GetFileNameWithoutExtension(file), Is.EqualTo(card.Id), "file name = card id");
            Assert.That(card.Approval.Status, Is.EqualTo(CardApproval.Sample), "shipped cards are samples until the medical lead approves them");
            Assert.That(card.Sources.All(s => s.Url.StartsWith("https://", StringComparison.Ordinal)), Is.True);
            Assert.That(card.Instructions.All(i => i.Id != i.En), Is.True, "every step is translated");
        });
    }

    [Test]
    public void Only_compressions_on_the_cardiac_arrest_card_run_the_metronome()
    {
        var cards = Files().Select(Load).ToList();
        var withMetronome = cards.Where(c => c.Metronome || c.Rules.Any(r => r.Metronome)).Select(c => c.Id);
        Assert.That(withMetronome, Is.EqualTo(new[] { "cardiac-arrest" }));
    }

    /// <summary>
    /// AHA T-CPR: compressions for a person who is unresponsive and not breathing normally, and only
    /// then; anyone else on this card is watched and reassessed. Nothing answered yet is presumed merah.
    /// </summary>
    [TestCase("no", "no", "merah", true)]
    [TestCase("yes", "no", "merah", false)]
    [TestCase("no", "yes", "merah", false)]
    [TestCase("yes", "yes", "kuning", false)]
    public void Cpr_instructions_follow_only_unresponsive_and_not_breathing_normally(string awake, string breathing, string triage, bool cpr)
    {
        var card = Load("cardiac-arrest.json");
        var advice = card.Advise(new Dictionary<string, string> { ["awake"] = awake, ["breathing-normally"] = breathing });
        var compressions = advice.Instructions.Any(i => i.En.Contains("Push hard and fast", StringComparison.Ordinal));
        Assert.That((advice.SuggestedTriage.ToString().ToLowerInvariant(), advice.Metronome, compressions), Is.EqualTo((triage, cpr, cpr)));
        Assert.That(card.Advise(new Dictionary<string, string>()).SuggestedTriage.ToString().ToLowerInvariant(), Is.EqualTo("merah"), "nothing answered");
    }

    [Test]
    public void Answers_are_checked_against_the_questions()
    {
        var card = Load("poisoning.json");
        var given = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""{ "awake": true, "substance": "pesticide-x", "colour": "no", "breathing-normally": "no" }""")!;
        var result = ProtocolAnswers.Check(card, given);
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Select(e => e.Field), Is.EquivalentTo(new[] { "answers.substance", "answers.colour" }));
            Assert.That(result.Answers, Is.EquivalentTo(new Dictionary<string, string> { ["awake"] = "yes", ["breathing-normally"] = "no" }));
        });
    }
}
