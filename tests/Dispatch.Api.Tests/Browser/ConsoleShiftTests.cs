using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>
/// The console through a night shift (issue 11, sections 1 and 2): nothing gets stuck, a failure is
/// never silent, a reload keeps the call, and urgency reads at a glance on an office monitor.
/// Alarm and take-over times are short here so that the tests need not wait a minute.
/// </summary>
[NonParallelizable] // Asserts that a refusal and a greyed-out unit show within one second.
public sealed partial class ConsoleShiftTests : BrowserTest
{
    private const int AlarmSeconds = 3, TakeOverSeconds = 2;
    private static readonly ViewportSize Office = new() { Width = 1366, Height = 768 };
    private static readonly ViewportSize FullHd = new() { Width = 1920, Height = 1080 };

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Console:WaitingAlarmSeconds"] = AlarmSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Console:TakeOverSeconds"] = TakeOverSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<HttpClient> OperatorAsync(string user = "operator2") => await Api.AsAsync(user);

    /// <summary>Answers the newest waiting call with the keyboard and opens a merah incident at the device location.</summary>
    private static async Task<string> TakeCallToIncidentAsync(IPage page, long callId, string triageKey = "Alt+1")
    {
        await Expect(page.Locator($"#queue li[data-call-id='{callId}'] button.answer")).ToBeVisibleAsync();
        await page.Locator($"#queue li[data-call-id='{callId}'] button.answer").ClickAsync();
        await Expect(page.Locator("#call-form")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Alt+V");
        await page.Keyboard.PressAsync("Alt+C");
        await page.Keyboard.TypeAsync("Tidak sadar");
        await page.Keyboard.PressAsync(triageKey);
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(page.Locator("#recommend")).ToBeVisibleAsync();
        var text = await page.Locator("#recommend-for").InnerTextAsync();
        return Regex.Match(text, @"#(\d+)").Groups[1].Value;
    }

    private async Task<long> IngestAsync(string prefix, DateTimeOffset? receivedAt = null) =>
        (await Api.IngestAsync($"{prefix}-{Guid.NewGuid():n}", receivedAt: receivedAt)).GetProperty("id").GetInt64();

    [Test]
    public async Task An_incident_left_waiting_after_Esc_is_assigned_from_its_row_with_the_keyboard()
    {
        var page = await SignInAsync("operator1");
        var incidentId = await TakeCallToIncidentAsync(page, await IngestAsync("esc"));
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#recommend")).ToBeHiddenAsync();

        var row = page.Locator($"#incidents-board tr[data-incident-id='{incidentId}']");
        await Expect(row).ToHaveClassAsync(new Regex(@"\bwaiting\b"));
        await Expect(row.Locator("button.assign-incident")).ToBeVisibleAsync();
        await Expect(row.Locator(".no-unit")).ToHaveTextAsync("belum ada unit");

        // Keyboard only: the board's most urgent waiting row, then the recommendation shortcut, then Enter.
        await page.Keyboard.PressAsync("Alt+I");
        await Expect(page.Locator("#incidents-board tr.incident.waiting").First).ToBeFocusedAsync();
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Alt+R");
        await Expect(page.Locator("#recommend-for")).ToContainTextAsync($"#{incidentId}");
        await Expect(page.Locator("#candidates")).ToBeFocusedAsync();
        await Expect(page.Locator("#candidates li").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(row.Locator("td.status")).ToHaveAttributeAsync("data-status", "dispatched");
        await Expect(row).Not.ToHaveClassAsync(new Regex(@"\bwaiting\b"));
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task A_merah_incident_waiting_past_the_alarm_time_pulses_and_sounds_until_a_unit_is_assigned()
    {
        var page = await SignInAsync("operator1");
        using var op = await OperatorAsync();
        var incidentId = await Api.OpenIncidentAsync(op, $"alarm-{Guid.NewGuid():n}");
        var row = page.Locator($"#incidents-board tr[data-incident-id='{incidentId}']");
        await Expect(row).ToHaveClassAsync(new Regex(@"\balarm\b"), new() { Timeout = (AlarmSeconds + 3) * 1000 });
        await Expect(row.Locator("td.in-status")).ToHaveAttributeAsync("data-level", "late");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-last-sound", "alarm", new() { Timeout = 3000 });
        var rings = await RingsAsync(page);
        await Expect(page.Locator("body")).Not.ToHaveAttributeAsync("data-rings", rings.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 3000 });

        await AssignFirstCandidateAsync(op, incidentId);
        await Expect(row).Not.ToHaveClassAsync(new Regex(@"\balarm\b"));
    }

    internal static async Task<int> RingsAsync(IPage page) => int.Parse(await page.Locator("body").GetAttributeAsync("data-rings") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<long> AssignFirstCandidateAsync(HttpClient op, string incidentId) => await AssignFirstCandidateAsync(op, long.Parse(incidentId, System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<long> AssignFirstCandidateAsync(HttpClient op, long incidentId)
    {
        var candidates = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/recommendation"));
        var unitId = candidates[0].GetProperty("unitId").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));
        return unitId;
    }

    [Test]
    public async Task A_refused_assign_shows_its_reason_within_a_second_and_the_list_no_longer_offers_the_unit()
    {
        var page = await SignInAsync("operator1");
        using var op = await OperatorAsync();
        var other = await Api.OpenIncidentAsync(op, $"other-{Guid.NewGuid():n}");
        var incidentId = await TakeCallToIncidentAsync(page, await IngestAsync("race"));
        var first = page.Locator("#candidates li").First;
        var unitId = long.Parse((await first.GetAttributeAsync("data-unit-id"))!, System.Globalization.CultureInfo.InvariantCulture);

        // Another operator takes the same unit for another incident just before this assign reaches the server.
        await page.RouteAsync("**/api/incidents/*/assign", async route =>
        {
            await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{other}/assign", new { unitId }));
            await route.ContinueAsync();
        });
        await first.Locator("button.assign").ClickAsync();

        var alert = page.Locator("#page-alert");
        await Expect(alert).ToBeVisibleAsync(new() { Timeout = 1000 });
        await Expect(alert).ToContainTextAsync("Unit ini sedang bertugas pada insiden lain; alihkan bila perlu.");
        var offered = page.Locator($"#candidates li[data-unit-id='{unitId}']:not(.busy) button.assign:enabled");
        await Expect(offered).ToHaveCountAsync(0, new() { Timeout = 1000 });
        await Expect(page.Locator($"#incidents-board tr[data-incident-id='{incidentId}']")).ToHaveClassAsync(new Regex(@"\bwaiting\b"));
        ConsoleErrors.RemoveAll(e => e.Contains("409", StringComparison.Ordinal)); // the refusal itself, logged by the browser
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task Units_in_an_open_list_are_greyed_out_the_moment_another_operator_takes_them()
    {
        var page = await SignInAsync("operator1");
        using var op = await OperatorAsync();
        var other = await Api.OpenIncidentAsync(op, $"grey-{Guid.NewGuid():n}");
        await TakeCallToIncidentAsync(page, await IngestAsync("grey"));
        var first = page.Locator("#candidates li").First;
        var unitId = long.Parse((await first.GetAttributeAsync("data-unit-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{other}/assign", new { unitId }));
        var unit = page.Locator($"#candidates li[data-unit-id='{unitId}']");
        // Greyed at once, then (after the list is asked again) left out.
        await Expect(page.Locator($"#candidates li[data-unit-id='{unitId}']:not(.busy)")).ToHaveCountAsync(0, new() { Timeout = 1000 });
        await Expect(unit).ToHaveCountAsync(0, new() { Timeout = 3000 });
    }
}
