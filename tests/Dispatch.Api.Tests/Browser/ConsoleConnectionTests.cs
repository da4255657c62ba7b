using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>The server goes away under an open console (its own app, stopped by the test).</summary>
public sealed class ConsoleConnectionTests : BrowserTest
{
    [Test]
    public async Task With_the_server_stopped_the_console_shows_a_banner_greys_the_boards_and_sounds_within_5_seconds()
    {
        var page = await SignInAsync("operator1");
        await Api.IngestAsync($"gone-{Guid.NewGuid():n}");
        await Expect(page.Locator("#queue li button.answer").First).ToBeVisibleAsync();
        var rings = await page.Locator("body").GetAttributeAsync("data-rings");

        App.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        var banner = page.Locator("#offline-banner");
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Expect(banner).ToContainTextAsync("Koneksi ke server terputus");
        await Expect(banner).ToContainTextAsync("WIB");
        await Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\boffline\b"));
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-sounds", new System.Text.RegularExpressions.Regex(@"\blost\b"));
        var filter = await page.Locator("main.console").EvaluateAsync<string>("m => getComputedStyle(m).filter");
        Assert.That(filter, Does.Contain("grayscale"));
        Assert.That(await page.Locator("body").GetAttributeAsync("data-rings"), Is.Not.EqualTo(rings));
        await ScreenshotAsync(page, "console-offline");
    }
}

/// <summary>Sound: the queue rings until answered (an app of its own, so no other test's incident alarms); a browser that blocks audio.</summary>
public sealed class ConsoleSoundTests : BrowserTest
{
    [Test]
    public async Task When_the_browser_blocks_audio_a_banner_offers_to_enable_it_with_one_key()
    {
        await using var strict = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--autoplay-policy=document-user-activation-required"],
        });
        var context = await strict.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseAddress.ToString().TrimEnd('/') });
        // Signed in without touching the site (a bookmark, a restart with a saved session): no gesture
        // on it yet, so the browser holds the sound back.
        var login = await context.APIRequest.PostAsync("/api/auth/login?useCookies=true",
            new() { DataObject = new { username = "operator1", password = TestApp.Password } });
        Assert.That(login.Ok, Is.True, $"sign-in: {login.Status}");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");

        var banner = page.Locator("#sound-banner");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("Aktifkan suara");
        await page.Keyboard.PressAsync("Alt+S");
        await Expect(banner).ToBeHiddenAsync();
        // The page's own audio now runs: a new call sounds, and the banner does not come back.
        await Api.IngestAsync($"unlocked-{Guid.NewGuid():n}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-rings", new System.Text.RegularExpressions.Regex(@"^[1-9]"));
        await Expect(banner).ToBeHiddenAsync();
    }

    [Test]
    public async Task The_queue_rings_again_and_again_while_a_call_waits_and_rises_at_30_and_60_seconds()
    {
        var page = await SignInAsync("operator1");
        var now = TimeProvider.System.GetUtcNow();
        var fresh = (await Api.IngestAsync($"ring-{Guid.NewGuid():n}")).GetProperty("id").GetInt64();
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-wait-level", "1", new() { Timeout = 3000 });
        var before = await ConsoleShiftTests.RingsAsync(page);
        await Task.Delay(9000);
        Assert.That(await ConsoleShiftTests.RingsAsync(page) - before, Is.GreaterThanOrEqualTo(2), "rings again while the call waits (every 4 s at level 1)");

        await Api.IngestAsync($"ring30-{Guid.NewGuid():n}", receivedAt: now.AddSeconds(-35));
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-wait-level", "2", new() { Timeout = 3000 });
        await Api.IngestAsync($"ring60-{Guid.NewGuid():n}", receivedAt: now.AddSeconds(-65));
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-wait-level", "3", new() { Timeout = 3000 });
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-last-sound", "3", new() { Timeout = 3000 });

        // Answered (here: closed as abandoned), nothing waits: the ringing stops.
        using var op = await Api.AsAsync("operator2");
        foreach (var call in (await ApiClient.OkJsonAsync(await op.GetAsync("/api/calls"))).EnumerateArray().Where(c => c.GetProperty("status").GetString() == "waiting"))
            await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{call.GetProperty("id").GetInt64()}/close", ApiClient.RawJson("""{"outcome":"abandoned"}""")));
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-wait-level", "0", new() { Timeout = 3000 });
        Assert.That(fresh, Is.GreaterThan(0));
    }
}
