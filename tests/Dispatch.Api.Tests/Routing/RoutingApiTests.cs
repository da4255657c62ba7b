using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using Dispatch.Core.Geography;

namespace Dispatch.Api.Tests.Routing;

/// <summary>The app with a road network (Roads:Path): travel times, recommendation by road, the assigned unit's route.</summary>
public sealed class RoutingApiTests : ApiTest
{
    private static readonly string RoadFile = SolokRoads.WriteFile();

    protected override Dictionary<string, string?> Settings => new() { ["Roads:Path"] = RoadFile };

    [OneTimeTearDown]
    public void DeleteRoadFile() => File.Delete(RoadFile);

    private static string Q(GeoPoint p) => FormattableString.Invariant($"{p.Lat},{p.Lon}");

    [Test]
    public async Task Eta_answers_seconds_meters_snap_distance_and_a_geojson_line()
    {
        using var op = await Api.AsAsync("operator1");
        var from = new GeoPoint(SolokRoads.SameBank.Lat + 0.0005, SolokRoads.SameBank.Lon); // ~56 m off the street
        var eta = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/routing/eta?from={Q(from)}&to={Q(SolokRoads.Scene)}"));
        var coordinates = eta.GetProperty("geometry").GetProperty("coordinates");
        Assert.Multiple(() =>
        {
            Assert.That(eta.GetProperty("snapDistanceMeters").GetDouble(), Is.EqualTo(55.6).Within(1));
            Assert.That(eta.GetProperty("meters").GetDouble(), Is.EqualTo(4 * 300 + 55.6).Within(1).Percent);
            Assert.That(eta.GetProperty("seconds").GetDouble(), Is.EqualTo((1200 / (25 * 1.2 / 3.6)) + (55.6 / (10 / 3.6))).Within(1).Percent);
            Assert.That(eta.GetProperty("geometry").GetProperty("type").GetString(), Is.EqualTo("LineString"));
            Assert.That(coordinates[0][0].GetDouble(), Is.EqualTo(from.Lon).Within(1e-7), "[lon, lat] from the start");
            Assert.That(coordinates[0][1].GetDouble(), Is.EqualTo(from.Lat).Within(1e-7));
        });
    }

    [TestCase("from=abc&to=-0.79,100.62", "from")]
    [TestCase("from=-0.79,100.62", "to")]
    [TestCase("from=-0.79;100.62&to=-0.79,100.62", "from")]
    [TestCase("from=-0.79,100.62&to=95,100.62", "to")]
    [TestCase("from=-0.79,100.62&to=-0.79,181", "to")]
    public async Task Malformed_points_are_a_400_naming_the_field(string query, string field)
    {
        using var op = await Api.AsAsync("admin");
        var response = await op.GetAsync($"/api/routing/eta?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task A_point_far_from_every_road_is_a_422_problem()
    {
        using var op = await Api.AsAsync("operator1");
        var response = await op.GetAsync($"/api/routing/eta?from=-0.60,100.60&to={Q(SolokRoads.Scene)}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("FromOffRoad"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("more than 500 m from any road"));
        });
    }

    [TestCase("crew1", HttpStatusCode.Forbidden)]
    [TestCase("dinkes1", HttpStatusCode.Forbidden)]
    [TestCase(null, HttpStatusCode.Unauthorized)]
    public async Task Only_operators_and_admins_may_ask(string? user, HttpStatusCode expected)
    {
        using var client = user is null ? Api.Anonymous() : await Api.AsAsync(user);
        var response = await client.GetAsync($"/api/routing/eta?from={Q(SolokRoads.SameBank)}&to={Q(SolokRoads.Scene)}");
        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task The_eta_endpoint_and_its_problems_are_in_the_openapi_document()
    {
        var doc = await ApiClient.OkJsonAsync(await Api.Anonymous().GetAsync("/openapi/v1.json"));
        var eta = doc.GetProperty("paths").GetProperty("/api/routing/eta").GetProperty("get");
        Assert.Multiple(() =>
        {
            Assert.That(eta.GetProperty("responses").EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "200", "400", "422", "503" }));
            Assert.That(eta.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()), Is.EquivalentTo(new[] { "from", "to" }));
            Assert.That(eta.GetProperty("summary").GetString(), Does.Contain("snapDistanceMeters"));
        });
    }

    [Test]
    public async Task Health_and_status_say_that_arrival_times_are_by_road()
    {
        using var op = await Api.AsAsync("operator1");
        using var admin = await Api.AsAsync("admin");
        var health = await ApiClient.OkJsonAsync(await admin.GetAsync("/health/details"));
        var status = await ApiClient.OkJsonAsync(await op.GetAsync("/api/routing/status"));
        Assert.Multiple(() =>
        {
            Assert.That(health.GetProperty("roads").GetProperty("mode").GetString(), Is.EqualTo("road"));
            Assert.That(health.GetProperty("roads").GetProperty("file").GetString(), Is.EqualTo(Path.GetFileName(RoadFile)));
            Assert.That(status.GetProperty("nodes").GetInt32(), Is.EqualTo(SolokRoads.Rows * SolokRoads.Columns));
            Assert.That(status.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }
}
