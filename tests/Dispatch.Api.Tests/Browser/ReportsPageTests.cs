using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>The health office's reports page on the demo's sample history.</summary>
public sealed class ReportsPageTests : BrowserTest
{
    protected override Dictionary<string, string?> Settings => new() { ["Seed:DemoHistory"] = "400" };

    [Test]
    public async Task The_reports_page_renders_its_charts_map_and_heat_map_for_the_demo_data()
    {
        var page = await SignInAsync("dinkes1", configure: null, expectHub: false);
        Assert.That(page.Url, Does.EndWith("/reports"));
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 15000 });

        var incidents = int.Parse(await page.Locator("#summary .tile strong").First.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(incidents, Is.GreaterThan(250), "most of the 400 sample incidents fall in the default 90 days");
        await Expect(page.Locator("#intervals tbody tr")).ToHaveCountAsync(7);
        var drawn = await page.EvaluateAsync<int>("() => ['chart-source','chart-outcome','chart-triage','chart-trend','chart-units'].filter(id => Chart.getChart(id)?.data.datasets[0].data.length > 0).length");
        Assert.That(drawn, Is.EqualTo(5), "every chart has data");
        Assert.That(await page.Locator("#report-map path.leaflet-interactive").CountAsync(), Is.EqualTo(13), "one shaded kelurahan each");
        Assert.That(await page.Locator("#heatmap tbody tr").CountAsync(), Is.EqualTo(7));
        await Expect(page.Locator("#export-csv")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/api/exports/incidents.csv\\?from="));
        await ScreenshotAsync(page, "reports-desktop");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await ScreenshotAsync(page, "reports-print");
        Assert.That(await page.Locator(".topbar").IsVisibleAsync(), Is.False, "the print stylesheet hides the controls");
        Assert.That(ConsoleErrors, Is.Empty);
    }
}
