using System.Net;
using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;
using static Dispatch.Api.Tests.Incidents.Dispatching;

namespace Dispatch.Api.Tests.Incidents;

/// <summary>
/// Append-only notes on an incident: operators and the crews sent to it write and read them, each
/// with author and time, pushed as NoteAdded; the crew of another unit neither reads nor writes them.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class NotesTests(string database) : ApiTest(database)
{
    [SetUp]
    public Task FreeUnits() => FreeAllUnitsAsync(Api);

    [Test]
    public async Task The_operator_and_the_crew_on_the_incident_write_and_read_notes_and_both_are_pushed_each_one()
    {
        await using var operatorHub = await Api.ListenAsync("operator2");
        await using var crewHub = await Api.ListenAsync("crew1");
        await using var otherCrewHub = await Api.ListenAsync("crew2");
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew1");
        using var otherCrew = await Api.AsAsync("crew2");
        var unitId = await UnitOfAsync(crew);
        var incidentId = await Api.OpenIncidentAsync(op, $"notes-{Guid.NewGuid():n}");
        await AssignedAsync(op, incidentId, unitId);

        var fromOperator = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/notes", new { text = "Penelepon: pasien berhenti bernapas" }));
        Assert.That(fromOperator.GetProperty("author").GetString(), Is.EqualTo("operator1"));
        Assert.That(fromOperator.GetProperty("unitId").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        var pushed = await crewHub.WaitForAsync(e => e.Type == "NoteAdded" && e.Long("incidentId") == incidentId);
        Assert.That(pushed.Str("text"), Is.EqualTo("Penelepon: pasien berhenti bernapas"));
        await operatorHub.WaitForAsync(e => e.Type == "NoteAdded" && e.Long("id") == fromOperator.GetProperty("id").GetInt64());

        var read = await ApiClient.OkJsonAsync(await crew.GetAsync($"/api/incidents/{incidentId}/notes"));
        Assert.That(read.EnumerateArray().Select(n => n.GetProperty("text").GetString()), Is.EqualTo(new[] { "Penelepon: pasien berhenti bernapas" }));
        var fromCrew = await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/incidents/{incidentId}/notes", new { text = "Jalan ditutup, lewat Jl. Lingkar" }));
        Assert.That(fromCrew.GetProperty("author").GetString(), Is.EqualTo("crew1"));
        Assert.That(fromCrew.GetProperty("unitId").GetInt64(), Is.EqualTo(unitId));
        Assert.That(fromCrew.GetProperty("callSign").GetString(), Does.StartWith("AMB-01"));
        await operatorHub.WaitForAsync(e => e.Type == "NoteAdded" && e.Long("id") == fromCrew.GetProperty("id").GetInt64() && e.Str("author") == "crew1");

        var all = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/notes"))).EnumerateArray().ToList();
        Assert.That(all.Select(n => n.GetProperty("author").GetString()), Is.EqualTo(new[] { "operator1", "crew1" }), "oldest first");
        Assert.That(all.Select(n => n.GetProperty("at").GetDateTimeOffset()), Is.Ordered);
        Assert.That(all.Select(n => n.GetProperty("incidentId").GetInt64()), Is.All.EqualTo(incidentId));

        // The crew of another unit: neither read nor write, nor hear of them.
        var refusedRead = await ProblemAsync(await otherCrew.GetAsync($"/api/incidents/{incidentId}/notes"), HttpStatusCode.Forbidden);
        Assert.That(Code(refusedRead), Is.EqualTo("own-unit-only"));
        var refusedWrite = await ProblemAsync(await otherCrew.PostAsJsonAsync($"/api/incidents/{incidentId}/notes", new { text = "bukan urusan saya" }), HttpStatusCode.Forbidden);
        Assert.That(Code(refusedWrite), Is.EqualTo("own-unit-only"));
        Assert.That((await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/notes"))).GetArrayLength(), Is.EqualTo(2), "nothing refused was written");
        Assert.That(otherCrewHub.Received.Where(e => e.Type == "NoteAdded"), Is.Empty);

        var log = await LogAsync(op, incidentId);
        Assert.That(log.Where(e => e.GetProperty("action").GetString() == "incident.note").Select(e => e.GetProperty("actor").GetString()),
            Is.EqualTo(new[] { "operator1", "crew1" }));
        Assert.That(App.Logs.Where(l => l.Contains("berhenti bernapas", StringComparison.Ordinal) || l.Contains("Jl. Lingkar", StringComparison.Ordinal)), Is.Empty,
            "note text (personal data) never reaches the logs");
    }

    [Test]
    public async Task A_note_needs_text_and_an_existing_incident_and_a_crew_keeps_the_notes_of_incidents_it_was_sent_to()
    {
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew2");
        var unitId = await UnitOfAsync(crew);
        var incidentId = await Api.OpenIncidentAsync(op, $"notes-rules-{Guid.NewGuid():n}", triage: "kuning");

        await NamesFieldAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/notes", new { text = "  " }), "text");
        await NamesFieldAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/notes", new { text = new string('x', 5000) }), "text");
        await ProblemAsync(await op.GetAsync("/api/incidents/999999/notes"), HttpStatusCode.NotFound);
        Assert.That(Code(await ProblemAsync(await crew.GetAsync($"/api/incidents/{incidentId}/notes"), HttpStatusCode.Forbidden)), Is.EqualTo("own-unit-only"),
            "not yet sent to it");

        await AssignedAsync(op, incidentId, unitId);
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/incidents/{incidentId}/notes", new { text = "ban bocor, terlambat 10 menit" }));
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/responses/{unitId}/release", new { reason = "ganti unit" }));

        var after = await ApiClient.OkJsonAsync(await crew.GetAsync($"/api/incidents/{incidentId}/notes"));
        Assert.That(after.GetArrayLength(), Is.EqualTo(1), "a crew sent to the incident, even released since, still reads what it wrote");
    }
}
