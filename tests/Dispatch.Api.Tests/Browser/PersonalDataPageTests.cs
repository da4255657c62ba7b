using Dispatch.Api.Tests.Infrastructure;
using Dispatch.Api.Tests.Privacy;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>The admin page's personal data: a person's copy, erasure with a reason, the access log and the log check.</summary>
public sealed class PersonalDataPageTests : BrowserTest
{
    [Test]
    public async Task An_administrator_hands_over_a_copy_erases_it_and_sees_who_read_it()
    {
        using var op = await Api.AsAsync("operator1");
        var person = await PersonCase.CloseAsync(Api, op, "web" + Guid.NewGuid().ToString("n")[..6], Random.Shared.Next(10_000_000, 99_999_999));
        await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{person.IncidentId}"));

        var admin = await SignInAsync("admin");
        admin.Dialog += (_, dialog) => dialog.AcceptAsync();
        await admin.GotoAsync("/admin");
        await admin.FillAsync("#pd-phone", person.Phone);
        await admin.ClickAsync("#pd-find button[type=submit]");
        await Expect(admin.Locator("#pd-summary")).ToHaveTextAsync("Ditemukan 1 panggilan dan 1 insiden.");
        await Expect(admin.Locator("#pd-incidents li")).ToContainTextAsync($"#{person.IncidentId}");

        // The copy is the server's document, as a file.
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.ClickAsync("#pd-download"));
        var copy = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.That(copy, Does.Contain(person.Address).And.Contain(person.Stored));

        // Erasure needs a reason; then the record reads erased.
        await admin.ClickAsync("#pd-erase-button");
        await Expect(admin.Locator("#pd-reason")).ToHaveJSPropertyAsync("validity.valid", false);
        await admin.FillAsync("#pd-reason", "Permohonan PDP-2026-017");
        await admin.ClickAsync("#pd-erase-button");
        await Expect(admin.Locator("#pd-erased")).ToContainTextAsync("Dihapus: 1 panggilan, 1 insiden, 1 catatan");
        await Expect(admin.Locator("#pd-incidents li")).ToContainTextAsync("dihapus");

        // Who read this incident: the operator's opening and the administrator's copy.
        await admin.FillAsync("#access-incident", person.IncidentId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.ClickAsync("#access-filter button[type=submit]");
        var rows = admin.Locator("#access-log tbody tr");
        await Expect(rows.Filter(new() { HasText = "Membuka insiden" }).Filter(new() { HasText = "operator1" }).First).ToBeVisibleAsync();
        await Expect(rows.Filter(new() { HasText = "Salinan data pribadi" }).Filter(new() { HasText = "admin" }).First).ToBeVisibleAsync();

        await admin.ClickAsync("#integrity-check");
        await Expect(admin.Locator("#integrity-result")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Utuh: \\d+ baris diperiksa"));
        await ScreenshotAsync(admin, "admin-personal-data");
        Assert.That(ConsoleErrors, Is.Empty);
    }
}
