using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Calls;

/// <summary>A second call about an active incident is recognised by number or by place and time.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class DuplicateTests(string database) : ApiTest(database)
{
    [Test]
    public async Task The_same_number_or_a_nearby_point_points_to_the_active_incident()
    {
        using var op = await Api.AsAsync("operator1");
        var incidentId = await Api.OpenIncidentAsync(op, $"dup-first-{Guid.NewGuid():n}", lat: -0.7800, lon: 100.6400);

        var sameNumber = (await Api.IngestAsync($"dup-number-{Guid.NewGuid():n}", callerNumber: "081234567890", lat: -0.7000, lon: 100.5000)).GetProperty("id").GetInt64();
        var byNumber = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/calls/{sameNumber}/duplicates"));
        Assert.That(byNumber.EnumerateArray().Single().GetProperty("incidentId").GetInt64(), Is.EqualTo(incidentId));
        Assert.That(byNumber[0].GetProperty("sameNumber").GetBoolean(), Is.True);

        var otherNumber = (await Api.IngestAsync($"dup-near-{Guid.NewGuid():n}", callerNumber: "085200001111", lat: -0.7000, lon: 100.5000)).GetProperty("id").GetInt64();
        var far = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/calls/{otherNumber}/duplicates"));
        Assert.That(far.GetArrayLength(), Is.Zero, "another number, far away");
        var near = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/calls/{otherNumber}/duplicates?lat=-0.7805&lon=100.6405"));
        Assert.That(near.EnumerateArray().Single().GetProperty("incidentId").GetInt64(), Is.EqualTo(incidentId));
        Assert.That(near[0].GetProperty("distanceMeters").GetDouble(), Is.LessThan(300));

        var withheld = (await Api.IngestAsync($"dup-withheld-{Guid.NewGuid():n}", callerNumber: null, lat: -0.7000, lon: 100.5000)).GetProperty("id").GetInt64();
        Assert.That((await ApiClient.OkJsonAsync(await op.GetAsync($"/api/calls/{withheld}/duplicates"))).GetArrayLength(), Is.Zero, "a withheld number matches nothing");
    }

    [Test]
    public async Task A_closed_incident_is_no_longer_a_duplicate()
    {
        using var op = await Api.AsAsync("operator2");
        var incidentId = await Api.OpenIncidentAsync(op, $"dup-closed-{Guid.NewGuid():n}", lat: -0.7600, lon: 100.6600);
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/cancel", new { reason = "duplikat uji" }));
        var call = (await Api.IngestAsync($"dup-after-{Guid.NewGuid():n}", callerNumber: "0899-1111-2222", lat: -0.7600, lon: 100.6600)).GetProperty("id").GetInt64();
        var matches = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/calls/{call}/duplicates"));
        Assert.That(matches.EnumerateArray().Select(m => m.GetProperty("incidentId").GetInt64()), Has.No.Member(incidentId));
    }
}
