using System.Net;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;
using static Dispatch.Api.Tests.Incidents.Dispatching;

namespace Dispatch.Api.Tests.Incidents;

/// <summary>
/// Two operators sending or diverting the same unit at the same moment, as real parallel requests:
/// exactly one wins, the other gets 409, and the database holds one active response for the unit.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class ResponseRaceTests(string database) : ApiTest(database)
{
    [SetUp]
    public Task FreeUnits() => FreeAllUnitsAsync(Api);

    [Test, Repeat(3)]
    public async Task Two_operators_diverting_one_unit_to_their_own_incidents_one_wins()
    {
        using var a = await Api.AsAsync("operator1");
        using var b = await Api.AsAsync("operator2");
        var unitId = await UnitIdAsync(a, "AMB-05");
        var hijau = await Api.OpenIncidentAsync(a, $"race-from-{Guid.NewGuid():n}", triage: "hijau");
        await AssignedAsync(a, hijau, unitId);
        var first = await Api.OpenIncidentAsync(a, $"race-a-{Guid.NewGuid():n}", triage: "merah");
        var second = await Api.OpenIncidentAsync(b, $"race-b-{Guid.NewGuid():n}", triage: "merah");

        // Each operator diverts the unit from the hijau incident they saw it on.
        var results = await Task.WhenAll(AssignAsync(a, first, unitId, divert: true, fromIncidentId: hijau), AssignAsync(b, second, unitId, divert: true, fromIncidentId: hijau));

        var bodies = string.Join(" | ", await Task.WhenAll(results.Select(r => r.Content.ReadAsStringAsync())));
        Assert.That(results.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }), bodies);
        var refused = await ProblemAsync(results.Single(r => !r.IsSuccessStatusCode), HttpStatusCode.Conflict);
        Assert.That(Code(refused), Is.AnyOf("unit-committed", "concurrency"));
        var (winner, loser) = results[0].IsSuccessStatusCode ? (first, second) : (second, first);
        if (Code(refused) == "unit-committed") Assert.That(refused.GetProperty("incidentId").GetInt64(), Is.EqualTo(winner), "names where the unit is now");
        await OneActiveResponseAsync(unitId, winner);
        Assert.That((await IncidentAsync(a, loser)).GetProperty("responses").GetArrayLength(), Is.Zero, "the losing incident is untouched");
        Assert.That((await IncidentAsync(a, hijau)).GetProperty("waitingForUnit").GetBoolean(), Is.True);
    }

    [Test, Repeat(3)]
    public async Task Two_operators_sending_one_unit_to_the_same_incident_send_it_once()
    {
        using var a = await Api.AsAsync("operator1");
        using var b = await Api.AsAsync("operator2");
        var unitId = await UnitIdAsync(a, "AMB-06");
        var incidentId = await Api.OpenIncidentAsync(a, $"race-same-{Guid.NewGuid():n}");

        var results = await Task.WhenAll(AssignAsync(a, incidentId, unitId), AssignAsync(b, incidentId, unitId));

        Assert.That(results.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var refused = await ProblemAsync(results.Single(r => !r.IsSuccessStatusCode), HttpStatusCode.Conflict);
        Assert.That(Code(refused), Is.AnyOf("unit-already-assigned", "unit-busy", "concurrency"));
        await OneActiveResponseAsync(unitId, incidentId);
        Assert.That((await IncidentAsync(a, incidentId)).GetProperty("responses").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_diversion_from_an_incident_the_unit_has_left_since_names_where_it_is_now()
    {
        using var op = await Api.AsAsync("operator1");
        var unitId = await UnitIdAsync(op, "AMB-05");
        var hijau = await Api.OpenIncidentAsync(op, $"seen-{Guid.NewGuid():n}", triage: "hijau");
        await AssignedAsync(op, hijau, unitId);
        var kuning = await Api.OpenIncidentAsync(op, $"seen-k-{Guid.NewGuid():n}", triage: "kuning");
        await AssignedAsync(op, kuning, unitId, divert: true);
        var merah = await Api.OpenIncidentAsync(op, $"seen-m-{Guid.NewGuid():n}", triage: "merah");

        var stale = await ProblemAsync(await AssignAsync(op, merah, unitId, divert: true, fromIncidentId: hijau), HttpStatusCode.Conflict);

        Assert.That(Code(stale), Is.EqualTo("unit-committed"));
        Assert.That(stale.GetProperty("incidentId").GetInt64(), Is.EqualTo(kuning));
        await OneActiveResponseAsync(unitId, kuning);
        await AssignedAsync(op, merah, unitId, divert: true, fromIncidentId: kuning);
        await OneActiveResponseAsync(unitId, merah);
    }

    private async Task OneActiveResponseAsync(long unitId, long incidentId)
    {
        using var db = App.OpenDatabase();
        var active = db.Query<long>("SELECT incident_id FROM responses WHERE unit_id = @unitId AND ended_at IS NULL", new { unitId }).ToList();
        Assert.That(active, Is.EqualTo(new[] { incidentId }), "one active response for the unit, on the winner's incident");
        Assert.That(db.ExecuteScalar<long>("SELECT incident_id FROM units WHERE id = @unitId", new { unitId }), Is.EqualTo(incidentId));
    }
}
