using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using static Dispatch.Api.Tests.Incidents.Dispatching;

namespace Dispatch.Api.Tests.Incidents;

/// <summary>
/// Several units on one incident, each with its own status, times and destination, reported by
/// its crew's phone or by radio through an operator; an operator releases a unit with a reason.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class ResponsesTests(string database) : ApiTest(database)
{
    [SetUp]
    public Task FreeUnits() => FreeAllUnitsAsync(Api);

    [Test]
    public async Task Two_units_each_step_to_back_in_service_with_their_own_destination_and_the_incident_follows_the_first()
    {
        await using var operatorHub = await Api.ListenAsync("operator1");
        using var op = await Api.AsAsync("operator1");
        using var crew1 = await Api.AsAsync("crew1");
        using var crew2 = await Api.AsAsync("crew2");
        var (first, second) = (await UnitOfAsync(crew1), await UnitOfAsync(crew2));
        var (hospital, puskesmas, _) = await FacilitiesAsync(op);
        var incidentId = await Api.OpenIncidentAsync(op, $"two-units-{Guid.NewGuid():n}");

        var one = await AssignedAsync(op, incidentId, first);
        Assert.That(one.GetProperty("waitingForUnit").GetBoolean(), Is.False);
        await ApiClient.OkJsonAsync(await crew1.PostAsync($"/api/units/{first}/acknowledge", null));
        await CrewStatusAsync(crew1, first, "enRoute");
        await CrewStatusAsync(crew1, first, "onScene");

        // A second unit while the first is on scene: the incident stays on scene (its most advanced unit).
        var two = await AssignedAsync(op, incidentId, second);
        Assert.That(two.GetProperty("status").GetString(), Is.EqualTo("onScene"));
        Assert.That(two.GetProperty("responses").GetArrayLength(), Is.EqualTo(2));
        Assert.That(ResponseOf(two, second).GetProperty("status").GetString(), Is.EqualTo("dispatched"));
        var offered = await ApiClient.OkJsonAsync(await crew2.GetAsync($"/api/units/{second}/assignment"));
        Assert.That(offered.GetProperty("otherUnits").EnumerateArray().Select(u => u.GetString()), Has.Some.StartsWith("AMB-01"));
        Assert.That(offered.GetProperty("incidentStatus").GetString(), Is.EqualTo("onScene"));

        await ApiClient.OkJsonAsync(await crew2.PostAsync($"/api/units/{second}/acknowledge", null));
        await CrewStatusAsync(crew1, first, "transporting", hospital);
        await CrewStatusAsync(crew2, second, "enRoute");
        await CrewStatusAsync(crew2, second, "onScene");
        await CrewStatusAsync(crew2, second, "transporting", puskesmas);
        await CrewStatusAsync(crew1, first, "atDestination");
        await CrewStatusAsync(crew1, first, "handover");
        await CrewStatusAsync(crew1, first, "available");

        // One unit back, the other still at work: the incident is not done.
        var half = await IncidentAsync(op, incidentId);
        Assert.That(half.GetProperty("status").GetString(), Is.EqualTo("transporting"), "the unit still working sets the status");
        Assert.That(half.GetProperty("times").GetProperty("backInService").ValueKind, Is.EqualTo(JsonValueKind.Null), "back in service when the last unit is");
        var early = await ProblemAsync(await op.PostAsync($"/api/incidents/{incidentId}/close", null), HttpStatusCode.Conflict);
        Assert.That(Code(early), Is.EqualTo("illegal-transition"));
        Assert.That(await UnitStatusAsync(op, first), Is.EqualTo("availableOnRoad"));
        Assert.That(await UnitStatusAsync(op, second), Is.EqualTo("transporting"));

        await CrewStatusAsync(crew2, second, "atDestination");
        await CrewStatusAsync(crew2, second, "available");
        var closed = await ApiClient.OkJsonAsync(await op.PostAsync($"/api/incidents/{incidentId}/close", null));

        Assert.That(closed.GetProperty("status").GetString(), Is.EqualTo("closed"));
        var (a, b) = (ResponseOf(closed, first), ResponseOf(closed, second));
        foreach (var r in new[] { a, b })
        {
            Assert.That(r.GetProperty("endReason").GetString(), Is.EqualTo("completed"));
            Assert.That(r.GetProperty("via").GetString(), Is.EqualTo("crew"));
            string[] points = ["notifiedAt", "acknowledgedAt", "enRouteAt", "onSceneAt", "leftSceneAt", "atDestinationAt", "backInServiceAt"];
            Assert.That(points.Select(p => At(r, p)), Is.Ordered, "each unit's own time points run forward");
            Assert.That(At(r, "endedAt"), Is.EqualTo(At(r, "backInServiceAt")));
        }
        Assert.That(a.GetProperty("destinationId").GetInt64(), Is.EqualTo(hospital));
        Assert.That(b.GetProperty("destinationId").GetInt64(), Is.EqualTo(puskesmas));
        Assert.That(a.GetProperty("handoverAt").ValueKind, Is.Not.EqualTo(JsonValueKind.Null));
        Assert.That(b.GetProperty("handoverAt").ValueKind, Is.EqualTo(JsonValueKind.Null), "unit 2 never reported handover");

        // The incident's time points are the first unit's (DOMAIN.md); back in service is the last unit's.
        var times = closed.GetProperty("times");
        Assert.That(times.GetProperty("unitNotified").GetDateTimeOffset(), Is.EqualTo(At(a, "notifiedAt")));
        Assert.That(times.GetProperty("acknowledged").GetDateTimeOffset(), Is.EqualTo(At(a, "acknowledgedAt")));
        Assert.That(times.GetProperty("onScene").GetDateTimeOffset(), Is.EqualTo(At(a, "onSceneAt")));
        Assert.That(times.GetProperty("leftScene").GetDateTimeOffset(), Is.EqualTo(At(a, "leftSceneAt")));
        Assert.That(times.GetProperty("atDestination").GetDateTimeOffset(), Is.EqualTo(At(a, "atDestinationAt")));
        Assert.That(times.GetProperty("backInService").GetDateTimeOffset(), Is.EqualTo(At(b, "backInServiceAt")));
        Assert.That(At(b, "onSceneAt"), Is.GreaterThan(At(a, "onSceneAt")));
        Assert.That(closed.GetProperty("destinationId").GetInt64(), Is.EqualTo(hospital), "the first destination");
        Assert.That(closed.GetProperty("unitId").GetInt64(), Is.EqualTo(first), "known by its first unit");

        var log = await LogAsync(op, incidentId);
        var actions = log.Where(e => e.GetProperty("unitId").ValueKind == JsonValueKind.Number)
            .Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString(), e.GetProperty("unitId").GetInt64())).ToList();
        Assert.That(actions, Is.SupersetOf(new (string?, string?, long)[]
        {
            ("crew1", "crew.transporting", first), ("crew2", "crew.transporting", second), ("crew1", "crew.available", first), ("crew2", "crew.available", second),
        }));
        await operatorHub.WaitForAsync(e => e.Type == "IncidentChanged" && e.Long("id") == incidentId && e.Str("status") == "closed"
            && e.Data.GetProperty("responses").GetArrayLength() == 2);
    }

    [Test]
    public async Task An_operator_records_a_radio_status_at_the_time_reported_and_the_log_says_who_and_via_radio()
    {
        using var op = await Api.AsAsync("operator1");
        var radioUnit = await UnitIdAsync(op, "AMB-03"); // no phone on board
        var incidentId = await Api.OpenIncidentAsync(op, $"radio-{Guid.NewGuid():n}");
        var notified = At(ResponseOf(await AssignedAsync(op, incidentId, radioUnit), radioUnit), "notifiedAt");

        var future = await op.PostAsJsonAsync($"/api/incidents/{incidentId}/responses/{radioUnit}/status",
            new { status = "enRoute", at = Iso(TimeProvider.System.GetUtcNow().AddMinutes(5)) });
        await NamesFieldAsync(future, "at");
        var early = await ProblemAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/responses/{radioUnit}/status",
            new { status = "enRoute", at = Iso(notified.AddSeconds(-30)) }), HttpStatusCode.Conflict);
        Assert.That(Code(early), Is.EqualTo("time-out-of-order"));
        await NamesFieldAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/responses/{radioUnit}/status", new { status = "atStation" }), "status");
        Assert.That(ResponseOf(await IncidentAsync(op, incidentId), radioUnit).GetProperty("status").GetString(), Is.EqualTo("dispatched"), "nothing refused was applied");

        // Reported a moment after the unit was notified, entered later: stored at the reported time.
        var enRoute = DateTimeOffset.FromUnixTimeMilliseconds(notified.ToUnixTimeMilliseconds() + 1);
        await RadioAsync(op, incidentId, radioUnit, "enRoute", enRoute);
        var onScene = await RadioAsync(op, incidentId, radioUnit, "onScene");

        var response = ResponseOf(onScene, radioUnit);
        Assert.That(response.GetProperty("status").GetString(), Is.EqualTo("onScene"));
        Assert.That(response.GetProperty("via").GetString(), Is.EqualTo("radio"));
        Assert.That(At(response, "enRouteAt"), Is.EqualTo(enRoute));
        Assert.That(onScene.GetProperty("status").GetString(), Is.EqualTo("onScene"));
        Assert.That(onScene.GetProperty("times").GetProperty("enRoute").GetDateTimeOffset(), Is.EqualTo(enRoute));
        Assert.That(await UnitStatusAsync(op, radioUnit), Is.EqualTo("onScene"), "the unit follows its response");
        var before = await ProblemAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/responses/{radioUnit}/status",
            new { status = "transporting", at = Iso(enRoute), destinationId = (await FacilitiesAsync(op)).Hospital }), HttpStatusCode.Conflict);
        Assert.That(Code(before), Is.EqualTo("time-out-of-order"), "never before the response's previous time point");

        var log = await LogAsync(op, incidentId);
        var entered = log.Single(e => e.GetProperty("action").GetString() == "radio.enRoute");
        Assert.That(entered.GetProperty("actor").GetString(), Is.EqualTo("operator1"));
        Assert.That(entered.GetProperty("unitId").GetInt64(), Is.EqualTo(radioUnit));
        Assert.That(entered.GetProperty("at").GetDateTimeOffset(), Is.EqualTo(enRoute));
        Assert.That(entered.GetProperty("details").GetProperty("via").GetString(), Is.EqualTo("radio"));
        Assert.That(log.Select(e => e.GetProperty("action").GetString()), Does.Contain("radio.onScene"));
        Assert.That(log.Select(e => e.GetProperty("action").GetString()), Has.None.StartsWith("crew."), "no crew reported anything");
    }

    [Test]
    public async Task A_released_unit_is_available_again_its_crew_told_why_and_the_incident_waits_for_a_unit()
    {
        await using var crewHub = await Api.ListenAsync("crew2");
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew2");
        var unitId = await UnitOfAsync(crew);
        var incidentId = await Api.OpenIncidentAsync(op, $"release-{Guid.NewGuid():n}", triage: "kuning");
        await AssignedAsync(op, incidentId, unitId);
        await ApiClient.OkJsonAsync(await crew.PostAsync($"/api/units/{unitId}/acknowledge", null));
        await CrewStatusAsync(crew, unitId, "enRoute");

        await NamesFieldAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/responses/{unitId}/release", new { reason = "" }), "reason");
        var released = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/responses/{unitId}/release", new { reason = "pasien diantar keluarga" }));

        Assert.That(released.GetProperty("status").GetString(), Is.EqualTo("pending"));
        Assert.That(released.GetProperty("waitingForUnit").GetBoolean(), Is.True);
        var response = ResponseOf(released, unitId);
        Assert.That(response.GetProperty("endReason").GetString(), Is.EqualTo("released"));
        Assert.That(response.GetProperty("endNote").GetString(), Is.EqualTo("pasien diantar keluarga"));
        Assert.That(response.GetProperty("enRouteAt").ValueKind, Is.Not.EqualTo(JsonValueKind.Null), "its times are kept");
        Assert.That(await UnitStatusAsync(op, unitId), Is.EqualTo("availableOnRoad"));
        var told = await crewHub.WaitForAsync(e => e.Type == "AssignmentCancelled" && e.Long("incidentId") == incidentId);
        Assert.That(told.Str("reason"), Is.EqualTo("released"));
        Assert.That(told.Str("reasonText"), Is.EqualTo("pasien diantar keluarga"));
        Assert.That((int)(await crew.GetAsync($"/api/units/{unitId}/assignment")).StatusCode, Is.EqualTo(204));
        var again = await ProblemAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/responses/{unitId}/release", new { reason = "lagi" }),
            HttpStatusCode.UnprocessableEntity);
        Assert.That(Code(again), Is.EqualTo("no-assignment"), "a unit no longer on the incident");
        Assert.That((await LogAsync(op, incidentId)).Single(e => e.GetProperty("action").GetString() == "response.released").GetProperty("actor").GetString(),
            Is.EqualTo("operator1"));

        // The unit can be sent again, to the same incident.
        var back = await AssignedAsync(op, incidentId, unitId);
        Assert.That(back.GetProperty("responses").EnumerateArray().Count(r => r.GetProperty("unitId").GetInt64() == unitId), Is.EqualTo(2));
        Assert.That(back.GetProperty("waitingForUnit").GetBoolean(), Is.False);
    }

    private static DateTimeOffset At(JsonElement e, string name) => e.GetProperty(name).GetDateTimeOffset();
}
