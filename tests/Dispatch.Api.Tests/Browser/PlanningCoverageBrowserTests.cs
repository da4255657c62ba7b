using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>The coverage module on the demo history: the map is shaded, a click adds a candidate, placement ranks it.</summary>
public sealed class PlanningCoverageBrowserTests : BrowserTest
{
    protected override Dictionary<string, string?> Settings => new() { ["Seed:DemoHistory"] = "200" };

    [Test]
    public async Task Coverage_map_takes_a_clicked_candidate_and_ranks_the_placement()
    {
        var page = await SignInAsync("dinkes1", configure: null, expectHub: false);
        await page.GotoAsync("/planning");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 15000 });

        Assert.That(await page.Locator("#coverage-map path.leaflet-interactive").CountAsync(), Is.GreaterThanOrEqualTo(13), "13 shaded kelurahan and the stations");
        await Expect(page.Locator("#coverage-summary")).ToContainTextAsync("%");
        await Expect(page.Locator("#calibration-figures")).ToBeVisibleAsync();

        await page.Locator("#coverage-map").ScrollIntoViewIfNeededAsync(); // below the simulation on the page
        var box = (await page.Locator("#coverage-map").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (box.Width * 0.45f), box.Y + (box.Height * 0.55f));
        await Expect(page.Locator("#candidate-list li")).ToHaveCountAsync(1);

        await page.Locator("#placement-run").ClickAsync();
        await Expect(page.Locator("#placement-additions tbody tr").First).ToContainTextAsync("1");
        await Expect(page.Locator("#placement-additions tbody tr.best")).ToHaveCountAsync(1);
        Assert.That(await page.Locator("#placement-additions tbody tr").CountAsync(), Is.EqualTo(6), "the clicked point and the 5 facilities");
        Assert.That(await page.Locator("#coverage-map path.best-marker").CountAsync(), Is.EqualTo(1), "the best site is highlighted");
        await ScreenshotAsync(page, "planning-coverage");
        Assert.That(ConsoleErrors, Is.Empty);
    }
}
