using System.Text.Json.Nodes;
using Dispatch.Core.Protocols;

namespace Dispatch.Core.Tests.Protocols;

/// <summary>A broken card is refused with the card, the file and the field named.</summary>
public sealed class CardValidationTests
{
    internal const string Valid = """
        {
          "id": "test-card", "version": 2,
          "title": { "id": "Uji", "en": "Test" },
          "keywords": { "id": ["uji"], "en": ["test"] },
          "questions": [
            { "id": "awake", "type": "yesno", "text": { "id": "Sadar?", "en": "Awake?" } },
            { "id": "kind", "type": "choice", "text": { "id": "Jenis?", "en": "Kind?" },
              "choices": [ { "id": "a", "text": { "id": "A", "en": "A" } }, { "id": "b", "text": { "id": "B", "en": "B" } } ] }
          ],
          "rules": [
            { "when": { "awake": "no" }, "triage": "merah" },
            { "when": { "kind": "a", "awake": true }, "triage": "kuning" }
          ],
          "defaultTriage": "hijau",
          "instructions": [ { "id": "Langkah", "en": "Step" } ],
          "sources": [ { "title": "T", "publisher": "P", "year": 2021, "url": "https://example.org/x" } ],
          "approval": { "status": "sample-needs-medical-lead-approval" }
        }
        """;

    [Test]
    public void A_valid_card_parses_and_advises_in_order()
    {
        var card = CardParser.Parse("test-card.json", Valid);
        Assert.Multiple(() =>
        {
            Assert.That(card.Advise(new Dictionary<string, string> { ["awake"] = "no", ["kind"] = "a" }).SuggestedTriage, Is.EqualTo(Dispatch.Core.Incidents.Triage.Merah));
            Assert.That(card.Advise(new Dictionary<string, string> { ["awake"] = "yes", ["kind"] = "a" }).SuggestedTriage, Is.EqualTo(Dispatch.Core.Incidents.Triage.Kuning));
            Assert.That(card.Advise(new Dictionary<string, string> { ["awake"] = "yes", ["kind"] = "b" }).SuggestedTriage, Is.EqualTo(Dispatch.Core.Incidents.Triage.Hijau));
            Assert.That(card.Keywords, Is.EqualTo(new[] { "uji", "test" }));
        });
    }

    private static readonly (string Name, Action<JsonObject> Break, string Field, string Problem)[] Breaks =
    [
        ("unknown question in a rule", c => c["rules"]![0]!["when"] = new JsonObject { ["breathing"] = "no" }, "rules[0].when.breathing", "unknown question"),
        ("answer not offered", c => c["rules"]![1]!["when"]!["kind"] = "c", "rules[1].when.kind", "'c' is not an answer"),
        ("duplicate question id", c => c["questions"]![1]!["id"] = "awake", "questions", "duplicate id 'awake'"),
        ("duplicate choice id", c => c["questions"]![1]!["choices"]![1]!["id"] = "a", "questions[1].choices", "duplicate id 'a'"),
        ("missing English title", c => c["title"]!.AsObject().Remove("en"), "title.en", "is required"),
        ("empty Indonesian step", c => c["instructions"]![0]!["id"] = " ", "instructions[0].id", "must not be empty"),
        ("bad triage", c => c["rules"]![0]!["triage"] = "red", "rules[0].triage", "not a triage colour"),
        ("bad default triage", c => c["defaultTriage"] = "biru", "defaultTriage", "not a triage colour"),
        ("no instructions", c => c["instructions"] = new JsonArray(), "instructions", "at least one"),
        ("no sources", c => c["sources"] = new JsonArray(), "sources", "cite at least one"),
        ("source without address", c => c["sources"]![0]!.AsObject().Remove("url"), "sources[0].url", "is required"),
        ("no approval", c => c.Remove("approval"), "approval", "is required"),
        ("unknown approval", c => c["approval"]!["status"] = "ok", "approval.status", "must be"),
        ("approved by nobody", c => c["approval"]!["status"] = "approved", "approval.approvedBy", "names who approved"),
        ("unreachable rule", c => c["rules"]!.AsArray().Add(new JsonObject { ["when"] = new JsonObject { ["awake"] = "no", ["kind"] = "b" }, ["triage"] = "hitam" }), "rules[2]", "can never apply"),
        ("rule without answers", c => c["rules"]![0]!["when"] = new JsonObject(), "rules[0].when", "at least one answer"),
        ("choice question with one choice", c => c["questions"]![1]!["choices"]!.AsArray().RemoveAt(1), "questions[1].choices", "at least two"),
        ("bad id", c => c["id"] = "Test Card", "id", "lower-case"),
        ("version zero", c => c["version"] = 0, "version", "1 or more"),
    ];

    public static IEnumerable<TestCaseData> BrokenCards() => Breaks.Select(b => new TestCaseData(b.Break, b.Field, b.Problem).SetName($"Broken card: {b.Name}"));

    [TestCaseSource(nameof(BrokenCards))]
    public void A_broken_card_names_the_card_file_and_field(Action<JsonObject> breakIt, string field, string problem)
    {
        var json = JsonNode.Parse(Valid)!.AsObject();
        breakIt(json);
        var error = Assert.Throws<CardInvalid>(() => CardParser.Parse("test-card.json", json.ToJsonString()))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Field, Is.EqualTo(field));
            Assert.That(error.Problem, Does.Contain(problem));
            Assert.That(error.Message, Does.Contain("test-card.json").And.Contain(field));
            if (field != "id") Assert.That(error.Message, Does.Contain("'test-card'"));
        });
    }

    [Test]
    public void Malformed_json_names_the_file()
    {
        var error = Assert.Throws<CardInvalid>(() => CardParser.Parse("broken.json", "{ \"id\": "))!;
        Assert.That(error.Message, Does.Contain("broken.json").And.Contain("not valid JSON"));
    }

    [Test]
    public void Two_files_with_one_card_id_are_refused()
    {
        var error = Assert.Throws<CardInvalid>(() => CardSet.Parse([("a.json", Valid), ("b.json", Valid)]))!;
        Assert.That(error.Message, Does.Contain("b.json").And.Contain("a.json").And.Contain("duplicate card id"));
    }
}
