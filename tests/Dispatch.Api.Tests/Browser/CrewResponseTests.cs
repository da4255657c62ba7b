using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>
/// The crew's phone when the operators change its response (issue 13): a diversion or a release
/// shows at once with a sound, the crew declines with a reason, reads and writes the incident's
/// notes, and a step tapped without signal lands at its tap time or, meant for an incident the
/// unit has left, is dropped with a notice.
/// </summary>
public sealed class CrewResponseTests : BrowserTest
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private const string Crew = "crew2";

    // Counts the page's generated tones (a sound was made).
    private const string ToneCounter = """
        window.__tones = 0;
        const Real = window.AudioContext;
        window.AudioContext = class extends Real { createOscillator() { window.__tones++; return super.createOscillator(); } };
        """;

    private async Task<long> UnitOfAsync(string crew)
    {
        using var client = await Api.AsAsync(crew);
        return (await ApiClient.OkJsonAsync(await client.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();
    }

    private async Task<long> OpenAsync(HttpClient op, string triage) =>
        await Api.OpenIncidentAsync(op, $"crew-resp-{Guid.NewGuid():n}", triage);

    private static async Task AssignAsync(HttpClient op, long incidentId, long unitId, bool divert = false) =>
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId, divert }));

    private static async Task<JsonElement> IncidentAsync(HttpClient op, long incidentId) =>
        await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"));

    private static async Task<JsonElement> ResponseOfAsync(HttpClient op, long incidentId, long unitId) =>
        (await IncidentAsync(op, incidentId)).GetProperty("responses").EnumerateArray().Last(r => r.GetProperty("unitId").GetInt64() == unitId);

    private static async Task<JsonElement> WaitForResponseAsync(HttpClient op, long incidentId, long unitId, Func<JsonElement, bool> done, int timeoutMs = 15000)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMilliseconds(timeoutMs);
        for (;;)
        {
            var response = await ResponseOfAsync(op, incidentId, unitId);
            if (done(response) || TimeProvider.System.GetUtcNow() > deadline) return response;
            await Task.Delay(200);
        }
    }

    private static Task CancelAsync(HttpClient op, long incidentId) =>
        op.PostAsJsonAsync($"/api/incidents/{incidentId}/cancel", new { reason = "test done" });

    /// <summary>
    /// One test's failure must not leave the crew's unit busy for the next: its response is
    /// released and the unit put back in service (each call's answer is checked).
    /// </summary>
    [TearDown]
    public async Task FreeTheUnit()
    {
        using var op = await Api.AsAsync("operator1");
        var unitId = await UnitOfAsync(Crew);
        var unit = (await ApiClient.OkJsonAsync(await op.GetAsync("/api/units"))).EnumerateArray().Single(u => u.GetProperty("id").GetInt64() == unitId);
        if (unit.GetProperty("incidentId").ValueKind == JsonValueKind.Number)
            await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{unit.GetProperty("incidentId").GetInt64()}/responses/{unitId}/release", new { reason = "test teardown" }));
        if (unit.GetProperty("status").GetString() == "outOfService")
        {
            using var crewApi = await Api.AsAsync(Crew);
            await ApiClient.OkJsonAsync(await crewApi.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "available" }));
        }
    }

    private async Task<IPage> CrewPageAsync()
    {
        var crew = await SignInAsync(Crew, Phone);
        await crew.Context.AddInitScriptAsync(ToneCounter);
        await crew.ReloadAsync();
        await Expect(crew.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        return crew;
    }

    [Test]
    public async Task A_diversion_to_a_merah_incident_shows_on_the_phone_within_a_second_with_the_new_incident_and_a_sound()
    {
        var unitId = await UnitOfAsync(Crew);
        using var op = await Api.AsAsync("operator1");
        var kuning = await OpenAsync(op, "kuning");
        await AssignAsync(op, kuning, unitId);
        var crew = await CrewPageAsync();
        await Expect(crew.Locator("#assignment-title")).ToContainTextAsync($"#{kuning}");
        var tonesBefore = await crew.EvaluateAsync<int>("window.__tones");

        var merah = await OpenAsync(op, "merah");
        await AssignAsync(op, merah, unitId, divert: true);
        var diverted = Stopwatch.StartNew();
        var within = new LocatorAssertionsToContainTextOptions { Timeout = 1000 };
        await Expect(crew.Locator("#notice")).ToContainTextAsync($"Dialihkan: insiden #{kuning} ditinggalkan, menuju insiden #{merah}", within);
        await Expect(crew.Locator("#assignment-title")).ToContainTextAsync($"#{merah}", within);
        await Expect(crew.Locator("#assignment-triage")).ToContainTextAsync("Merah", within);
        Assert.That(diverted.ElapsedMilliseconds, Is.LessThan(1000), "the diversion shows within a second of the operator's change");
        Assert.That(await crew.EvaluateAsync<int>("window.__tones"), Is.GreaterThan(tonesBefore), "the diversion sounds");
        // The new response waits for the crew: accept it, and the steps come from the new assignment.
        await Expect(crew.Locator("#accept")).ToBeVisibleAsync();
        await ScreenshotAsync(crew, "crew-phone-diverted");

        var left = await ResponseOfAsync(op, kuning, unitId);
        Assert.That(left.GetProperty("endReason").GetString(), Is.EqualTo("diverted"));
        Assert.That(left.GetProperty("divertedToIncidentId").GetInt64(), Is.EqualTo(merah));
        await crew.ClickAsync("#accept");
        var now = await WaitForResponseAsync(op, merah, unitId, r => r.GetProperty("acknowledgedAt").ValueKind != JsonValueKind.Null);
        Assert.That(now.GetProperty("acknowledgedAt").ValueKind, Is.Not.EqualTo(JsonValueKind.Null), "the crew accepted the incident it was diverted to");
        await Expect(crew.Locator("#notice")).ToBeHiddenAsync();

        await CancelAsync(op, merah);
        await CancelAsync(op, kuning);
        await Expect(crew.Locator("#no-assignment")).ToBeVisibleAsync();
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task A_release_shows_at_once_with_its_reason_and_a_sound()
    {
        var unitId = await UnitOfAsync(Crew);
        using var op = await Api.AsAsync("operator1");
        var incidentId = await OpenAsync(op, "kuning");
        await AssignAsync(op, incidentId, unitId);
        var crew = await CrewPageAsync();
        await crew.ClickAsync("#accept");
        await Expect(crew.Locator("#steps [data-status=enRoute]")).ToBeVisibleAsync();
        // The phone shows the next steps at the tap; released before the acceptance lands, the late
        // acceptance would be refused (422) and count as a page error.
        var accepted = await WaitForResponseAsync(op, incidentId, unitId, r => r.GetProperty("acknowledgedAt").ValueKind != JsonValueKind.Null);
        Assert.That(accepted.GetProperty("acknowledgedAt").ValueKind, Is.Not.EqualTo(JsonValueKind.Null), "the acceptance reached the server");
        var tonesBefore = await crew.EvaluateAsync<int>("window.__tones");

        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/responses/{unitId}/release", new { reason = "unit lain lebih dekat" }));
        var within = new LocatorAssertionsToContainTextOptions { Timeout = 1000 };
        await Expect(crew.Locator("#notice")).ToContainTextAsync($"Dilepas dari insiden #{incidentId}: unit lain lebih dekat", within);
        await Expect(crew.Locator("#no-assignment")).ToBeVisibleAsync(new() { Timeout = 1000 });
        Assert.That(await crew.EvaluateAsync<int>("window.__tones"), Is.GreaterThan(tonesBefore));
        Assert.That(await crew.Locator("#steps [data-status=enRoute], #steps [data-status=onScene]").CountAsync(), Is.Zero, "no step of the released response is offered");

        await CancelAsync(op, incidentId);
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task The_crew_declines_with_a_quick_reason_and_the_operator_sees_the_response_ended_declined()
    {
        var unitId = await UnitOfAsync(Crew);
        using var op = await Api.AsAsync("operator1");
        var incidentId = await OpenAsync(op, "merah");
        await AssignAsync(op, incidentId, unitId);
        var crew = await CrewPageAsync();

        // Without a reason the decline is refused on the phone, in the page's language.
        await crew.ClickAsync("#decline");
        await Expect(crew.Locator("#decline-sheet")).ToBeVisibleAsync();
        await crew.ClickAsync("#decline-send");
        await Expect(crew.Locator("#page-alert")).ToContainTextAsync("Alasan wajib diisi.");
        await crew.ClickAsync("#page-alert .page-alert-close");

        await crew.ClickAsync("#decline-quick [data-reason=crewReasonBreakdown]");
        await Expect(crew.Locator("#decline-reason")).ToHaveValueAsync("Kendaraan rusak");
        await crew.FillAsync("#decline-reason", "Kendaraan rusak: ban bocor");
        await ScreenshotAsync(crew, "crew-phone-decline");
        await crew.ClickAsync("#decline-send");
        await Expect(crew.Locator("#decline-sheet")).ToBeHiddenAsync();
        await Expect(crew.Locator("#notice")).ToContainTextAsync($"Penugasan insiden #{incidentId} ditolak: Kendaraan rusak: ban bocor");
        await Expect(crew.Locator("#no-assignment")).ToBeVisibleAsync();

        var response = await ResponseOfAsync(op, incidentId, unitId);
        Assert.That(response.GetProperty("endReason").GetString(), Is.EqualTo("declined"));
        Assert.That(response.GetProperty("endNote").GetString(), Is.EqualTo("Kendaraan rusak: ban bocor"));
        Assert.That((await IncidentAsync(op, incidentId)).GetProperty("waitingForUnit").GetBoolean(), Is.True);

        // The declined unit is out of service until its crew puts it back, from the steps the server offers.
        await Expect(crew.Locator("#unit-status")).ToHaveTextAsync("Tidak beroperasi");
        await crew.ClickAsync("#steps [data-status=available]");
        await Expect(crew.Locator("#unit-status")).ToHaveTextAsync("Siaga di jalan");
        await CancelAsync(op, incidentId);
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task After_accepting_the_phone_offers_no_decline_and_the_server_refuses_one()
    {
        var unitId = await UnitOfAsync(Crew);
        using var op = await Api.AsAsync("operator1");
        var incidentId = await OpenAsync(op, "merah");
        await AssignAsync(op, incidentId, unitId);
        var crew = await CrewPageAsync();
        await Expect(crew.Locator("#decline")).ToBeVisibleAsync();
        await crew.ClickAsync("#accept");
        await Expect(crew.Locator("#decline")).ToBeHiddenAsync();
        // The phone hides the button at the tap; the server refuses a decline once the acceptance has landed.
        var accepted = await WaitForResponseAsync(op, incidentId, unitId, r => r.GetProperty("acknowledgedAt").ValueKind != JsonValueKind.Null);
        Assert.That(accepted.GetProperty("acknowledgedAt").ValueKind, Is.Not.EqualTo(JsonValueKind.Null), "the acceptance reached the server");

        using var crewApi = await Api.AsAsync(Crew);
        var late = await crewApi.PostAsJsonAsync($"/api/units/{unitId}/decline", new { reason = "terlambat", incidentId });
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString(), Is.EqualTo("decline-too-late"));
        await CancelAsync(op, incidentId);
    }

    [Test]
    public async Task The_crew_adds_a_note_and_sees_an_operators_note_arrive()
    {
        var unitId = await UnitOfAsync(Crew);
        using var op = await Api.AsAsync("operator1");
        var incidentId = await OpenAsync(op, "kuning");
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/notes", new { text = "Pintu pagar biru" }));
        await AssignAsync(op, incidentId, unitId);
        var crew = await CrewPageAsync();

        // The notes written before the unit was sent are there.
        await Expect(crew.Locator("#notes-list li")).ToHaveCountAsync(1);
        await Expect(crew.Locator("#notes-list")).ToContainTextAsync("Pintu pagar biru");
        await Expect(crew.Locator("#notes-list")).ToContainTextAsync("operator1");

        await crew.FillAsync("#note-text", "Pasien kedua di lantai atas");
        await crew.ClickAsync("#note-send");
        await Expect(crew.Locator("#notes-list li")).ToHaveCountAsync(2);
        await Expect(crew.Locator("#note-text")).ToHaveValueAsync("");
        var notes = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/notes"))).EnumerateArray().ToList();
        Assert.That(notes.Select(n => n.GetProperty("text").GetString()), Is.EqualTo(new[] { "Pintu pagar biru", "Pasien kedua di lantai atas" }));
        Assert.That(notes[1].GetProperty("unitId").GetInt64(), Is.EqualTo(unitId), "the crew's note names its unit");

        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/notes", new { text = "Keluarga menunggu di gang" }));
        await Expect(crew.Locator("#notes-list li")).ToHaveCountAsync(3, new() { Timeout = 2000 });
        await Expect(crew.Locator("#notes-list li").Last).ToContainTextAsync("Keluarga menunggu di gang");
        // The crew's own note, pushed back to it as well, is listed once.
        await Expect(crew.Locator("#notes-list li", new() { HasText = "Pasien kedua di lantai atas" })).ToHaveCountAsync(1);

        // An empty note is refused on the phone, through the one error path.
        await crew.ClickAsync("#note-send");
        await Expect(crew.Locator("#page-alert")).ToContainTextAsync("Tulis catatannya dahulu.");
        await ScreenshotAsync(crew, "crew-phone-notes");
        await CancelAsync(op, incidentId);
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task A_step_tapped_offline_arrives_with_its_tap_time_on_the_response()
    {
        var unitId = await UnitOfAsync(Crew);
        using var op = await Api.AsAsync("operator1");
        var incidentId = await OpenAsync(op, "merah");
        await AssignAsync(op, incidentId, unitId);
        var crew = await CrewPageAsync();
        await crew.ClickAsync("#accept");
        await WaitForResponseAsync(op, incidentId, unitId, r => r.GetProperty("acknowledgedAt").ValueKind != JsonValueKind.Null);
        await Expect(crew.Locator("#steps [data-status=enRoute]")).ToBeVisibleAsync();

        await crew.Context.SetOfflineAsync(true);
        var before = TimeProvider.System.GetUtcNow();
        await crew.ClickAsync("#steps [data-status=enRoute]");
        var after = TimeProvider.System.GetUtcNow();
        await Expect(crew.Locator("#waiting-list li")).ToHaveCountAsync(1);
        await Task.Delay(2500);
        Assert.That((await ResponseOfAsync(op, incidentId, unitId)).GetProperty("enRouteAt").ValueKind, Is.EqualTo(JsonValueKind.Null), "nothing reached the server offline");

        var sent = TimeProvider.System.GetUtcNow();
        await crew.Context.SetOfflineAsync(false);
        var response = await WaitForResponseAsync(op, incidentId, unitId, r => r.GetProperty("enRouteAt").ValueKind != JsonValueKind.Null);
        var enRouteAt = response.GetProperty("enRouteAt").GetDateTimeOffset();
        Assert.That(enRouteAt, Is.InRange(before.AddMilliseconds(-1), after), "the response's en route is the tap time");
        Assert.That(enRouteAt, Is.LessThan(sent.AddSeconds(-2)), "not the time it was sent");
        Assert.That(response.GetProperty("via").GetString(), Is.EqualTo("crew"));
        await Expect(crew.Locator("#waiting")).ToBeHiddenAsync();
        await Expect(crew.Locator("#steps [data-status=onScene]")).ToBeVisibleAsync();
        await CancelAsync(op, incidentId);
    }

    [Test]
    public async Task A_step_tapped_offline_for_an_incident_the_unit_was_diverted_from_is_dropped_with_a_notice()
    {
        var unitId = await UnitOfAsync(Crew);
        using var op = await Api.AsAsync("operator1");
        var hijau = await OpenAsync(op, "hijau");
        await AssignAsync(op, hijau, unitId);
        var crew = await CrewPageAsync();
        await crew.ClickAsync("#accept");
        await WaitForResponseAsync(op, hijau, unitId, r => r.GetProperty("acknowledgedAt").ValueKind != JsonValueKind.Null);
        await Expect(crew.Locator("#steps [data-status=enRoute]")).ToBeVisibleAsync();

        await crew.Context.SetOfflineAsync(true);
        await crew.ClickAsync("#steps [data-status=enRoute]");
        await Expect(crew.Locator("#waiting-list li")).ToHaveCountAsync(1);
        // Meanwhile the operator diverts the unit to a merah incident.
        var merah = await OpenAsync(op, "merah");
        await AssignAsync(op, merah, unitId, divert: true);

        await crew.Context.SetOfflineAsync(false);
        await Expect(crew.Locator("#notice")).ToContainTextAsync($"Langkah “Berangkat” untuk insiden #{hijau} tidak dikirim", new() { Timeout = 15000 });
        await Expect(crew.Locator("#page-alert")).ToContainTextAsync("Penugasan sudah berubah; langkah ini tidak dikirim.");
        await Expect(crew.Locator("#waiting")).ToBeHiddenAsync();
        await Expect(crew.Locator("#assignment-title")).ToContainTextAsync($"#{merah}", new() { Timeout = 15000 });
        await Expect(crew.Locator("#accept")).ToBeVisibleAsync();

        var left = await ResponseOfAsync(op, hijau, unitId);
        Assert.That(left.GetProperty("endReason").GetString(), Is.EqualTo("diverted"));
        Assert.That(left.GetProperty("enRouteAt").ValueKind, Is.EqualTo(JsonValueKind.Null), "the dropped step was recorded nowhere");
        Assert.That((await ResponseOfAsync(op, merah, unitId)).GetProperty("enRouteAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
        await CancelAsync(op, merah);
        await CancelAsync(op, hijau);
    }
}
