using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>An operator takes a call to an assigned incident with the keyboard alone; the crew steps through it on a phone.</summary>
[NonParallelizable] // Asserts that each status reaches the console within one second.
public sealed class DispatchFlowBrowserTests : BrowserTest
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly LocatorAssertionsToHaveAttributeOptions WithinOneSecond = new() { Timeout = 1000 };

    private async Task<JsonElement> PostAsync()
    {
        using var op = await Api.AsAsync("operator1");
        var facilities = await ApiClient.OkJsonAsync(await op.GetAsync("/api/facilities"));
        return facilities.EnumerateArray().First(f => f.GetProperty("kind").GetString() == "pscPost");
    }

    [Test]
    public async Task Keyboard_only_call_taking_to_assignment_and_the_crew_steps_through_the_statuses()
    {
        var post = await PostAsync();
        var (lat, lon) = (post.GetProperty("lat").GetDouble() + 0.002, post.GetProperty("lon").GetDouble() + 0.002);
        var crew = await SignInAsync("crew1", Phone, o =>
        {
            o.Geolocation = new Geolocation { Latitude = (float)lat, Longitude = (float)lon, Accuracy = 10 };
            o.Permissions = ["geolocation"];
        });
        await Expect(crew.Locator("#no-assignment")).ToBeVisibleAsync();
        var op = await SignInAsync("operator1");

        var call = await Api.IngestAsync($"kbd-{Guid.NewGuid():n}", lat: lat, lon: lon);
        await Expect(op.Locator($"#queue li[data-call-id='{call.GetProperty("id").GetInt64()}']")).ToBeVisibleAsync();

        // Keyboard only from here on the operator's side.
        await op.Keyboard.PressAsync("Alt+J");
        await Expect(op.Locator("#call-form")).ToBeVisibleAsync();
        await op.Keyboard.PressAsync("Alt+V");
        await Expect(op.Locator("#point-status")).ToContainTextAsync(new Regex(@"-?\d+\.\d{5}"));
        await op.Keyboard.PressAsync("Alt+L");
        await op.Keyboard.TypeAsync("Depan masjid raya");
        await op.Keyboard.PressAsync("Alt+C");
        await op.Keyboard.TypeAsync("Sesak napas berat");
        await op.Keyboard.PressAsync("Alt+1");
        await op.Keyboard.PressAsync("Control+Enter");
        var candidates = op.Locator("#candidates li");
        await Expect(op.Locator("#candidates")).ToBeFocusedAsync();
        await Expect(candidates.First).ToBeVisibleAsync();
        var names = await candidates.AllInnerTextsAsync();
        var index = names.ToList().FindIndex(n => n.StartsWith("AMB-01", StringComparison.Ordinal));
        Assert.That(index, Is.GreaterThanOrEqualTo(0), string.Join(" | ", names));
        // The reason is in the page's language (Bahasa Indonesia), built from the candidate's figures.
        Assert.That(names, Has.All.Match(@"km garis lurus · (posisi .+ lalu|belum ada posisi)"), string.Join(" | ", names));
        Assert.That(names, Has.None.Contains("straight line"));
        Assert.That(names.Where(n => n.Contains("(BLS)", StringComparison.Ordinal)), Is.Not.Empty.And.All.Contains("BLS diurutkan di belakang ALS untuk triase merah"),
            "a red call ranks BLS units behind ALS, and says so");
        for (var i = 0; i < index; i++) await op.Keyboard.PressAsync("ArrowDown");
        await op.Keyboard.PressAsync("Enter");

        var row = op.Locator("#incidents-board tr.incident").Filter(new() { HasText = "AMB-01" });
        await Expect(row).ToBeVisibleAsync();
        var incidentId = await row.GetAttributeAsync("data-incident-id");
        var status = row.Locator("td.status");
        await Expect(status).ToHaveAttributeAsync("data-status", "dispatched");

        // The crew's phone: the assignment arrived by push.
        await Expect(crew.Locator("#assignment-title")).ToContainTextAsync($"#{incidentId}");
        await Expect(crew.Locator("#assignment-complaint")).ToHaveTextAsync("Sesak napas berat");
        await Expect(crew.Locator("#geo-link")).ToHaveAttributeAsync("href", new Regex(@"^geo:-?\d"));
        await ScreenshotAsync(crew, "crew-phone-assignment");
        await Expect(crew.Locator("[data-status=onScene]")).ToHaveCountAsync(0); // only the legal next steps are offered

        await crew.ClickAsync("#accept");
        await Expect(status).ToHaveAttributeAsync("data-status", "acknowledged", WithinOneSecond);
        foreach (var (step, expected) in new[] { ("enRoute", "enRoute"), ("onScene", "onScene") })
        {
            await crew.ClickAsync($"[data-status={step}]");
            await Expect(status).ToHaveAttributeAsync("data-status", expected, WithinOneSecond);
        }
        await crew.SelectOptionAsync("#destination", new SelectOptionValue { Index = 1 });
        await crew.ClickAsync("[data-status=transporting]");
        await Expect(status).ToHaveAttributeAsync("data-status", "transporting", WithinOneSecond);
        await crew.ClickAsync("[data-status=atDestination]");
        await Expect(status).ToHaveAttributeAsync("data-status", "atDestination", WithinOneSecond);
        await crew.ClickAsync("[data-status=available]"); // finishing asks again, elsewhere on the screen
        await crew.ClickAsync("[data-confirm=available]");
        await Expect(status).ToHaveAttributeAsync("data-status", "cleared", WithinOneSecond);
        await Expect(crew.Locator("#no-assignment")).ToBeVisibleAsync();

        await row.Locator("button").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task The_crew_page_sends_positions_while_on_duty_and_keeps_doing_so_after_a_reload()
    {
        var crew = await SignInAsync("crew2", Phone, o =>
        {
            o.Geolocation = new Geolocation { Latitude = -0.7801f, Longitude = 100.6402f, Accuracy = 8 };
            o.Permissions = ["geolocation"];
        });
        await crew.CheckAsync("#on-duty");
        await Expect(crew.Locator("#position-status")).ToContainTextAsync("WIB", new() { Timeout = 8000 });
        await crew.ReloadAsync();
        await Expect(crew.Locator("#on-duty")).ToBeCheckedAsync();
        await crew.Context.SetGeolocationAsync(new Geolocation { Latitude = -0.7702f, Longitude = 100.6501f, Accuracy = 8 });

        using var op = await Api.AsAsync("operator2");
        var unitId = (await ApiClient.OkJsonAsync(await (await Api.AsAsync("crew2")).GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();
        double latitude = 0;
        for (var attempt = 0; attempt < 40 && Math.Abs(latitude - -0.7702) > 1e-4; attempt++)
        {
            await Task.Delay(250);
            var unit = (await ApiClient.OkJsonAsync(await op.GetAsync("/api/units"))).EnumerateArray().First(u => u.GetProperty("id").GetInt64() == unitId);
            latitude = unit.GetProperty("lastPosition") is { ValueKind: JsonValueKind.Object } p ? p.GetProperty("lat").GetDouble() : 0;
        }
        Assert.That(latitude, Is.EqualTo(-0.7702).Within(1e-4), "the position after the reload reached the server");
    }
}
