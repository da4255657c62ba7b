using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

public sealed class AdminPageTests : BrowserTest
{
    [Test]
    public async Task The_admin_page_adds_a_facility_and_an_operator_is_refused_it()
    {
        var admin = await SignInAsync("admin");
        await admin.GotoAsync("/admin");
        var newStation = admin.Locator("#stations tbody tr").Last;
        await newStation.Locator("[name=name]").FillAsync("RS Uji Peramban");
        await newStation.Locator("[name=lat]").FillAsync("-0.7811");
        await newStation.Locator("[name=lon]").FillAsync("100.6522");
        await newStation.Locator("button").ClickAsync();
        await Expect(admin.Locator("#admin-message")).ToHaveTextAsync("Tersimpan");
        await Expect(admin.Locator("#stations tbody tr")).ToHaveCountAsync(7); // 5 demo + the new one + the empty row
        await ScreenshotAsync(admin, "admin-desktop");
        Assert.That(ConsoleErrors, Is.Empty);

        var op = await SignInAsync("operator1");
        await op.GotoAsync("/admin");
        await Expect(op.Locator("main .notice")).ToBeVisibleAsync();
        Assert.That(await op.Locator("#stations tbody tr").CountAsync(), Is.Zero);
    }

    [Test]
    public async Task The_admin_page_lists_todays_security_events_in_words()
    {
        using (var anonymous = Api.Anonymous())
            await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "nobody-" + Guid.NewGuid().ToString("n")[..6], password = "wrong-password" });
        var admin = await SignInAsync("admin");
        await admin.GotoAsync("/admin");
        var events = admin.Locator("#security-events tbody tr");
        await Expect(events.Filter(new() { HasText = "Gagal masuk" }).First).ToContainTextAsync("nama pengguna tidak dikenal", new() { Timeout = 15000 });
        await Expect(events.Filter(new() { HasText = "Masuk" }).Filter(new() { HasText = "admin" }).First).ToContainTextAsync("Administrator");
        await Expect(admin.Locator("#security-events thead")).ToContainTextAsync("Alamat IP");

        // An earlier range holds nothing, and says so.
        await admin.FillAsync("#security-from", "2025-01-01");
        await admin.FillAsync("#security-to", "2025-01-02");
        await admin.ClickAsync("#security-filter button[type=submit]");
        await Expect(admin.Locator("#security-empty")).ToBeVisibleAsync();
        await Expect(events).ToHaveCountAsync(0);
        Assert.That(ConsoleErrors, Is.Empty);
    }
}
