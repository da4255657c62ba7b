using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>
/// Guided call taking with the keyboard only: open the card picker, filter, pick, answer, see the
/// suggestion, apply it, step through the instructions (each recorded), run the CPR metronome.
/// </summary>
public sealed class ProtocolPanelTests : BrowserTest
{
    [Test]
    public async Task An_operator_runs_the_cpr_card_with_the_keyboard_only()
    {
        var page = await SignInAsync("operator1");
        using var op = await Api.AsAsync("operator2");
        var incidentId = await Api.OpenIncidentAsync(op, $"protocol-{Guid.NewGuid():n}", "hijau");
        var row = page.Locator($"#incidents-board tr[data-incident-id='{incidentId}']");
        await row.FocusAsync(); // where Tab or Alt+I lands
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#incident-title")).ToContainTextAsync($"#{incidentId}");
        await page.Keyboard.PressAsync("Escape"); // the recommendation; the panel stays

        await page.Keyboard.PressAsync("Alt+Q");
        await Expect(page.Locator("#protocol-search")).ToBeFocusedAsync();
        await Expect(page.Locator("#protocol-cards li")).ToHaveCountAsync(12);
        await page.Keyboard.TypeAsync("henti jantung");
        await Expect(page.Locator("#protocol-cards li")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#protocol-title")).ToHaveAttributeAsync("data-card-id", "cardiac-arrest");
        await Expect(page.Locator(".protocol-sample")).ToContainTextAsync("CONTOH");
        await Expect(page.Locator("#metronome")).ToBeHiddenAsync(); // compressions only once the answers call for them

        await page.Keyboard.PressAsync("n"); // awake? no
        await page.Keyboard.PressAsync("n"); // breathing normally? no: all answered, the suggestion comes
        await Expect(page.Locator("#protocol-suggested")).ToHaveTextAsync("Merah");
        await Expect(page.Locator("#metronome")).ToBeVisibleAsync();
        await Expect(page.Locator("#protocol-current")).ToHaveTextAsync("Hijau"); // never set silently
        await page.Keyboard.PressAsync("g");
        await Expect(page.Locator("#protocol-current")).ToHaveTextAsync("Merah");

        await Expect(page.Locator("#protocol-step")).ToContainTextAsync("speaker");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("#protocol-step")).ToHaveAttributeAsync("data-step", "2");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#protocol-step")).ToHaveAttributeAsync("data-step", "1");
        await Expect(page.Locator("#protocol-step")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("given"));

        await page.Keyboard.PressAsync("s");
        await Expect(page.Locator("#metronome")).ToHaveAttributeAsync("data-running", "true");
        await Expect(page.Locator("#metronome")).ToHaveAttributeAsync("data-beats", "3", new() { Timeout = 5000 });
        await page.Keyboard.PressAsync("m");
        await Expect(page.Locator(".metronome-mute")).ToContainTextAsync("Bunyikan");
        await ScreenshotAsync(page, "protocol-panel");
        await page.Keyboard.PressAsync("s");
        await Expect(page.Locator("#metronome")).ToHaveAttributeAsync("data-running", "false");

        var incident = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"));
        Assert.That(incident.GetProperty("triage").GetString(), Is.EqualTo("merah"));
        var log = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/log"))).EnumerateArray().ToList();
        Assert.That(log.Count(e => e.GetProperty("action").GetString() == "protocol.used"), Is.EqualTo(1));
        Assert.That(log.Where(e => e.GetProperty("action").GetString() == "protocol.instruction").Select(e => e.GetProperty("details").GetProperty("step").GetInt32()),
            Is.EquivalentTo(new[] { 0, 1 }));

        await page.Keyboard.PressAsync("Escape"); // back to the picker
        await Expect(page.Locator("#protocol-search")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape"); // closes the protocol panel, not the incident
        await Expect(page.Locator("#protocol-panel")).ToBeHiddenAsync();
        await Expect(page.Locator("#incident-title")).ToContainTextAsync($"#{incidentId}");
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task An_administrator_sees_a_broken_edit_refused_and_approves_a_card()
    {
        var admin = await SignInAsync("admin");
        await admin.GotoAsync("/admin");
        var row = admin.Locator("#protocol-list tr[data-card-id='seizure']");
        await Expect(row).ToContainTextAsync("contoh, perlu persetujuan");
        await row.Locator("button.protocol-edit").ClickAsync();
        var json = await admin.Locator("#protocol-json").InputValueAsync();
        await admin.Locator("#protocol-json").FillAsync(json.Replace("\"defaultTriage\": \"kuning\"", "\"defaultTriage\": \"biru\"", StringComparison.Ordinal));
        await admin.ClickAsync("#protocol-save");
        await Expect(admin.Locator("#protocol-error")).ToContainTextAsync("'seizure'");
        await Expect(admin.Locator("#protocol-error")).ToContainTextAsync("defaultTriage");

        var approved = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        approved["approval"] = new System.Text.Json.Nodes.JsonObject { ["status"] = "approved", ["approvedBy"] = "dr. Kepala Medis" };
        await admin.Locator("#protocol-json").FillAsync(approved.ToJsonString());
        await admin.ClickAsync("#protocol-save");
        await Expect(row).ToContainTextAsync("disetujui (dr. Kepala Medis)");
        await Expect(row).ToContainTextAsync("v2");
        await ScreenshotAsync(admin, "admin-protocols");
        Assert.That(ConsoleErrors.Where(e => !e.Contains("400", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task The_reports_page_shows_per_card_how_often_the_chosen_triage_differs()
    {
        using var op = await Api.AsAsync("operator2");
        var incidentId = await Api.OpenIncidentAsync(op, $"protocol-report-{Guid.NewGuid():n}", "kuning");
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/protocol", new { cardId = "chest-pain", answers = new { awake = false } }));
        var page = await SignInAsync("dinkes1", expectHub: false);
        await page.GotoAsync("/reports");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-loaded", "true");
        var line = page.Locator("#protocol-report tr[data-card-id='chest-pain']");
        await Expect(line).ToContainTextAsync("1");
        await Expect(line.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Expect(line.Locator("td").Nth(3)).ToContainTextAsync("100");
    }
}
