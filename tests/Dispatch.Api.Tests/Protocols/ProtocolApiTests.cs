using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Protocols;

/// <summary>
/// The protocol API on each database: the shipped cards are served, running a card suggests a
/// triage without changing the incident's, the answers are logged sealed, instructions given are
/// logged, an administrator's broken edit is refused naming card and field while the last good
/// version stays, and the report counts suggestions the operator did not follow.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class ProtocolApiTests(string database) : ApiTest(database)
{
    [Test]
    public async Task The_shipped_cards_are_served_as_samples()
    {
        using var op = await Api.AsAsync("operator1");
        var cards = await ApiClient.OkJsonAsync(await op.GetAsync("/api/protocols"));
        var ids = cards.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.That(ids, Is.SupersetOf(new[] { "cardiac-arrest", "general", "burns", "pregnancy-childbirth" }));
        var cpr = await ApiClient.OkJsonAsync(await op.GetAsync("/api/protocols/cardiac-arrest"));
        Assert.Multiple(() =>
        {
            Assert.That(cpr.GetProperty("rules")[0].GetProperty("metronome").GetBoolean(), Is.True, "compressions come with the metronome");
            Assert.That(cpr.GetProperty("approval").GetProperty("status").GetString(), Is.EqualTo("sample-needs-medical-lead-approval"));
            Assert.That(cpr.GetProperty("instructions")[0].GetProperty("id").GetString(), Does.Contain("speaker"));
        });
        Assert.That((await op.GetAsync("/api/protocols/no-such-card")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Running_a_card_suggests_logs_sealed_answers_and_leaves_the_triage_to_the_operator()
    {
        using var op = await Api.AsAsync("operator1");
        var incidentId = await Api.OpenIncidentAsync(op, $"protocol-{Guid.NewGuid():n}", triage: "hijau");
        var result = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/protocol",
            new { cardId = "cardiac-arrest", answers = new Dictionary<string, object> { ["awake"] = false, ["breathing-normally"] = "no" } }));
        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("suggestedTriage").GetString(), Is.EqualTo("merah"));
            Assert.That(result.GetProperty("currentTriage").GetString(), Is.EqualTo("hijau"));
            Assert.That(result.GetProperty("instructions").GetArrayLength(), Is.EqualTo(7));
            Assert.That(result.GetProperty("metronome").GetBoolean(), Is.True);
        });
        var incident = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"));
        Assert.That(incident.GetProperty("triage").GetString(), Is.EqualTo("hijau"), "a suggestion never sets the triage");

        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/protocol/instructions", new { cardId = "cardiac-arrest", step = 3, ruleIndex = result.GetProperty("ruleIndex").GetInt32() }));
        var log = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/log"));
        var used = log.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "protocol.used").GetProperty("details");
        Assert.Multiple(() =>
        {
            Assert.That(used.GetProperty("cardId").GetString(), Is.EqualTo("cardiac-arrest"));
            Assert.That(used.GetProperty("cardVersion").GetInt32(), Is.EqualTo(2));
            Assert.That(used.GetProperty("suggestedTriage").GetString(), Is.EqualTo("merah"));
            Assert.That(used.GetProperty("answers").GetProperty("breathing-normally").GetString(), Is.EqualTo("no"));
            Assert.That(log.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "protocol.instruction").GetProperty("details").GetProperty("step").GetInt32(), Is.EqualTo(3));
        });

        using var db = App.OpenDatabase();
        var raw = db.ExecuteScalar<string>("SELECT details FROM incident_log WHERE incident_id = @Id AND action = 'protocol.used'", new { Id = incidentId })!;
        Assert.That(raw, Does.Contain("\"cardId\":\"cardiac-arrest\"").And.Not.Contain("breathing-normally"), "the answers are sealed in the stored row");
    }

    [Test]
    public async Task Wrong_answers_and_steps_are_400s_naming_the_field()
    {
        using var op = await Api.AsAsync("operator1");
        var incidentId = await Api.OpenIncidentAsync(op, $"protocol-bad-{Guid.NewGuid():n}");
        async Task<JsonElement> Errors(string path, object body)
        {
            var response = await op.PostAsJsonAsync(path, body);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), path);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }
        var protocol = $"/api/incidents/{incidentId}/protocol";
        Assert.That((await Errors(protocol, new { cardId = "poisoning", answers = new { colour = "no" } })).TryGetProperty("answers.colour", out _), Is.True);
        Assert.That((await Errors(protocol, new { cardId = "poisoning", answers = new { substance = "petrol" } })).TryGetProperty("answers.substance", out _), Is.True);
        Assert.That((await Errors(protocol, new { cardId = "no-such-card" })).TryGetProperty("cardId", out _), Is.True);
        Assert.That((await Errors(protocol + "/instructions", new { cardId = "general", step = 9 })).TryGetProperty("step", out _), Is.True);
        Assert.That((await Errors(protocol + "/instructions", new { cardId = "cardiac-arrest", step = 3 })).TryGetProperty("step", out _), Is.True,
            "without the rule, the card's own (watching) steps: there is no fourth");
        Assert.That((await Errors(protocol + "/instructions", new { cardId = "general", step = 0, ruleIndex = 99 })).TryGetProperty("ruleIndex", out _), Is.True);
        Assert.That((await op.PostAsJsonAsync("/api/incidents/999999/protocol", new { cardId = "general" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_broken_edit_is_refused_naming_card_and_field_and_the_last_good_version_stays()
    {
        using var admin = await Api.AsAsync("admin");
        async Task<JsonObject> StoredAsync() // the card file as stored (what the /admin editor shows), in use
        {
            var list = JsonNode.Parse(await admin.GetStringAsync("/api/admin/protocols"))!["cards"]!.AsArray();
            var versions = list.Single(c => (string?)c!["cardId"] == "burns")!["versions"]!.AsArray();
            return versions.Single(v => (bool)v!["inUse"]!)!["card"]!.AsObject().DeepClone().AsObject();
        }
        var card = await StoredAsync();
        card["rules"]![0]!["when"] = new JsonObject { ["no-such-question"] = "yes" };
        var refused = await admin.PutAsync("/api/admin/protocols/burns", ApiClient.RawJson(card.ToJsonString()));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(errors.GetProperty("rules[0].when.no-such-question")[0].GetString(), Does.Contain("'burns'").And.Contain("unknown question"));

        var before = await StoredAsync();
        Assert.That((int)before["version"]!, Is.EqualTo(1), "the last good version stays in use");
        before["approval"] = new JsonObject { ["status"] = "approved", ["approvedBy"] = "dr. Medical Lead" };
        var saved = await ApiClient.OkJsonAsync(await admin.PutAsync("/api/admin/protocols/burns", ApiClient.RawJson(before.ToJsonString())));
        Assert.That(saved.GetProperty("version").GetInt32(), Is.EqualTo(2));
        using var op = await Api.AsAsync("operator1");
        var now = await ApiClient.OkJsonAsync(await op.GetAsync("/api/protocols/burns"));
        Assert.That(now.GetProperty("approval").GetProperty("approvedBy").GetString(), Is.EqualTo("dr. Medical Lead"));

        var versions = await ApiClient.OkJsonAsync(await admin.GetAsync("/api/admin/protocols"));
        var burns = versions.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("cardId").GetString() == "burns").GetProperty("versions");
        Assert.That(burns.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("changedBy").GetString(), v.GetProperty("inUse").GetBoolean())),
            Is.EqualTo(new[] { (2, "admin", true), (1, "shipped", false) }));
        var reverted = await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/protocols/burns/revert", new { version = 1 }));
        Assert.That(reverted.GetProperty("version").GetInt32(), Is.EqualTo(3));
        Assert.That(reverted.GetProperty("approval").GetProperty("status").GetString(), Is.EqualTo("sample-needs-medical-lead-approval"));
    }

    [Test]
    public async Task The_report_counts_per_card_how_often_the_chosen_triage_differs_from_the_suggestion()
    {
        using var op = await Api.AsAsync("operator1");
        async Task<long> Run(string triage, string card, object answers)
        {
            var id = await Api.OpenIncidentAsync(op, $"protocol-report-{Guid.NewGuid():n}", triage: triage);
            await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{id}/protocol", new { cardId = card, answers }));
            return id;
        }
        await Run("merah", "stroke", new { face = true });      // suggested merah, chosen merah
        await Run("kuning", "stroke", new { face = true });     // suggested merah, chosen kuning
        var twice = await Run("hijau", "stroke", new { face = true });
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{twice}/protocol", new { cardId = "stroke", answers = new { face = false } })); // latest: kuning
        await Run("hijau", "fall-trauma", new { });             // default hijau, chosen hijau

        using var dinkes = await Api.AsAsync("dinkes1");
        var day = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var report = await ApiClient.OkJsonAsync(await dinkes.GetAsync($"/api/reports/protocol-triage?from={day}&to={day}"));
        var lines = report.EnumerateArray().ToDictionary(l => l.GetProperty("cardId").GetString()!, l => (l.GetProperty("uses").GetInt64(), l.GetProperty("differing").GetInt64(), l.GetProperty("differingPercent").GetDouble()));
        Assert.That(lines["stroke"], Is.EqualTo((3L, 2L, 66.7)));
        Assert.That(lines["fall-trauma"].Item2, Is.EqualTo(0L));
    }
}
