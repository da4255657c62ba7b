using System.Net;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Routing;

/// <summary>
/// A bad road file: the app starts, estimates by straight line and says why on /health/details; a good
/// file put in its place is picked up without a restart; a bad one after that keeps the good network.
/// </summary>
public sealed class RoadFileReloadTests : ApiTest
{
    private const string BadFeature = "{\"type\":\"Feature\",\"properties\":{\"osm_id\":777},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[100.6,-0.79],[100.61,-0.79]]}}";
    private static readonly string RoadFile = SolokRoads.WriteFile(BadFile());

    protected override Dictionary<string, string?> Settings => new() { ["Roads:Path"] = RoadFile, ["Roads:ReloadCheckSeconds"] = "0.2" };

    [OneTimeTearDown]
    public void DeleteRoadFile() => File.Delete(RoadFile);

    /// <summary>The good network with a feature lacking its highway tag put in second place.</summary>
    private static string BadFile() => SolokRoads.GeoJson().Replace("},\n{", "},\n" + BadFeature + ",\n{", StringComparison.Ordinal);

    private async Task<JsonElement> RoadsAsync()
    {
        using var admin = await Api.AsAsync("admin");
        return (await ApiClient.OkJsonAsync(await admin.GetAsync("/health/details"))).GetProperty("roads");
    }

    private async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            var roads = await RoadsAsync();
            if (condition(roads)) return roads;
            await Task.Delay(100);
        }
        Assert.Fail($"/health roads never changed as expected: {await RoadsAsync()}");
        return default;
    }

    [Test, Order(1)]
    public async Task A_bad_file_leaves_straight_line_estimates_and_health_names_the_feature()
    {
        var roads = await RoadsAsync();
        using var op = await Api.AsAsync("operator1");
        var incidentId = await Api.OpenIncidentAsync(op, "road-bad-1", triage: "kuning", lat: SolokRoads.Scene.Lat, lon: SolokRoads.Scene.Lon);
        var candidates = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/recommendation"));
        Assert.Multiple(async () =>
        {
            Assert.That(roads.GetProperty("mode").GetString(), Is.EqualTo("straightLine"));
            Assert.That(roads.GetProperty("error").GetString(), Does.StartWith($"{Path.GetFileName(RoadFile)}: features[1] (osm_id 777) has no 'highway' tag.")
                .And.EndWith("Estimating by straight line."));
            Assert.That(candidates.EnumerateArray().Select(c => c.GetProperty("etaBasis").GetString()), Is.All.EqualTo("straightLine"));
            Assert.That((await op.GetAsync("/api/routing/eta?from=-0.79,100.62&to=-0.78,100.62")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        });
    }

    [Test, Order(2)]
    public async Task A_good_file_is_loaded_without_a_restart_and_a_later_bad_one_keeps_it()
    {
        await File.WriteAllTextAsync(RoadFile, SolokRoads.GeoJson());
        var loaded = await WaitForAsync(r => r.GetProperty("mode").GetString() == "road");
        Assert.That(loaded.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
        using var op = await Api.AsAsync("operator1");
        Assert.That((await op.GetAsync("/api/routing/eta?from=-0.79,100.62&to=-0.78,100.62")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await File.WriteAllTextAsync(RoadFile, SolokRoads.GeoJson()[..5000]); // cut short, as by a failed copy
        var kept = await WaitForAsync(r => r.GetProperty("error").ValueKind == JsonValueKind.String);
        Assert.Multiple(async () =>
        {
            Assert.That(kept.GetProperty("mode").GetString(), Is.EqualTo("road"));
            Assert.That(kept.GetProperty("error").GetString(), Does.Contain("cut-short").And.Contain("Still routing on the network loaded at"));
            Assert.That((await op.GetAsync("/api/routing/eta?from=-0.79,100.62&to=-0.78,100.62")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
