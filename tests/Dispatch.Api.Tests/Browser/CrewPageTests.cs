using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>The crew's phone in a moving ambulance: the next step in the first screen, big targets, taps without signal, alarms.</summary>
[NonParallelizable] // Offline taps and alarms on a phone page: the acknowledgement once missed its 15 s beside two busy classes.
public sealed class CrewPageTests : BrowserTest
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    // Counts the page's vibrations (with their patterns) and generated tones.
    private const string AlertCounter = """
        window.__alerts = { vibrations: [], tones: 0 };
        navigator.vibrate = pattern => { window.__alerts.vibrations.push(JSON.stringify(pattern)); return true; };
        const Real = window.AudioContext;
        window.AudioContext = class extends Real { createOscillator() { window.__alerts.tones++; return super.createOscillator(); } };
        """;

    private async Task<long> UnitOfAsync(string crew)
    {
        using var client = await Api.AsAsync(crew);
        return (await ApiClient.OkJsonAsync(await client.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();
    }

    private async Task<long> AssignAsync(HttpClient op, long unitId)
    {
        var incidentId = await Api.OpenIncidentAsync(op, $"crew-page-{Guid.NewGuid():n}");
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));
        return incidentId;
    }

    private static async Task<JsonElement> IncidentAsync(HttpClient op, long incidentId) =>
        await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"));

    private static async Task<JsonElement> WaitForStatusAsync(HttpClient op, long incidentId, string status, int timeoutMs = 15000)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMilliseconds(timeoutMs);
        for (;;)
        {
            var incident = await IncidentAsync(op, incidentId);
            if (incident.GetProperty("status").GetString() == status || TimeProvider.System.GetUtcNow() > deadline) return incident;
            await Task.Delay(200);
        }
    }

    private static Task CancelAsync(HttpClient op, long incidentId) =>
        op.PostAsJsonAsync($"/api/incidents/{incidentId}/cancel", new { reason = "test done" });

    [Test]
    public async Task On_a_phone_the_next_step_is_in_the_first_screen_with_big_targets_a_call_back_link_and_the_facts()
    {
        var unitId = await UnitOfAsync("crew2");
        var crew = await SignInAsync("crew2", Phone);
        using var op = await Api.AsAsync("operator1");
        var incidentId = await AssignAsync(op, unitId);

        var accept = crew.Locator("#accept");
        await Expect(accept).ToBeVisibleAsync();
        await Expect(crew.Locator("#steps .step")).ToHaveCountAsync(2, new() { Timeout = 5000 });
        await Expect(crew.Locator("#steps [data-status=enRoute]")).ToBeVisibleAsync();
        Assert.That(await crew.EvaluateAsync<double>("window.scrollY"), Is.Zero);
        foreach (var button in new[] { accept, crew.Locator("#steps [data-status=enRoute]") })
        {
            var box = (await button.BoundingBoxAsync())!;
            Assert.That(box.Y, Is.GreaterThanOrEqualTo(0));
            Assert.That(box.Y + box.Height, Is.LessThanOrEqualTo(Phone.Height), "the next step is on the first screen, no scrolling");
            Assert.That(box.Height, Is.GreaterThanOrEqualTo(64));
        }
        // Only legal steps are shown: nothing that would be refused now.
        Assert.That(await crew.Locator("#steps [data-status=onScene], #steps [data-status=available]").CountAsync(), Is.Zero);

        var callerNumber = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/calls/{(await IncidentAsync(op, incidentId)).GetProperty("callId").GetInt64()}"))).GetProperty("callerNumber").GetString()!;
        await Expect(crew.Locator("#call-back")).ToHaveAttributeAsync("href", "tel:" + callerNumber);
        await Expect(crew.Locator("#assignment-category")).ToContainTextAsync("Non-trauma");
        await Expect(crew.Locator("#assignment-patients")).ToHaveTextAsync(new Regex(@"^\d+$"));
        await Expect(crew.Locator("#assignment-clock")).ToHaveTextAsync(new Regex(@"^\d+:\d{2} sejak dikirim$"));
        await Expect(crew.Locator(".crew-bar #on-duty")).ToBeAttachedAsync();

        var small = await crew.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('button, a[href], select, label.duty-switch')]
              .filter(e => e.getClientRects().length > 0 && !e.closest('.leaflet-control-attribution'))
              .map(e => ({ e, r: e.getBoundingClientRect() }))
              .filter(({ r }) => r.width < 48 || r.height < 48)
              .map(({ e, r }) => `${e.tagName}#${e.id}.${e.className} ${Math.round(r.width)}x${Math.round(r.height)}`)
            """);
        Assert.That(small, Is.Empty, "every tap target is at least 48 px");
        await ScreenshotAsync(crew, "crew-phone-next-step");

        await crew.ClickAsync("#accept");
        await Expect(crew.Locator("#steps .step")).ToHaveCountAsync(1);
        await Expect(crew.Locator("#steps [data-status=enRoute]")).ToBeVisibleAsync();
        Assert.That((await WaitForStatusAsync(op, incidentId, "acknowledged")).GetProperty("status").GetString(), Is.EqualTo("acknowledged"));
        await CancelAsync(op, incidentId);
        await Expect(crew.Locator("#no-assignment")).ToBeVisibleAsync();
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task Steps_tapped_without_signal_wait_on_the_phone_and_arrive_in_order_with_their_tap_times()
    {
        var unitId = await UnitOfAsync("crew2");
        var crew = await SignInAsync("crew2", Phone);
        using var op = await Api.AsAsync("operator1");
        var incidentId = await AssignAsync(op, unitId);
        await crew.ClickAsync("#accept");
        Assert.That((await WaitForStatusAsync(op, incidentId, "acknowledged")).GetProperty("status").GetString(), Is.EqualTo("acknowledged"),
            "the acknowledgement, made online, reached the server");
        await Expect(crew.Locator("#steps [data-status=enRoute]")).ToBeVisibleAsync();

        await crew.Context.SetOfflineAsync(true);
        var enRouteBefore = TimeProvider.System.GetUtcNow();
        await crew.ClickAsync("#steps [data-status=enRoute]");
        var enRouteAfter = TimeProvider.System.GetUtcNow();
        // The next step is offered at once, although the first has not reached the server.
        await Expect(crew.Locator("#steps [data-status=onScene]")).ToBeVisibleAsync();
        await Task.Delay(1500);
        var onSceneBefore = TimeProvider.System.GetUtcNow();
        await crew.ClickAsync("#steps [data-status=onScene]");
        var onSceneAfter = TimeProvider.System.GetUtcNow();
        await Expect(crew.Locator("#waiting-list li")).ToHaveCountAsync(2);
        await Expect(crew.Locator("#waiting")).ToContainTextAsync("Menunggu sinyal");
        await Expect(crew.Locator("#assignment-status")).ToContainTextAsync("menunggu sinyal");
        await ScreenshotAsync(crew, "crew-phone-waiting-for-signal");
        Assert.That((await IncidentAsync(op, incidentId)).GetProperty("status").GetString(), Is.EqualTo("acknowledged"), "nothing reached the server offline");
        await Expect(crew.Locator("#page-alert")).ToHaveCountAsync(0); // no signal is not an error

        // The phone is reloaded later, once the signal is back: the waiting taps survived on it.
        await Task.Delay(3000);
        var page = crew.Context.Pages[0];
        var fresh = await crew.Context.NewPageAsync();
        await page.CloseAsync();
        await crew.Context.SetOfflineAsync(false);
        var sentAfter = TimeProvider.System.GetUtcNow();
        await fresh.GotoAsync("/crew");

        var incident = await WaitForStatusAsync(op, incidentId, "onScene");
        Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("onScene"));
        var times = incident.GetProperty("times");
        var enRoute = times.GetProperty("enRoute").GetDateTimeOffset();
        var onScene = times.GetProperty("onScene").GetDateTimeOffset();
        Assert.That(enRoute, Is.InRange(enRouteBefore.AddMilliseconds(-1), enRouteAfter), "en route is stored at its tap time");
        Assert.That(onScene, Is.InRange(onSceneBefore.AddMilliseconds(-1), onSceneAfter), "on scene is stored at its tap time");
        Assert.That(onScene, Is.LessThan(sentAfter.AddSeconds(-2)), "not at the time it was sent");
        await Expect(fresh.Locator("#waiting")).ToBeHiddenAsync();
        await Expect(fresh.Locator("#steps [data-status=transporting]")).ToBeVisibleAsync();

        await fresh.ClickAsync("#steps [data-status=available]");
        await fresh.ClickAsync("#finish-sheet [data-confirm=available]");
        Assert.That((await WaitForStatusAsync(op, incidentId, "cleared")).GetProperty("status").GetString(), Is.EqualTo("cleared"));
    }

    [Test]
    public async Task Finishing_a_job_needs_a_second_tap_in_another_place()
    {
        var unitId = await UnitOfAsync("crew2");
        using var op = await Api.AsAsync("operator1");
        using var crewApi = await Api.AsAsync("crew2");
        var incidentId = await AssignAsync(op, unitId);
        foreach (var status in new[] { "enRoute", "onScene" })
            await ApiClient.OkJsonAsync(await crewApi.PostAsJsonAsync($"/api/units/{unitId}/status", new { status }));
        var crew = await SignInAsync("crew2", Phone);

        // Transporting without a destination is refused on the phone, in the page's language, through the one error path.
        await crew.ClickAsync("#steps [data-status=transporting]");
        await Expect(crew.Locator("#page-alert")).ToContainTextAsync("Membawa pasien memerlukan fasilitas tujuan.");
        await crew.ClickAsync("#page-alert .page-alert-close");

        var finish = crew.Locator("#steps [data-status=available]");
        await Expect(finish).ToBeVisibleAsync();
        var finishBox = (await finish.BoundingBoxAsync())!;
        await finish.ClickAsync();
        var confirm = crew.Locator("#finish-sheet [data-confirm=available]");
        await Expect(confirm).ToBeVisibleAsync();
        var confirmBox = (await confirm.BoundingBoxAsync())!;
        var overlap = confirmBox.X < finishBox.X + finishBox.Width && finishBox.X < confirmBox.X + confirmBox.Width
            && confirmBox.Y < finishBox.Y + finishBox.Height && finishBox.Y < confirmBox.Y + confirmBox.Height;
        Assert.That(overlap, Is.False, "the confirmation is not where the first tap was");
        await ScreenshotAsync(crew, "crew-phone-finish-confirmation");

        // A second tap on the same spot (a bump, a double tap) does not finish the job.
        await crew.Mouse.ClickAsync(finishBox.X + finishBox.Width / 2, finishBox.Y + finishBox.Height / 2);
        await Task.Delay(800);
        Assert.That((await IncidentAsync(op, incidentId)).GetProperty("status").GetString(), Is.EqualTo("onScene"));

        await confirm.ClickAsync();
        Assert.That((await WaitForStatusAsync(op, incidentId, "cleared")).GetProperty("status").GetString(), Is.EqualTo("cleared"));
        await Expect(crew.Locator("#no-assignment")).ToBeVisibleAsync();
        // Without an incident the unit's own two steps are offered, without a confirmation.
        await Expect(crew.Locator("#steps .step")).ToHaveCountAsync(2);
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task The_phone_sounds_and_vibrates_on_a_new_assignment_and_differently_on_a_cancellation()
    {
        var unitId = await UnitOfAsync("crew2");
        var crew = await SignInAsync("crew2", Phone);
        await crew.Context.AddInitScriptAsync(AlertCounter);
        await crew.ReloadAsync();
        await Expect(crew.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        using var op = await Api.AsAsync("operator1");

        var incidentId = await AssignAsync(op, unitId);
        await Expect(crew.Locator("#accept")).ToBeVisibleAsync();
        var offered = await crew.EvaluateAsync<JsonElement>("window.__alerts");
        Assert.That(offered.GetProperty("vibrations").GetArrayLength(), Is.GreaterThanOrEqualTo(1));
        Assert.That(offered.GetProperty("tones").GetInt32(), Is.GreaterThan(0));

        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/cancel", new { reason = "pasien dibawa keluarga" }));
        await Expect(crew.Locator("#notice")).ToContainTextAsync("pasien dibawa keluarga");
        var cancelled = await crew.EvaluateAsync<JsonElement>("window.__alerts");
        var vibrations = cancelled.GetProperty("vibrations").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.That(vibrations, Has.Count.GreaterThan(offered.GetProperty("vibrations").GetArrayLength()));
        Assert.That(vibrations[^1], Is.Not.EqualTo(vibrations[0]), "a cancellation feels different from an assignment");
        Assert.That(cancelled.GetProperty("tones").GetInt32(), Is.GreaterThan(offered.GetProperty("tones").GetInt32()));
        await Expect(crew.Locator("#no-assignment")).ToBeVisibleAsync();
    }
}
