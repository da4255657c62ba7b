using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;
using Dispatch.Api.Tests.Routing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>With a road network: the console says ETAs are by road and draws the assigned unit's route; the crew's phone shows it too.</summary>
public sealed class RouteBrowserTests : BrowserTest
{
    private static readonly string RoadFile = SolokRoads.WriteFile();

    protected override Dictionary<string, string?> Settings => new() { ["Roads:Path"] = RoadFile };

    [OneTimeTearDown]
    public void DeleteRoadFile() => File.Delete(RoadFile);

    [Test]
    public async Task The_assigned_units_route_is_drawn_on_the_console_map_and_the_crew_phone()
    {
        using var op = await Api.AsAsync("operator1");
        using var crewApi = await Api.AsAsync("crew1");
        var unitId = (await ApiClient.OkJsonAsync(await crewApi.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();
        var start = SolokRoads.AcrossRiver;
        await ApiClient.OkJsonAsync(await crewApi.PostAsJsonAsync($"/api/units/{unitId}/position",
            new { lat = start.Lat, lon = start.Lon, accuracy = 10, at = TimeProvider.System.GetUtcNow() }));

        var crew = await SignInAsync("crew1", new ViewportSize { Width = 390, Height = 844 });
        var console = await SignInAsync("operator1");
        await Expect(console.Locator("#roads")).ToHaveTextAsync("ETA: jaringan jalan");
        await Expect(console.Locator("#roads-banner")).ToBeHiddenAsync();

        var scene = SolokRoads.Scene;
        var incidentId = await Api.OpenIncidentAsync(op, $"route-{Guid.NewGuid():n}", triage: "merah", lat: scene.Lat, lon: scene.Lon);
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));

        await Expect(console.Locator("#map path.route-line")).ToHaveCountAsync(1);
        await Expect(crew.Locator("#route-text")).ToContainTextAsync("km lewat jalan");
        await Expect(crew.Locator("#route-map path.route-line")).ToHaveCountAsync(1);
        await ScreenshotAsync(console, "console-route");
        await ScreenshotAsync(crew, "crew-route");

        // On scene the way there is done: the line leaves the console map.
        await ApiClient.OkJsonAsync(await crewApi.PostAsJsonAsync($"/api/units/{unitId}/acknowledge", new { }));
        await ApiClient.OkJsonAsync(await crewApi.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "enRoute" }));
        await ApiClient.OkJsonAsync(await crewApi.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "onScene" }));
        await Expect(console.Locator("#map path.route-line")).ToHaveCountAsync(0);
        Assert.That(ConsoleErrors, Is.Empty);
    }
}

/// <summary>A refused road file: the console says ETAs are straight-line estimates and shows the error.</summary>
public sealed class RefusedRoadsBrowserTests : BrowserTest
{
    private static readonly string RoadFile = SolokRoads.WriteFile("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"osm_id\":9},\"geometry\":null}]}");

    protected override Dictionary<string, string?> Settings => new() { ["Roads:Path"] = RoadFile };

    [OneTimeTearDown]
    public void DeleteRoadFile() => File.Delete(RoadFile);

    [Test]
    public async Task The_console_shows_straight_line_mode_and_the_feature_at_fault()
    {
        var console = await SignInAsync("operator1");
        await Expect(console.Locator("#roads")).ToHaveTextAsync("ETA: garis lurus");
        await Expect(console.Locator("#roads-banner")).ToBeVisibleAsync();
        await Expect(console.Locator("#roads-banner")).ToContainTextAsync("features[0] (osm_id 9) has no 'highway' tag");
        await ScreenshotAsync(console, "console-roads-refused");
    }
}
