using System.Net;
using System.Net.Http.Json;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Incidents;

/// <summary>Real parallel requests from two operators: one wins, the other gets 409.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class ConcurrencyTests(string database) : ApiTest(database)
{
    [Test, Repeat(5)]
    public async Task Two_operators_answering_one_call_one_wins_the_other_gets_409()
    {
        using var a = await Api.AsAsync("operator1");
        using var b = await Api.AsAsync("operator2");
        var id = (await Api.IngestAsync($"race-{Guid.NewGuid():n}")).GetProperty("id").GetInt64();

        var results = await Task.WhenAll(a.PostAsync($"/api/calls/{id}/answer", null), b.PostAsync($"/api/calls/{id}/answer", null));

        Assert.That(results.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var winner = results[0].IsSuccessStatusCode ? "operator1" : "operator2";
        var call = await ApiClient.OkJsonAsync(await a.GetAsync($"/api/calls/{id}"));
        Assert.That(call.GetProperty("answeredBy").GetString(), Is.EqualTo(winner));
    }

    [Test, Repeat(3)]
    public async Task One_unit_assigned_from_two_operators_at_once_is_assigned_once()
    {
        using var a = await Api.AsAsync("operator1");
        using var b = await Api.AsAsync("operator2");
        var first = await Api.OpenIncidentAsync(a, $"unit-race-a-{Guid.NewGuid():n}");
        var second = await Api.OpenIncidentAsync(b, $"unit-race-b-{Guid.NewGuid():n}");
        var unitId = (await ApiClient.OkJsonAsync(await a.GetAsync("/api/units"))).EnumerateArray()
            .First(u => u.GetProperty("status").GetString()!.StartsWith("available", StringComparison.Ordinal)).GetProperty("id").GetInt64();

        var results = await Task.WhenAll(
            a.PostAsJsonAsync($"/api/incidents/{first}/assign", new { unitId }),
            b.PostAsJsonAsync($"/api/incidents/{second}/assign", new { unitId }));

        Assert.That(results.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        using var db = App.OpenDatabase();
        Assert.That(db.ExecuteScalar<long>("SELECT COUNT(*) FROM incidents WHERE unit_id = @unitId AND status = 'Dispatched'", new { unitId }), Is.EqualTo(1));
        Assert.That(db.ExecuteScalar<long>("SELECT COUNT(*) FROM responses WHERE unit_id = @unitId AND ended_at IS NULL", new { unitId }), Is.EqualTo(1));
        var loser = results[0].IsSuccessStatusCode ? second : first;
        var pending = await ApiClient.OkJsonAsync(await a.GetAsync($"/api/incidents/{loser}"));
        Assert.That(pending.GetProperty("status").GetString(), Is.EqualTo("pending"), "the losing incident is untouched");
        // Free the unit for the next repetition.
        var winner = loser == first ? second : first;
        await ApiClient.OkJsonAsync(await a.PostAsJsonAsync($"/api/incidents/{winner}/cancel", new { reason = "test" }));
    }
}
