using System.Net;
using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Security;

/// <summary>A crew sees and acts on its own unit only.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class CrewIsolationTests(string database) : ApiTest(database)
{
    [Test]
    public async Task The_crew_of_unit_A_never_receives_or_acts_on_unit_B_assignment()
    {
        await using var crew1Hub = await Api.ListenAsync("crew1");
        await using var crew2Hub = await Api.ListenAsync("crew2");
        using var op = await Api.AsAsync("operator1");
        using var crew1 = await Api.AsAsync("crew1");
        using var crew2 = await Api.AsAsync("crew2");
        var unitB = (await ApiClient.OkJsonAsync(await crew2.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();
        var incidentId = await Api.OpenIncidentAsync(op, "iso-1");
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId = unitB }));
        await crew2Hub.WaitForAsync(e => e.Type == "AssignmentOffered" && e.Long("incidentId") == incidentId);

        var attempts = new[]
        {
            await crew1.GetAsync($"/api/units/{unitB}/assignment"),
            await crew1.PostAsync($"/api/units/{unitB}/acknowledge", null),
            await crew1.PostAsJsonAsync($"/api/units/{unitB}/status", new { status = "enRoute" }),
            await crew1.PostAsJsonAsync($"/api/units/{unitB}/position", new { lat = -0.79, lon = 100.65 }),
        };
        Assert.That(attempts.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Forbidden));
        var feed = (await ApiClient.OkJsonAsync(await crew1.GetAsync("/api/events?after=0"))).EnumerateArray();
        Assert.That(feed.Select(e => e.GetProperty("type").GetString()), Has.None.EqualTo("AssignmentOffered"));
        Assert.That(crew1Hub.Received.Where(e => e.Type == "AssignmentOffered"), Is.Empty);
        var stillOffered = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"));
        Assert.That(stillOffered.GetProperty("status").GetString(), Is.EqualTo("dispatched"), "nothing crew1 tried changed unit B's incident");
    }

    [Test]
    public async Task A_position_report_moves_the_unit_on_the_operators_board()
    {
        await using var opHub = await Api.ListenAsync("operator2");
        using var crew1 = await Api.AsAsync("crew1");
        var unitA = (await ApiClient.OkJsonAsync(await crew1.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();

        await ApiClient.OkJsonAsync(await crew1.PostAsJsonAsync($"/api/units/{unitA}/position", new { lat = -0.7712, lon = 100.6543, accuracy = 12.5 }));

        var moved = await opHub.WaitForAsync(e => e.Type == "UnitChanged" && e.Long("id") == unitA);
        Assert.That(moved.Data.GetProperty("lastPosition").GetProperty("lat").GetDouble(), Is.EqualTo(-0.7712));
        var invalid = await crew1.PostAsJsonAsync($"/api/units/{unitA}/position", new { lat = 123.0, lon = 100.65 });
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
