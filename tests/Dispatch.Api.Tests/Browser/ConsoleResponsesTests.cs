using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>
/// The console's incident panel (issue 13): several units on one incident, diversion, a refused
/// assign, a status recorded from the radio, and the acknowledgement alarm. The acknowledgement
/// timeout is short so that the alarm need not be waited for a minute; the waiting alarm is long,
/// so that incidents other tests leave waiting do not sound here.
/// </summary>
[NonParallelizable] // The long-shift run ingests 5,000 calls as fast as the app takes them: it would starve the classes beside it.
public sealed partial class ConsoleResponsesTests : BrowserTest
{
    private const int AckSeconds = 3;
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Dispatch:AcknowledgeTimeoutSeconds"] = AckSeconds.ToString(Inv),
        ["Console:WaitingAlarmSeconds"] = "3600",
    };

    private Task<HttpClient> OperatorAsync() => Api.AsAsync("operator2");

    private static async Task<long[]> CandidatesAsync(HttpClient op, long incidentId) =>
        [.. (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/recommendation"))).EnumerateArray()
            .Where(c => c.GetProperty("divertFrom").ValueKind == JsonValueKind.Null).Select(c => c.GetProperty("unitId").GetInt64())];

    private static async Task<long> AssignAsync(HttpClient op, long incidentId, long? unitId = null)
    {
        unitId ??= (await CandidatesAsync(op, incidentId))[0];
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));
        return unitId.Value;
    }

    private async Task<long> UnitIdAsync(HttpClient op, string callSignStart) =>
        (await ApiClient.OkJsonAsync(await op.GetAsync("/api/units"))).EnumerateArray()
            .First(u => u.GetProperty("callSign").GetString()!.StartsWith(callSignStart, StringComparison.Ordinal)).GetProperty("id").GetInt64();

    private static ILocator Row(IPage page, long incidentId) => page.Locator($"#incidents-board tr[data-incident-id='{incidentId}']");

    /// <summary>Opens the incident's panel from its board row, as an operator clicks it.</summary>
    private static async Task OpenPanelAsync(IPage page, long incidentId)
    {
        await Row(page, incidentId).Locator("td.place").ClickAsync();
        await Expect(page.Locator("#incident-title")).ToContainTextAsync($"#{incidentId}");
    }

    /// <summary>Each test leaves the units free for the next: every unit still on an incident is released, and what can be cancelled is.</summary>
    [TearDown]
    public async Task FreeTheUnits()
    {
        using var op = await OperatorAsync();
        foreach (var incident in (await ApiClient.OkJsonAsync(await op.GetAsync("/api/incidents"))).EnumerateArray())
        {
            var id = incident.GetProperty("id").GetInt64();
            foreach (var r in incident.GetProperty("responses").EnumerateArray().Where(r => r.GetProperty("endedAt").ValueKind == JsonValueKind.Null))
                await op.PostAsJsonAsync($"/api/incidents/{id}/responses/{r.GetProperty("unitId").GetInt64()}/release", new { reason = "akhir uji" });
            await op.PostAsJsonAsync($"/api/incidents/{id}/cancel", new { reason = "akhir uji" });
        }
    }

    [Test]
    public async Task An_operator_adds_a_second_unit_from_the_panel_and_the_board_shows_both()
    {
        var page = await SignInAsync("operator1");
        using var op = await OperatorAsync();
        var incidentId = await Api.OpenIncidentAsync(op, $"two-{Guid.NewGuid():n}");
        await AssignAsync(op, incidentId);
        var row = Row(page, incidentId);
        await Expect(row.Locator(".unit-on")).ToHaveCountAsync(1);

        await OpenPanelAsync(page, incidentId);
        await Expect(page.Locator("#responses li.response")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Alt+R");
        await Expect(page.Locator("#candidates")).ToBeFocusedAsync();
        await Expect(page.Locator("#candidates li").First).ToBeVisibleAsync();
        var second = await page.Locator("#candidates li").First.InnerTextAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#recommend")).ToBeHiddenAsync();
        await Expect(page.Locator("#responses li.response")).ToHaveCountAsync(2);
        await Expect(page.Locator("#responses li.response[data-status=dispatched] .time-point[data-point=notifiedAt]")).ToHaveCountAsync(2);
        await Expect(row.Locator(".unit-on")).ToHaveCountAsync(2);
        await Expect(row.Locator("td.unit")).ToContainTextAsync(second.Split(' ')[0]);
        await Expect(row).Not.ToHaveClassAsync(new Regex(@"\bwaiting\b"));
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task A_unit_diverted_to_a_new_merah_incident_leaves_the_kuning_one_waiting_on_the_board()
    {
        var page = await SignInAsync("operator1");
        using var op = await OperatorAsync();
        var kuning = await Api.OpenIncidentAsync(op, $"kuning-{Guid.NewGuid():n}", "kuning");
        var unitId = await AssignAsync(op, kuning);
        var callSign = (await ApiClient.OkJsonAsync(await op.GetAsync("/api/units"))).EnumerateArray()
            .First(u => u.GetProperty("id").GetInt64() == unitId).GetProperty("callSign").GetString()!;

        var merah = await TakeCallToIncidentAsync(page, await IngestAsync("merah"));
        var candidate = page.Locator($"#candidates li.divert[data-unit-id='{unitId}']");
        await Expect(candidate).ToContainTextAsync($"alihkan dari insiden #{kuning} (Kuning)");
        await candidate.Locator("button.assign").ClickAsync();
        // The confirmation names the incident the unit leaves; Enter says yes.
        await Expect(page.Locator("#assign-confirm")).ToBeVisibleAsync();
        await Expect(page.Locator("#assign-confirm")).ToContainTextAsync($"#{kuning}");
        await Expect(page.Locator("#assign-confirm button.confirm-yes")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(Row(page, merah).Locator($".unit-on[data-unit-id='{unitId}']")).ToBeVisibleAsync();
        var left = Row(page, kuning);
        await Expect(left).ToHaveClassAsync(new Regex(@"\bwaiting\b"));
        await Expect(left.Locator(".no-unit")).ToHaveTextAsync("menunggu unit lagi");
        await OpenPanelAsync(page, kuning);
        var ended = page.Locator("#responses li.response[data-end-reason=diverted]");
        await Expect(ended).ToContainTextAsync(callSign);
        await Expect(ended).ToContainTextAsync("dialihkan");
        await Expect(ended).ToContainTextAsync($"ke insiden #{merah}");
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task A_refused_assign_shows_the_incident_holding_the_unit_and_offers_to_divert_it()
    {
        var page = await SignInAsync("operator1");
        using var op = await OperatorAsync();
        var other = await Api.OpenIncidentAsync(op, $"holder-{Guid.NewGuid():n}");
        var incidentId = await TakeCallToIncidentAsync(page, await IngestAsync("refused"));
        var first = page.Locator("#candidates li:not(.divert)").First;
        var unitId = long.Parse((await first.GetAttributeAsync("data-unit-id"))!, Inv);
        // Another operator sends the same unit elsewhere just before this assign reaches the server.
        var taken = false;
        await page.RouteAsync("**/api/incidents/*/assign", async route =>
        {
            if (!taken) { taken = true; await AssignAsync(op, other, unitId); }
            await route.ContinueAsync();
        });
        await first.Locator("button.assign").ClickAsync();

        await Expect(page.Locator("#page-alert")).ToContainTextAsync("Unit ini sedang bertugas pada insiden lain; alihkan bila perlu.", new() { Timeout = 2000 });
        await Expect(page.Locator("#assign-confirm")).ToContainTextAsync($"insiden #{other}");
        await page.Keyboard.PressAsync("Escape"); // not diverted: the unit stays where it is
        await Expect(page.Locator("#assign-confirm")).ToBeHiddenAsync();
        await Expect(Row(page, incidentId)).ToHaveClassAsync(new Regex(@"\bwaiting\b"));
        await Expect(Row(page, other).Locator($".unit-on[data-unit-id='{unitId}']")).ToBeVisibleAsync();
        ConsoleErrors.RemoveAll(e => e.Contains("409", StringComparison.Ordinal)); // the refusal itself, logged by the browser
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task An_operator_records_on_scene_for_a_radio_unit_and_an_illegal_step_is_refused_in_words()
    {
        var page = await SignInAsync("operator1");
        using var op = await OperatorAsync();
        var incidentId = await Api.OpenIncidentAsync(op, $"radio-{Guid.NewGuid():n}");
        var unitId = await AssignAsync(op, incidentId);
        await OpenPanelAsync(page, incidentId);
        var response = page.Locator($"#responses li.response[data-unit-id='{unitId}']");

        async Task RecordAsync(string status)
        {
            await page.Keyboard.PressAsync("Alt+U");
            await Expect(page.Locator("#incident-form select[name=unit]")).ToHaveValueAsync(unitId.ToString(Inv));
            await page.SelectOptionAsync("#incident-form select[name=status]", status);
            await page.ClickAsync("#incident-form button[type=submit]");
        }

        await RecordAsync("onScene"); // not yet en route: the server refuses, the page says why
        await Expect(page.Locator("#page-alert")).ToContainTextAsync("Langkah ini tidak berlaku pada status saat ini.");
        await page.Keyboard.PressAsync("Escape");
        await RecordAsync("enRoute");
        await Expect(response).ToHaveAttributeAsync("data-status", "enRoute");
        await Expect(response.Locator(".via-radio")).ToBeVisibleAsync();
        await RecordAsync("onScene");
        await Expect(response).ToHaveAttributeAsync("data-status", "onScene");
        await Expect(response.Locator(".time-point[data-point=onSceneAt]")).ToContainTextAsync("WIB");
        await Expect(Row(page, incidentId).Locator("td.status")).ToHaveAttributeAsync("data-status", "onScene");

        var log = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/log"));
        Assert.That(log.ToString(), Does.Contain("radio"), "the log says the status came by radio");
        ConsoleErrors.RemoveAll(e => e.Contains("409", StringComparison.Ordinal));
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task A_unit_not_acknowledged_in_time_is_flagged_and_sounds_until_its_crew_acknowledges()
    {
        var page = await SignInAsync("operator1");
        using var op = await OperatorAsync();
        var incidentId = await Api.OpenIncidentAsync(op, $"ack-{Guid.NewGuid():n}");
        var unitId = await UnitIdAsync(op, "AMB-01");
        await AssignAsync(op, incidentId, unitId);
        var row = Row(page, incidentId);
        await Expect(row).ToHaveClassAsync(new Regex(@"\back-late\b"), new() { Timeout = (AckSeconds + 3) * 1000 });
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ack-late", new Regex($@"\b{incidentId}\b"));
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-last-sound", "alarm", new() { Timeout = 3000 });

        using var crew = await Api.AsAsync("crew1");
        await ApiClient.OkJsonAsync(await crew.PostAsync($"/api/units/{unitId}/acknowledge", null));
        await Expect(row).Not.ToHaveClassAsync(new Regex(@"\back-late\b"));
        await Expect(page.Locator("body")).Not.ToHaveAttributeAsync("data-ack-late", new Regex($@"\b{incidentId}\b"));
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task A_crew_declining_is_shown_and_sounded_at_once()
    {
        var page = await SignInAsync("operator1");
        using var op = await OperatorAsync();
        var incidentId = await Api.OpenIncidentAsync(op, $"decline-{Guid.NewGuid():n}");
        var unitId = await UnitIdAsync(op, "AMB-02");
        await AssignAsync(op, incidentId, unitId);
        await Expect(Row(page, incidentId).Locator(".unit-on")).ToHaveCountAsync(1);
        var rings = await ConsoleShiftTests.RingsAsync(page);

        using var crew = await Api.AsAsync("crew2");
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/decline", new { reason = "ban pecah" }));
        var banner = page.Locator($"#declined .declined-item[data-incident-id='{incidentId}']");
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 1000 });
        await Expect(banner).ToContainTextAsync("ban pecah");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-last-sound", "alarm");
        Assert.That(await ConsoleShiftTests.RingsAsync(page), Is.GreaterThan(rings));
        await Expect(Row(page, incidentId)).ToHaveClassAsync(new Regex(@"\bwaiting\b"));
        // The declined unit is out of service until its crew is ready again (the domain's rule): put it back for the next test.
        await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "available" });
    }

    [Test]
    public async Task An_operator_edits_the_incident_reloads_after_a_concurrent_change_and_reads_and_adds_notes()
    {
        var page = await SignInAsync("operator1");
        using var op = await OperatorAsync();
        var incidentId = await Api.OpenIncidentAsync(op, $"edit-{Guid.NewGuid():n}", "kuning");
        await OpenPanelAsync(page, incidentId);

        await page.Keyboard.PressAsync("Alt+T");
        await Expect(page.Locator("#incident-form select[name=triage]")).ToBeFocusedAsync();
        await page.SelectOptionAsync("#incident-form select[name=triage]", "merah");
        await page.CheckAsync("#incident-form input[name=isMajor]");
        await page.ClickAsync("#incident-form button[type=submit]");
        await Expect(Row(page, incidentId)).ToHaveAttributeAsync("data-triage", "merah");
        await Expect(page.Locator("#incident-title")).ToContainTextAsync("BESAR");

        // Another operator changes it while this form is open: the save is refused, the form comes back with what is stored.
        await page.Keyboard.PressAsync("Alt+T");
        var stored = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"));
        await ApiClient.OkJsonAsync(await op.PatchAsJsonAsync($"/api/incidents/{incidentId}", new { complaint = "tidak bernapas", version = stored.GetProperty("version").GetInt32() }));
        await page.FillAsync("#incident-form input[name=patientCount]", "3");
        await page.ClickAsync("#incident-form button[type=submit]");
        await Expect(page.Locator("#page-alert")).ToContainTextAsync("Data diubah orang lain");
        await Expect(page.Locator("#incident-form textarea[name=complaint]")).ToHaveValueAsync("tidak bernapas");
        await page.FillAsync("#incident-form input[name=patientCount]", "3");
        await page.ClickAsync("#incident-form button[type=submit]");
        await Expect(page.Locator("#incident-summary")).ToContainTextAsync("3 pasien");
        await Expect(page.Locator("#incident-summary")).ToContainTextAsync("tidak bernapas");

        await page.Keyboard.PressAsync("Alt+N");
        await Expect(page.Locator("#note-text")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Keluarga menunggu di depan gang");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#notes li.note")).ToHaveCountAsync(1);
        await Expect(page.Locator("#notes li.note").First).ToContainTextAsync("operator1");
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/notes", new { text = "Polisi sudah di lokasi" }));
        await Expect(page.Locator("#notes li.note").Last).ToContainTextAsync("Polisi sudah di lokasi", new() { Timeout = 1000 });
        ConsoleErrors.RemoveAll(e => e.Contains("409", StringComparison.Ordinal));
        Assert.That(ConsoleErrors, Is.Empty);
    }

    /// <summary>Answers the call with the keyboard and opens a merah incident at the device location; the recommendation opens.</summary>
    private static async Task<long> TakeCallToIncidentAsync(IPage page, long callId)
    {
        await page.Locator($"#queue li[data-call-id='{callId}'] button.answer").ClickAsync();
        await Expect(page.Locator("#call-form")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Alt+V");
        await page.Keyboard.PressAsync("Alt+C");
        await page.Keyboard.TypeAsync("Henti napas");
        await page.Keyboard.PressAsync("Alt+1");
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(page.Locator("#recommend")).ToBeVisibleAsync();
        await Expect(page.Locator("#candidates li").First).ToBeVisibleAsync();
        var text = await page.Locator("#recommend-for").InnerTextAsync();
        return long.Parse(Regex.Match(text, @"#(\d+)").Groups[1].Value, Inv);
    }

    private async Task<long> IngestAsync(string prefix) =>
        (await Api.IngestAsync($"{prefix}-{Guid.NewGuid():n}")).GetProperty("id").GetInt64();
}
