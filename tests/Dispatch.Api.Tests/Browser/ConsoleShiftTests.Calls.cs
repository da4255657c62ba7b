using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>Calls: a reload keeps the operator's call, a left call can be taken over, the queue rings until answered.</summary>
public sealed partial class ConsoleShiftTests
{
    [Test]
    public async Task A_reload_restores_the_operators_answered_call_with_what_was_typed()
    {
        var page = await SignInAsync("operator1");
        var callId = await IngestAsync("reload");
        await page.Locator($"#queue li[data-call-id='{callId}'] button.answer").ClickAsync();
        await Expect(page.Locator("#kelurahan")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Alt+L");
        await page.Keyboard.TypeAsync("Simpang jalan raya");
        await page.Keyboard.PressAsync("Alt+2");

        await page.ReloadAsync();
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.Locator("#call-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#landmark")).ToHaveValueAsync("Simpang jalan raya");
        await Expect(page.Locator("input[name=triage][value=kuning]")).ToBeCheckedAsync();
        await Expect(page.Locator($"#queue li[data-call-id='{callId}'] button.resume")).ToBeVisibleAsync();
        await Expect(page.Locator("#create")).ToBeEnabledAsync();
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task Another_operator_takes_over_a_call_left_answered_and_the_log_says_so()
    {
        var first = await SignInAsync("operator1");
        var callId = await IngestAsync("left");
        await first.Locator($"#queue li[data-call-id='{callId}'] button.answer").ClickAsync();
        await Expect(first.Locator("#call-form")).ToBeVisibleAsync();

        var second = await SignInAsync("operator2");
        var item = second.Locator($"#queue li[data-call-id='{callId}']");
        await Expect(item).ToContainTextAsync("diambil oleh operator1");
        var takeOver = item.Locator("button.takeover");
        await Expect(takeOver).ToBeVisibleAsync(new() { Timeout = (TakeOverSeconds + 3) * 1000 });
        await takeOver.ClickAsync();
        await Expect(second.Locator("#call-form")).ToBeHiddenAsync(); // the first click only arms it
        await takeOver.ClickAsync();
        await Expect(second.Locator("#call-form")).ToBeVisibleAsync();

        // The first operator's panel closes and says why.
        await Expect(first.Locator("#call-form")).ToBeHiddenAsync();
        await Expect(first.Locator("#page-alert")).ToContainTextAsync("diambil alih");

        using var op = await Api.AsAsync("operator2");
        var call = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/calls/{callId}"));
        Assert.That(call.GetProperty("answeredBy").GetString(), Is.EqualTo("operator2"));
        await using var db = App.OpenDatabase();
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT actor FROM incident_log WHERE call_id = {callId} AND action = 'call.takenOver'";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("operator2"));
    }

    [Test]
    public async Task A_call_whose_telephony_clock_runs_ahead_counts_from_its_arrival()
    {
        var page = await SignInAsync("operator1");
        var callId = await IngestAsync("ahead", TimeProvider.System.GetUtcNow().AddMinutes(10));
        var wait = page.Locator($"#queue li[data-call-id='{callId}'] .wait");
        await Expect(wait).ToHaveTextAsync(new Regex(@"^0:0[2-9]$"), new() { Timeout = 6000 });
    }
}
