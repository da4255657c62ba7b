using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Incidents;

/// <summary>
/// call -> answer -> incident -> recommend -> assign -> acknowledge -> en route -> on scene ->
/// transporting -> at destination -> available -> closed, over HTTP and the hub, on a real SQLite file and on PostgreSQL.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class FullFlowTests(string database) : ApiTest(database)
{
    [Test]
    public async Task A_call_goes_from_ingest_to_closed_with_every_step_logged_and_pushed()
    {
        await using var operatorHub = await Api.ListenAsync("operator1");
        await using var crewHub = await Api.ListenAsync("crew1");
        await using var otherCrewHub = await Api.ListenAsync("crew2");
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew1");
        var me = await ApiClient.OkJsonAsync(await crew.GetAsync("/api/auth/me"));
        var unitId = me.GetProperty("unitId").GetInt64();

        var call = await Api.IngestAsync("flow-1", lat: -0.7785, lon: 100.6510);
        var callId = call.GetProperty("id").GetInt64();
        await operatorHub.WaitForAsync(e => e.Type == "CallReceived" && e.Long("id") == callId);

        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{callId}/answer", null));
        var incident = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{callId}/incident", new
        {
            lat = -0.7785, lon = 100.6510, address = "Jl. Contoh No. 1", complaint = "sesak napas", triage = "merah", patientCount = 1,
        }));
        var incidentId = incident.GetProperty("id").GetInt64();
        Assert.That(incident.GetProperty("priority").GetString(), Is.EqualTo("P1"));
        Assert.That(incident.GetProperty("kelurahan").ValueKind, Is.EqualTo(JsonValueKind.Object), "the point lies inside Kota Solok");

        var candidates = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/recommendation"));
        Assert.That(candidates.GetArrayLength(), Is.GreaterThan(0));
        Assert.That(candidates.EnumerateArray().All(c => c.GetProperty("reason").GetString()!.Contains("km")), Is.True);
        Assert.That(candidates.EnumerateArray().Select(c => c.GetProperty("unitId").GetInt64()), Does.Contain(unitId));

        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));
        var offered = await crewHub.WaitForAsync(e => e.Type == "AssignmentOffered" && e.Long("incidentId") == incidentId);
        Assert.That(offered.Str("complaint"), Is.EqualTo("sesak napas"));
        var current = await ApiClient.OkJsonAsync(await crew.GetAsync($"/api/units/{unitId}/assignment"));
        Assert.That(current.GetProperty("incidentId").GetInt64(), Is.EqualTo(incidentId));

        await ApiClient.OkJsonAsync(await crew.PostAsync($"/api/units/{unitId}/acknowledge", null));
        var hospital = (await ApiClient.OkJsonAsync(await crew.GetAsync("/api/facilities"))).EnumerateArray()
            .First(f => f.GetProperty("kind").GetString() == "hospital").GetProperty("id").GetInt64();
        foreach (var (status, destination) in new (string, long?)[] { ("enRoute", null), ("onScene", null), ("transporting", hospital), ("atDestination", null), ("available", null) })
            await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status, destinationId = destination }));
        var closed = await ApiClient.OkJsonAsync(await op.PostAsync($"/api/incidents/{incidentId}/close", null));

        Assert.That(closed.GetProperty("status").GetString(), Is.EqualTo("closed"));
        Assert.That(closed.GetProperty("destinationId").GetInt64(), Is.EqualTo(hospital));
        var times = closed.GetProperty("times");
        string[] points = ["callReceived", "callAnswered", "created", "unitNotified", "acknowledged", "enRoute", "onScene", "leftScene", "atDestination", "backInService", "closed"];
        var stamps = points.Select(p => times.GetProperty(p).GetDateTimeOffset()).ToList();
        Assert.That(stamps, Is.Ordered, "time points run forward");
        var intervals = closed.GetProperty("intervals").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        foreach (var name in new[] { "callToAnswer", "answerToDispatch", "dispatchToEnRoute", "enRouteToOnScene", "callToOnScene", "onSceneToDestination" })
        {
            Assert.That(intervals[name].GetProperty("valid").GetBoolean(), Is.True, name);
            Assert.That(intervals[name].GetProperty("seconds").GetDouble(), Is.GreaterThanOrEqualTo(0), name);
        }
        var callToOnScene = (times.GetProperty("onScene").GetDateTimeOffset() - times.GetProperty("callReceived").GetDateTimeOffset()).TotalSeconds;
        Assert.That(intervals["callToOnScene"].GetProperty("seconds").GetDouble(), Is.EqualTo(callToOnScene).Within(0.001));

        var log = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/log"))).EnumerateArray().ToList();
        var actions = log.Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString())).ToList();
        Assert.That(actions, Is.SupersetOf(new (string?, string?)[]
        {
            ("telephony", "call.received"), ("operator1", "call.answered"), ("operator1", "incident.created"), ("operator1", "incident.assigned"),
            ("crew1", "assignment.acknowledged"), ("crew1", "crew.enRoute"), ("crew1", "crew.onScene"), ("crew1", "crew.transporting"),
            ("crew1", "crew.atDestination"), ("crew1", "crew.available"), ("operator1", "incident.closed"),
        }));
        Assert.That(log.Select(e => e.GetProperty("at").GetDateTimeOffset()), Is.Ordered);
        var assigned = log.First(e => e.GetProperty("action").GetString() == "incident.assigned").GetProperty("details");
        Assert.That(assigned.GetProperty("status").GetProperty("to").GetString(), Is.EqualTo("dispatched"), "the log holds the values changed");

        await operatorHub.WaitForAsync(e => e.Type == "IncidentChanged" && e.Long("id") == incidentId && e.Str("status") == "closed");
        await operatorHub.WaitForAsync(e => e.Type == "UnitChanged" && e.Long("id") == unitId && e.Str("status") == "availableOnRoad");
        Assert.That(otherCrewHub.Received.Where(e => e.Type.StartsWith("Assignment", StringComparison.Ordinal)), Is.Empty, "unit 2's crew hears nothing of unit 1");
        Assert.That(operatorHub.Received.Select(e => e.Seq), Is.Ordered.And.Unique);
    }

    [Test]
    public async Task A_client_that_reconnects_fetches_what_it_missed_once_and_in_order()
    {
        using var op = await Api.AsAsync("operator2");
        var hub = await Api.ListenAsync("operator2");
        var first = await Api.IngestAsync("missed-0");
        var seen = await hub.WaitForAsync(e => e.Long("id") == first.GetProperty("id").GetInt64());
        await hub.DisposeAsync(); // the connection drops

        var missed = new List<long>();
        for (var i = 1; i <= 3; i++) missed.Add((await Api.IngestAsync($"missed-{i}")).GetProperty("id").GetInt64());
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{missed[0]}/answer", null));

        var feed = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/events?after={seen.Seq}"))).EnumerateArray().ToList();
        var received = feed.Where(e => e.GetProperty("type").GetString() == "CallReceived").Select(e => e.GetProperty("data").GetProperty("id").GetInt64()).ToList();
        Assert.That(received, Is.EqualTo(missed));
        Assert.That(feed.Select(e => e.GetProperty("seq").GetInt64()), Is.Ordered.And.Unique.And.All.GreaterThan(seen.Seq));
        Assert.That(feed.Any(e => e.GetProperty("type").GetString() == "CallUpdated" && e.GetProperty("data").GetProperty("answeredBy").GetString() == "operator2"), Is.True);

        var crewFeed = (await ApiClient.OkJsonAsync(await (await Api.AsAsync("crew2")).GetAsync($"/api/events?after={seen.Seq}"))).EnumerateArray();
        Assert.That(crewFeed.Select(e => e.GetProperty("type").GetString()), Has.None.EqualTo("CallReceived"), "crews never see the call queue");
    }

    [Test]
    public async Task Cancelling_an_incident_frees_its_unit_and_tells_only_that_crew()
    {
        await using var crewHub = await Api.ListenAsync("crew2");
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew2");
        var unitId = (await ApiClient.OkJsonAsync(await crew.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();
        var incidentId = await Api.OpenIncidentAsync(op, "cancel-1", triage: "kuning");
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));

        var cancelled = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/cancel", new { reason = "pasien dibawa keluarga" }));

        Assert.That(cancelled.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        Assert.That(cancelled.GetProperty("cancelReason").GetString(), Is.EqualTo("pasien dibawa keluarga"));
        var withdrawn = await crewHub.WaitForAsync(e => e.Type == "AssignmentCancelled" && e.Long("incidentId") == incidentId);
        Assert.That(withdrawn.Str("reason"), Is.EqualTo("cancelled"));
        Assert.That(withdrawn.Str("reasonText"), Does.Contain("pasien dibawa keluarga"));
        var units = (await ApiClient.OkJsonAsync(await op.GetAsync("/api/units"))).EnumerateArray();
        Assert.That(units.First(u => u.GetProperty("id").GetInt64() == unitId).GetProperty("status").GetString(), Is.EqualTo("availableOnRoad"));
        var none = await crew.GetAsync($"/api/units/{unitId}/assignment");
        Assert.That((int)none.StatusCode, Is.EqualTo(204));
    }

    [Test]
    public async Task An_illegal_step_is_refused_with_a_reason_and_changes_nothing()
    {
        using var op = await Api.AsAsync("operator1");
        var incidentId = await Api.OpenIncidentAsync(op, "illegal-1", triage: "hijau");
        var before = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"));

        var response = await op.PostAsync($"/api/incidents/{incidentId}/close", null);

        Assert.That((int)response.StatusCode, Is.EqualTo(409));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Pending").And.Contain("Closed"));
        var after = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"));
        Assert.That(after.GetProperty("version").GetInt32(), Is.EqualTo(before.GetProperty("version").GetInt32()));
    }

    [Test]
    public async Task A_second_caller_is_attached_to_the_active_incident()
    {
        using var op = await Api.AsAsync("operator2");
        var incidentId = await Api.OpenIncidentAsync(op, "attach-first");
        var second = (await Api.IngestAsync("attach-second")).GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{second}/answer", null));

        var attached = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{second}/attach", new { incidentId }));

        Assert.That(attached.GetProperty("outcome").GetString(), Is.EqualTo("attached"));
        Assert.That(attached.GetProperty("incidentId").GetInt64(), Is.EqualTo(incidentId));
        var log = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/log"))).EnumerateArray();
        Assert.That(log.Select(e => e.GetProperty("action").GetString()), Does.Contain("call.attached"));
    }
}
