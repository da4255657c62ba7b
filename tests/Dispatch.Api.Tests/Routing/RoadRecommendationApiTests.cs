using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using Dispatch.Core.Geography;

namespace Dispatch.Api.Tests.Routing;

/// <summary>
/// Recommendation on a road network: AMB-01 waits just across the river from the scene (nearest by
/// air), AMB-02 four blocks away on the same bank; by road AMB-02 is first. Then the assigned
/// unit's route is drawn for the console and the crew.
/// </summary>
public sealed class RoadRecommendationApiTests : ApiTest
{
    private static readonly string RoadFile = SolokRoads.WriteFile();

    // All six demo units in the answer, so the far-by-road AMB-01 is listed too.
    protected override Dictionary<string, string?> Settings => new() { ["Roads:Path"] = RoadFile, ["Recommendation:MaxCandidates"] = "10" };

    [OneTimeTearDown]
    public void DeleteRoadFile() => File.Delete(RoadFile);

    private async Task<long> UnitIdAsync(HttpClient op, string callSignStart) =>
        (await ApiClient.OkJsonAsync(await op.GetAsync("/api/units"))).EnumerateArray()
        .Single(u => u.GetProperty("callSign").GetString()!.StartsWith(callSignStart, StringComparison.Ordinal)).GetProperty("id").GetInt64();

    private async Task ReportAsync(string crew, long unitId, GeoPoint at)
    {
        using var client = await Api.AsAsync(crew);
        await ApiClient.OkJsonAsync(await client.PostAsJsonAsync($"/api/units/{unitId}/position",
            new { lat = at.Lat, lon = at.Lon, accuracy = 10, at = TimeProvider.System.GetUtcNow() }));
    }

    [Test]
    public async Task The_unit_on_the_same_bank_is_ranked_before_the_nearer_one_across_the_river_and_its_route_is_shown()
    {
        using var op = await Api.AsAsync("operator1");
        var amb1 = await UnitIdAsync(op, "AMB-01");
        var amb2 = await UnitIdAsync(op, "AMB-02");
        await ReportAsync("crew1", amb1, SolokRoads.AcrossRiver);
        await ReportAsync("crew2", amb2, SolokRoads.SameBank);
        var scene = SolokRoads.Scene;
        var incidentId = await Api.OpenIncidentAsync(op, "road-rank-1", triage: "kuning", lat: scene.Lat, lon: scene.Lon);

        var candidates = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/recommendation"))).EnumerateArray().ToList();
        var across = candidates.Single(c => c.GetProperty("unitId").GetInt64() == amb1);
        var sameBank = candidates.Single(c => c.GetProperty("unitId").GetInt64() == amb2);
        Assert.Multiple(() =>
        {
            Assert.That(across.GetProperty("distanceMeters").GetDouble(), Is.LessThan(sameBank.GetProperty("distanceMeters").GetDouble()), "AMB-01 is nearer by air");
            Assert.That(sameBank.GetProperty("rank").GetInt32(), Is.LessThan(across.GetProperty("rank").GetInt32()), "AMB-02 is nearer by road");
            Assert.That(across.GetProperty("etaBasis").GetString(), Is.EqualTo("road"));
            Assert.That(across.GetProperty("roadMeters").GetDouble(), Is.GreaterThan(10 * across.GetProperty("distanceMeters").GetDouble()));
            Assert.That(across.GetProperty("reason").GetString(), Does.Match(@"^\d+\.\d km by road, ETA ~\d+ min by road \(0\.3 km straight line\)"));
            Assert.That(sameBank.GetProperty("reason").GetString(), Does.StartWith("1.2 km by road"));
        });

        // Assign AMB-01 anyway: its route runs east over the bridge, for the operator and its crew.
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId = amb1 }));
        var route = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/route"));
        using var crew1 = await Api.AsAsync("crew1");
        var crewRoute = await ApiClient.OkJsonAsync(await crew1.GetAsync($"/api/units/{amb1}/route"));
        var line = route.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(route.GetProperty("basis").GetString(), Is.EqualTo("road"));
            Assert.That(route.GetProperty("from").GetString(), Is.EqualTo("reported"));
            Assert.That(route.GetProperty("meters").GetDouble(), Is.EqualTo(across.GetProperty("roadMeters").GetDouble()).Within(1));
            Assert.That(line[0].Lat, Is.EqualTo(SolokRoads.AcrossRiver.Lat).Within(1e-7));
            Assert.That(line[^1].Lon, Is.EqualTo(scene.Lon).Within(1e-7));
            Assert.That(line.Max(p => p.Lon), Is.EqualTo(SolokRoads.BridgeLon).Within(1e-7), "over the bridge");
            Assert.That(crewRoute.GetProperty("geometry").GetRawText(), Is.EqualTo(route.GetProperty("geometry").GetRawText()));
        });

        using var crew2 = await Api.AsAsync("crew2");
        Assert.Multiple(async () =>
        {
            Assert.That((await crew2.GetAsync($"/api/units/{amb1}/route")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "another unit's route");
            Assert.That((await crew2.GetAsync($"/api/units/{amb2}/route")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "no assignment, no route");
        });
    }

    [Test]
    public async Task An_incident_without_a_unit_has_no_route()
    {
        using var op = await Api.AsAsync("operator1");
        var incidentId = await Api.OpenIncidentAsync(op, "road-rank-2", triage: "hijau", lat: SolokRoads.Scene.Lat, lon: SolokRoads.Scene.Lon);
        Assert.That((await op.GetAsync($"/api/incidents/{incidentId}/route")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }
}
