using System.Net;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using static Dispatch.Api.Tests.Incidents.Dispatching;

namespace Dispatch.Api.Tests.Incidents;

/// <summary>
/// A unit on its way to one incident sent to a more urgent one: refused without divert, moved
/// with it, both incidents and the crew told; never from the scene, and toward a less urgent
/// incident only when the operator confirms. The recommendation offers such units.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class DivertTests(string database) : ApiTest(database)
{
    [SetUp]
    public Task FreeUnits() => FreeAllUnitsAsync(Api);

    [Test]
    public async Task A_committed_unit_is_refused_without_divert_and_with_it_moves_and_both_incidents_and_the_crew_see_it()
    {
        await using var operatorHub = await Api.ListenAsync("operator2");
        await using var crewHub = await Api.ListenAsync("crew2");
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew2");
        var unitId = await UnitOfAsync(crew);
        var hijau = await Api.OpenIncidentAsync(op, $"divert-from-{Guid.NewGuid():n}", triage: "hijau");
        await AssignedAsync(op, hijau, unitId);
        await ApiClient.OkJsonAsync(await crew.PostAsync($"/api/units/{unitId}/acknowledge", null));
        await CrewStatusAsync(crew, unitId, "enRoute");
        var merah = await Api.OpenIncidentAsync(op, $"divert-to-{Guid.NewGuid():n}", triage: "merah");

        var refused = await ProblemAsync(await AssignAsync(op, merah, unitId), HttpStatusCode.Conflict);
        Assert.That(Code(refused), Is.EqualTo("unit-committed"));
        Assert.That(refused.GetProperty("incidentId").GetInt64(), Is.EqualTo(hijau), "the refusal names the incident holding the unit");
        Assert.That((await IncidentAsync(op, merah)).GetProperty("responses").GetArrayLength(), Is.Zero);

        var diverted = await AssignedAsync(op, merah, unitId, divert: true);

        Assert.That(diverted.GetProperty("status").GetString(), Is.EqualTo("dispatched"));
        Assert.That(ResponseOf(diverted, unitId).GetProperty("status").GetString(), Is.EqualTo("dispatched"), "notified again for the new incident");
        var left = await IncidentAsync(op, hijau);
        Assert.That(left.GetProperty("status").GetString(), Is.EqualTo("pending"));
        Assert.That(left.GetProperty("waitingForUnit").GetBoolean(), Is.True);
        var ended = ResponseOf(left, unitId);
        Assert.That(ended.GetProperty("endReason").GetString(), Is.EqualTo("diverted"));
        Assert.That(ended.GetProperty("divertedToIncidentId").GetInt64(), Is.EqualTo(merah));
        Assert.That(ended.GetProperty("enRouteAt").ValueKind, Is.Not.EqualTo(JsonValueKind.Null), "the times it had are kept");
        Assert.That(await UnitStatusAsync(op, unitId), Is.EqualTo("assigned"));

        await operatorHub.WaitForAsync(e => e.Type == "IncidentChanged" && e.Long("id") == hijau && e.Data.GetProperty("waitingForUnit").GetBoolean());
        await operatorHub.WaitForAsync(e => e.Type == "IncidentChanged" && e.Long("id") == merah
            && e.Data.GetProperty("responses").EnumerateArray().Any(r => r.GetProperty("unitId").GetInt64() == unitId));
        var cancelled = await crewHub.WaitForAsync(e => e.Type == "AssignmentCancelled" && e.Long("incidentId") == hijau);
        Assert.That(cancelled.Str("reason"), Is.EqualTo("diverted"));
        Assert.That(cancelled.Long("divertedToIncidentId"), Is.EqualTo(merah));
        var offered = await crewHub.WaitForAsync(e => e.Type == "AssignmentOffered" && e.Long("incidentId") == merah);
        Assert.That(offered.Seq, Is.GreaterThan(cancelled.Seq), "the crew hears of the diversion, then of its new incident");
        Assert.That(offered.Str("triage"), Is.EqualTo("merah"));
        var current = await ApiClient.OkJsonAsync(await crew.GetAsync($"/api/units/{unitId}/assignment"));
        Assert.That(current.GetProperty("incidentId").GetInt64(), Is.EqualTo(merah));
        Assert.That(current.GetProperty("canAcknowledge").GetBoolean(), Is.True);

        var leftLog = await LogAsync(op, hijau);
        var entry = leftLog.Single(e => e.GetProperty("action").GetString() == "response.diverted");
        Assert.That(entry.GetProperty("actor").GetString(), Is.EqualTo("operator1"));
        Assert.That(entry.GetProperty("details").GetProperty("context").GetProperty("divertedTo").GetInt64(), Is.EqualTo(merah));
        var toLog = await LogAsync(op, merah);
        Assert.That(toLog.Single(e => e.GetProperty("action").GetString() == "incident.assigned").GetProperty("details").GetProperty("context")
            .GetProperty("divertedFrom").GetInt64(), Is.EqualTo(hijau));
    }

    [Test]
    public async Task Diverting_toward_a_less_urgent_incident_needs_confirmation()
    {
        using var op = await Api.AsAsync("operator1");
        var unitId = await UnitIdAsync(op, "AMB-03");
        var merah = await Api.OpenIncidentAsync(op, $"lower-from-{Guid.NewGuid():n}", triage: "merah");
        await AssignedAsync(op, merah, unitId);
        var hijau = await Api.OpenIncidentAsync(op, $"lower-to-{Guid.NewGuid():n}", triage: "hijau");

        var refused = await ProblemAsync(await AssignAsync(op, hijau, unitId, divert: true), HttpStatusCode.Conflict);

        Assert.That(Code(refused), Is.EqualTo("divert-lower-priority"));
        var kept = await IncidentAsync(op, merah);
        Assert.That(ResponseOf(kept, unitId).GetProperty("status").GetString(), Is.EqualTo("dispatched"), "nothing moved");
        Assert.That((await IncidentAsync(op, hijau)).GetProperty("responses").GetArrayLength(), Is.Zero);

        var confirmed = await AssignedAsync(op, hijau, unitId, divert: true, confirmLowerPriority: true);
        Assert.That(ResponseOf(confirmed, unitId).GetProperty("endedAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await IncidentAsync(op, merah)).GetProperty("waitingForUnit").GetBoolean(), Is.True);
    }

    [Test]
    public async Task A_unit_on_scene_cannot_be_diverted()
    {
        using var op = await Api.AsAsync("operator1");
        var unitId = await UnitIdAsync(op, "AMB-04");
        var hijau = await Api.OpenIncidentAsync(op, $"scene-{Guid.NewGuid():n}", triage: "hijau");
        await AssignedAsync(op, hijau, unitId);
        await RadioAsync(op, hijau, unitId, "enRoute");
        await RadioAsync(op, hijau, unitId, "onScene");
        var merah = await Api.OpenIncidentAsync(op, $"scene-to-{Guid.NewGuid():n}", triage: "merah");

        var refused = await ProblemAsync(await AssignAsync(op, merah, unitId, divert: true, confirmLowerPriority: true), HttpStatusCode.Conflict);

        Assert.That(Code(refused), Is.EqualTo("divert-not-allowed"));
        Assert.That(ResponseOf(await IncidentAsync(op, hijau), unitId).GetProperty("status").GetString(), Is.EqualTo("onScene"));
        Assert.That((await IncidentAsync(op, merah)).GetProperty("responses").GetArrayLength(), Is.Zero);
        Assert.That(await UnitStatusAsync(op, unitId), Is.EqualTo("onScene"));
    }

    [Test]
    public async Task The_recommendation_leaves_out_units_on_the_incident_and_offers_units_bound_for_a_less_urgent_one()
    {
        using var op = await Api.AsAsync("operator1");
        var (onIt, bound, busy) = (await UnitIdAsync(op, "AMB-01"), await UnitIdAsync(op, "AMB-03"), await UnitIdAsync(op, "AMB-06"));
        var merah = await Api.OpenIncidentAsync(op, $"rank-{Guid.NewGuid():n}", triage: "merah");
        await AssignedAsync(op, merah, onIt);
        var hijau = await Api.OpenIncidentAsync(op, $"rank-hijau-{Guid.NewGuid():n}", triage: "hijau");
        await AssignedAsync(op, hijau, bound);
        var kuning = await Api.OpenIncidentAsync(op, $"rank-kuning-{Guid.NewGuid():n}", triage: "kuning");
        await AssignedAsync(op, kuning, busy);
        await RadioAsync(op, kuning, busy, "enRoute");
        await RadioAsync(op, kuning, busy, "onScene"); // on scene: no longer a candidate for anything

        var forMerah = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{merah}/recommendation"))).EnumerateArray().ToList();

        var ids = forMerah.Select(c => c.GetProperty("unitId").GetInt64()).ToList();
        Assert.That(ids, Does.Not.Contain(onIt), "a unit already on the incident is not ranked for one more response");
        Assert.That(ids, Does.Not.Contain(busy));
        var candidate = forMerah.Single(c => c.GetProperty("unitId").GetInt64() == bound);
        var from = candidate.GetProperty("divertFrom");
        Assert.That(from.GetProperty("incidentId").GetInt64(), Is.EqualTo(hijau));
        Assert.That(from.GetProperty("triage").GetString(), Is.EqualTo("hijau"));
        Assert.That(candidate.GetProperty("reason").GetString(), Does.Contain($"incident {hijau}"));
        Assert.That(forMerah.Where(c => c.GetProperty("unitId").GetInt64() != bound).Select(c => c.TryGetProperty("divertFrom", out var d) ? d.ValueKind : JsonValueKind.Null),
            Is.All.EqualTo(JsonValueKind.Null), "available units are plain candidates");

        // From the less urgent incident, the unit bound for the merah one is no candidate.
        var forHijau = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{hijau}/recommendation"))).EnumerateArray()
            .Select(c => c.GetProperty("unitId").GetInt64()).ToList();
        Assert.That(forHijau, Does.Not.Contain(onIt).And.Not.Contain(bound).And.Not.Contain(busy));
        Assert.That(forHijau, Is.Not.Empty);
    }
}
