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
}
