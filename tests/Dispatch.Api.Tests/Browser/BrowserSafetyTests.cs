using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>Hostile text, dropped connections and other units' data, in the browser.</summary>
public sealed class BrowserSafetyTests : BrowserTest
{
    private const string Payload = "<img src=x onerror=alert(1)>";
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private async Task<long> UnitOfAsync(string crew) =>
        (await ApiClient.OkJsonAsync(await (await Api.AsAsync(crew)).GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();

    private async Task<long> AssignedIncidentAsync(string complaint, string address, long unitId)
    {
        using var op = await Api.AsAsync("operator2");
        var callId = (await Api.IngestAsync($"xss-{Guid.NewGuid():n}")).GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{callId}/answer", null));
        var incident = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{callId}/incident", new { lat = -0.79, lon = 100.65, triage = "kuning", complaint, address }));
        var id = incident.GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{id}/assign", new { unitId }));
        return id;
    }

    [Test]
    public async Task Script_in_a_complaint_address_or_caller_number_renders_as_text_and_runs_nothing()
    {
        var crew = await SignInAsync("crew2", Phone);
        var op = await SignInAsync("operator1");
        var incidentId = await AssignedIncidentAsync(Payload, Payload, await UnitOfAsync("crew2"));
        var call = await Api.IngestAsync($"xss-number-{Guid.NewGuid():n}", callerNumber: Payload);

        await Expect(crew.Locator("#assignment-complaint")).ToHaveTextAsync(Payload);
        await Expect(crew.Locator("#assignment-address")).ToHaveTextAsync(Payload);
        var queued = op.Locator($"#queue li[data-call-id='{call.GetProperty("id").GetInt64()}']");
        await Expect(queued).ToContainTextAsync(Payload);
        await Expect(op.Locator($"#incidents-board tr[data-incident-id='{incidentId}']")).ToBeVisibleAsync();

        Assert.That(await crew.Locator("main img").CountAsync(), Is.Zero);
        Assert.That(await op.Locator("#queue img, #incidents-board img").CountAsync(), Is.Zero);
        Assert.That(DialogsSeen, Is.Empty, "no alert() ran");
    }

    [Test]
    public async Task A_dropped_hub_connection_shows_reconnecting_then_the_missed_call_exactly_once()
    {
        var op = await SignInAsync("operator2", configure: null);
        var sockets = new List<IWebSocketRoute>();
        await op.Context.RouteWebSocketAsync("**/hubs/dispatch**", ws =>
        {
            sockets.Add(ws);
            ws.ConnectToServer();
        });
        await op.ReloadAsync(); // the hub's socket now passes through the route
        await Expect(op.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        Assert.That(sockets, Is.Not.Empty);

        // Cut the line: refuse every HTTP request to the hub (negotiation and the fallback
        // transports) and close the open socket.
        await op.Context.RouteAsync("**/hubs/dispatch**", route => route.AbortAsync());
        foreach (var socket in sockets) await socket.CloseAsync();
        await Expect(op.Locator("#connection")).Not.ToHaveAttributeAsync("data-state", "connected");
        await Expect(op.Locator("#connection")).ToHaveAttributeAsync("data-state", "reconnecting");

        // The call arrives while the hub is down. (A catch-up request sent just before the cut may
        // still bring it; either way it must show exactly once.)
        var call = await Api.IngestAsync($"offline-{Guid.NewGuid():n}");
        var item = op.Locator($"#queue li[data-call-id='{call.GetProperty("id").GetInt64()}']");
        await Expect(op.Locator("#connection")).ToHaveAttributeAsync("data-state", "reconnecting");

        await op.Context.UnrouteAsync("**/hubs/dispatch**");
        await Expect(op.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15000 });
        await Expect(item).ToHaveCountAsync(1);
        await Task.Delay(1000); // a late duplicate push would show up here
        await Expect(item).ToHaveCountAsync(1);
    }

    [Test]
    public async Task An_operator_disabled_while_on_the_console_is_sent_to_the_login_page()
    {
        using var admin = await Api.AsAsync("admin");
        var user = await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/users",
            new { username = "op-dinonaktifkan", role = "operator", password = "kata-sandi-awal" }));
        await Api.ChooseOwnPasswordAsync("op-dinonaktifkan", "kata-sandi-awal", own: TestApp.Password);
        var page = await SignInAsync("op-dinonaktifkan");
        // The page has loaded everything: only the live connection can notice the change now.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/users/{user.GetProperty("id").GetInt64()}", new { role = "operator", disabled = true }));

        // The server closes the live connection (2 s sweep); the client's session check then gets
        // 401 and the page goes to the login form, which still loads: the overtaken session's
        // cookie is dropped instead of refusing every page.
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Expect(page.Locator("#username")).ToBeVisibleAsync();
        var cookies = await page.Context.CookiesAsync();
        Assert.That(cookies.Select(c => c.Name), Has.No.Member("psc119"), "the session cookie is deleted");
    }

    [Test]
    public async Task A_crew_member_cannot_see_another_units_assignment_in_the_page_or_the_api()
    {
        var crew1 = await SignInAsync("crew1", Phone);
        var otherUnit = await UnitOfAsync("crew2");
        var incidentId = await AssignedIncidentAsync("rahasia unit lain", "alamat unit lain", otherUnit);

        await Task.Delay(1000);
        await Expect(crew1.Locator("#no-assignment")).ToBeVisibleAsync();
        Assert.That(await crew1.ContentAsync(), Does.Not.Contain("rahasia unit lain"));
        var viaApi = await crew1.APIRequest.GetAsync($"/api/units/{otherUnit}/assignment");
        Assert.That(viaApi.Status, Is.EqualTo(403));
        var events = await crew1.APIRequest.GetAsync("/api/events?after=0");
        Assert.That(await events.TextAsync(), Does.Not.Contain("rahasia unit lain"));

        using var op = await Api.AsAsync("operator2"); // free the other unit for the tests that follow
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/cancel", new { reason = "test selesai" }));
    }

    [Test]
    public async Task The_console_at_phone_size_is_usable()
    {
        var op = await SignInAsync("operator1", Phone);
        await Api.IngestAsync($"phone-{Guid.NewGuid():n}");
        await Expect(op.Locator("#queue li").First).ToBeVisibleAsync();
        var width = await op.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.That(width, Is.LessThanOrEqualTo(Phone.Width), "no sideways scrolling");
        await ScreenshotAsync(op, "console-phone");
    }
}
