using System.Net;
using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;
using static Dispatch.Api.Tests.Incidents.Dispatching;

namespace Dispatch.Api.Tests.Units;

/// <summary>
/// A crew that cannot take the job declines before acknowledging, with a reason: operators see it
/// at once and the unit goes out of service. A crew acts for its own unit only.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class DeclineTests(string database) : ApiTest(database)
{
    [SetUp]
    public Task FreeUnits() => FreeAllUnitsAsync(Api);

    [Test]
    public async Task A_crew_declines_before_acknowledging_operators_see_why_and_the_unit_is_out_of_service()
    {
        await using var operatorHub = await Api.ListenAsync("operator2");
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew2");
        var unitId = await UnitOfAsync(crew);
        var incidentId = await Api.OpenIncidentAsync(op, $"decline-{Guid.NewGuid():n}", triage: "kuning");
        await AssignedAsync(op, incidentId, unitId);
        var offered = await ApiClient.OkJsonAsync(await crew.GetAsync($"/api/units/{unitId}/assignment"));
        Assert.That(offered.GetProperty("canDecline").GetBoolean(), Is.True);

        await NamesFieldAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/decline", new { reason = "" }), "reason");
        var declined = await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/decline", new { reason = "mesin mogok", incidentId }));

        Assert.That(declined.GetProperty("status").GetString(), Is.EqualTo("pending"));
        Assert.That(declined.GetProperty("waitingForUnit").GetBoolean(), Is.True);
        var response = ResponseOf(declined, unitId);
        Assert.That(response.GetProperty("endReason").GetString(), Is.EqualTo("declined"));
        Assert.That(response.GetProperty("endNote").GetString(), Is.EqualTo("mesin mogok"));
        Assert.That(response.GetProperty("acknowledgedAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        var seen = await operatorHub.WaitForAsync(e => e.Type == "IncidentChanged" && e.Long("id") == incidentId
            && e.Data.GetProperty("responses").EnumerateArray().Any(r => r.GetProperty("endReason").GetString() == "declined"));
        Assert.That(seen.Data.GetProperty("waitingForUnit").GetBoolean(), Is.True);
        await operatorHub.WaitForAsync(e => e.Type == "UnitChanged" && e.Long("id") == unitId && e.Str("status") == "outOfService");
        Assert.That(await UnitStatusAsync(op, unitId), Is.EqualTo("outOfService"));
        Assert.That((int)(await crew.GetAsync($"/api/units/{unitId}/assignment")).StatusCode, Is.EqualTo(204));
        var log = (await LogAsync(op, incidentId)).Single(e => e.GetProperty("action").GetString() == "response.declined");
        Assert.That(log.GetProperty("actor").GetString(), Is.EqualTo("crew2"));

        // Out of service, it is no candidate and cannot be sent until the crew puts it back.
        var ranked = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/recommendation"))).EnumerateArray()
            .Select(c => c.GetProperty("unitId").GetInt64());
        Assert.That(ranked, Does.Not.Contain(unitId));
        Assert.That(Code(await ProblemAsync(await AssignAsync(op, incidentId, unitId), HttpStatusCode.Conflict)), Is.EqualTo("unit-busy"));
        await CrewStatusAsync(crew, unitId, "available");
        Assert.That(await UnitStatusAsync(op, unitId), Is.EqualTo("availableOnRoad"));
    }

    [Test]
    public async Task After_acknowledging_it_is_too_late_to_decline()
    {
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew2");
        var unitId = await UnitOfAsync(crew);
        var incidentId = await Api.OpenIncidentAsync(op, $"decline-late-{Guid.NewGuid():n}", triage: "kuning");
        await AssignedAsync(op, incidentId, unitId);
        await ApiClient.OkJsonAsync(await crew.PostAsync($"/api/units/{unitId}/acknowledge", null));
        Assert.That((await ApiClient.OkJsonAsync(await crew.GetAsync($"/api/units/{unitId}/assignment"))).GetProperty("canDecline").GetBoolean(), Is.False);

        var late = await ProblemAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/decline", new { reason = "terlambat" }), HttpStatusCode.Conflict);

        Assert.That(Code(late), Is.EqualTo("decline-too-late"));
        Assert.That(ResponseOf(await IncidentAsync(op, incidentId), unitId).GetProperty("status").GetString(), Is.EqualTo("acknowledged"));
        Assert.That(await UnitStatusAsync(op, unitId), Is.EqualTo("assigned"));
    }

    [Test]
    public async Task A_decline_meant_for_another_incident_or_without_one_is_refused()
    {
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew2");
        var unitId = await UnitOfAsync(crew);
        var none = await ProblemAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/decline", new { reason = "tidak ada" }), HttpStatusCode.UnprocessableEntity);
        Assert.That(Code(none), Is.EqualTo("no-assignment"));
        var incidentId = await Api.OpenIncidentAsync(op, $"decline-stale-{Guid.NewGuid():n}", triage: "hijau");
        await AssignedAsync(op, incidentId, unitId);

        var stale = await ProblemAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/decline", new { reason = "mogok", incidentId = incidentId + 1000 }), HttpStatusCode.Conflict);

        Assert.That(Code(stale), Is.EqualTo("assignment-changed"));
        Assert.That(ResponseOf(await IncidentAsync(op, incidentId), unitId).GetProperty("endedAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task The_crew_of_one_unit_cannot_act_for_decline_or_read_the_notes_of_another()
    {
        using var op = await Api.AsAsync("operator1");
        using var crewA = await Api.AsAsync("crew1");
        using var crewB = await Api.AsAsync("crew2");
        var (unitA, unitB) = (await UnitOfAsync(crewA), await UnitOfAsync(crewB));
        var incidentId = await Api.OpenIncidentAsync(op, $"isolation-{Guid.NewGuid():n}", triage: "kuning");
        await AssignedAsync(op, incidentId, unitB);

        var refused = new[]
        {
            await crewA.PostAsJsonAsync($"/api/units/{unitB}/decline", new { reason = "bukan unit saya" }),
            await crewA.PostAsJsonAsync($"/api/units/{unitB}/acknowledge", new { }),
            await crewA.PostAsJsonAsync($"/api/units/{unitB}/status", new { status = "enRoute" }),
            await crewA.GetAsync($"/api/units/{unitB}/assignment"),
            await crewA.GetAsync($"/api/incidents/{incidentId}/notes"),
            await crewA.PostAsJsonAsync($"/api/incidents/{incidentId}/notes", new { text = "catatan" }),
            // The operator's own routes for a response are no crew's.
            await crewA.PostAsJsonAsync($"/api/incidents/{incidentId}/responses/{unitB}/status", new { status = "enRoute" }),
            await crewA.PostAsJsonAsync($"/api/incidents/{incidentId}/responses/{unitB}/release", new { reason = "x" }),
        };

        Assert.That(refused.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Forbidden));
        foreach (var r in refused.Take(6)) Assert.That(Code(await ProblemAsync(r, HttpStatusCode.Forbidden)), Is.EqualTo("own-unit-only"), r.RequestMessage!.RequestUri!.ToString());
        var incident = await IncidentAsync(op, incidentId);
        var response = ResponseOf(incident, unitB);
        Assert.That(response.GetProperty("status").GetString(), Is.EqualTo("dispatched"), "nothing crew A sent was applied");
        Assert.That(response.GetProperty("endedAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(incident.GetProperty("responses").EnumerateArray().Select(r => r.GetProperty("unitId").GetInt64()), Does.Not.Contain(unitA));
    }
}
