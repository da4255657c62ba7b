using Dapper;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>
/// A console whose catch-up reaches back past Events:CatchUpHours (away longer than the feed keeps
/// for it) is told so and reloads its state instead of going on with gaps.
/// </summary>
public sealed class ConsoleCatchUpFloorTests : BrowserTest
{
    [Test]
    public async Task A_console_that_missed_events_older_than_the_floor_reloads_its_state()
    {
        var page = await SignInAsync("operator1");
        await page.EvaluateAsync("() => { window.psc119BeforeReload = true; }");
        // An event the console never received, now older than the floor (12 h): as if it had been away.
        using (var db = App.OpenDatabase())
            db.Execute("INSERT INTO events (at, type, audience, data) VALUES (@At, 'CallUpdated', 'operators', '{}')",
                new { At = TimeProvider.System.GetUtcNow().AddHours(-13).ToUnixTimeMilliseconds() });

        // The next push skips a number: the console catches up, hears it missed events, and reloads.
        var externalId = $"floor-{Guid.NewGuid():n}";
        await Api.IngestAsync(externalId);

        await page.WaitForFunctionAsync("() => window.psc119BeforeReload === undefined", null, new() { Timeout = 15000 });
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.Locator("#queue li button.answer").First).ToBeVisibleAsync(new() { Timeout = 10000 });
    }

    [Test]
    public async Task A_console_that_missed_nothing_keeps_its_page()
    {
        var page = await SignInAsync("operator1");
        await page.EvaluateAsync("() => { window.psc119BeforeReload = true; }");

        await Api.IngestAsync($"no-floor-{Guid.NewGuid():n}");

        await Expect(page.Locator("#queue li button.answer").First).ToBeVisibleAsync();
        Assert.That(await page.EvaluateAsync<bool>("() => window.psc119BeforeReload === true"), Is.True, "no reload");
    }
}
