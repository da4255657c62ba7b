using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>The planning page runs a scenario on the demo history and shows it beside today's configuration: tiles, table, charts, map.</summary>
public sealed class PlanningSimulationBrowserTests : BrowserTest
{
    protected override Dictionary<string, string?> Settings => new() { ["Seed:DemoHistory"] = "400" };

    [Test]
    public async Task A_scenario_with_one_more_unit_runs_on_the_demo_history_and_shows_its_charts_and_map()
    {
        var page = await SignInAsync("dinkes1", configure: null, expectHub: false);
        await page.GotoAsync("/planning");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 15000 });
        var stations = await page.Locator("#scenario-stations tbody tr").CountAsync();
        Assert.That(stations, Is.GreaterThan(0), "today's stations are rows to change");
        var units = await page.Locator("#scenario-units tbody tr").CountAsync();

        // One more unit at a new station placed by a click on the map.
        await page.Locator("#add-station").ClickAsync();
        var box = (await page.Locator("#scenario-map").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width * 0.4f, box.Y + box.Height * 0.6f);
        await Expect(page.Locator("#scenario-stations tbody tr")).ToHaveCountAsync(stations + 1);
        await page.Locator("#add-unit").ClickAsync();
        await Expect(page.Locator("#scenario-units tbody tr")).ToHaveCountAsync(units + 1);
        await page.Locator("#scenario-units tbody tr").Last.Locator("select.home").SelectOptionAsync("key:baru-1");
        await page.FillAsync("#scenario-name", "Tambah satu unit");
        await page.Locator("#run").ClickAsync();

        await Expect(page.Locator("#results")).ToBeVisibleAsync(new() { Timeout = 30000 });
        await Expect(page.Locator("#result-title")).ToHaveTextAsync("Tambah satu unit");
        var replayed = int.Parse(await page.Locator("#result-summary .tile strong").Last.InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.That(replayed, Is.GreaterThan(100), "the demo's sample history within the last year is replayed");
        Assert.That(await page.Locator("#result-triage tbody tr").CountAsync(), Is.GreaterThanOrEqualTo(2), "a row per triage with calls");
        var bars = await page.EvaluateAsync<int>("() => ['chart-sim-p90','chart-sim-units'].filter(id => Chart.getChart(id)?.data.datasets.length === 2).length");
        Assert.That(bars, Is.EqualTo(2), "both charts compare today and the scenario");
        Assert.That(await page.Locator("#result-map path.leaflet-interactive").CountAsync(), Is.EqualTo(13), "one shaded kelurahan each");
        Assert.That(await page.Locator("#result-units tbody tr").CountAsync(), Is.EqualTo(units + 1), "the added unit is listed beside today's");
        await Expect(page.Locator("#past-runs tbody tr").First).ToContainTextAsync("Tambah satu unit");
        await ScreenshotAsync(page, "planning-simulation");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await ScreenshotAsync(page, "planning-print");
        Assert.That(await page.Locator("#scenario-editor").IsVisibleAsync(), Is.False, "the printout is the result, not the editor");
        Assert.That(ConsoleErrors, Is.Empty);
    }
}
