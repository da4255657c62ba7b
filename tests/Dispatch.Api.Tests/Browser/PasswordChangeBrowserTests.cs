using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>A user given a password by an administrator chooses their own on the login page before anything else.</summary>
public sealed class PasswordChangeBrowserTests : BrowserTest
{
    [Test]
    public async Task A_new_operator_chooses_a_password_before_reaching_the_console()
    {
        using var admin = await Api.AsAsync("admin");
        await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/users", new { username = "op-peramban", role = "operator", password = "kata-sandi-awal" }));
        var context = await NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseAddress.ToString().TrimEnd('/'), Locale = "id-ID" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/login");
        await page.FillAsync("#username", "op-peramban");
        await page.FillAsync("#password", "kata-sandi-awal");
        await page.ClickAsync("#login-form button[type=submit]");
        await Expect(page.Locator("#password-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#login-form")).ToBeHiddenAsync();

        // The console is not open yet: it sends the page back to the form.
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Expect(page.Locator("#password-form")).ToBeVisibleAsync();

        await page.FillAsync("#current-password", "kata-sandi-awal");
        await page.FillAsync("#new-password", "1qaz2wsx3edc"); // on the list of common passwords
        await page.FillAsync("#repeat-password", "1qaz2wsx3edc");
        await page.ClickAsync("#password-form button[type=submit]");
        await Expect(page.Locator("#password-error")).ToContainTextAsync("bukan sandi umum");

        await page.FillAsync("#new-password", "sandi-pilihan-saya");
        await page.FillAsync("#repeat-password", "sandi-pilihan-lain");
        await page.ClickAsync("#password-form button[type=submit]");
        await Expect(page.Locator("#password-error")).ToHaveTextAsync("Kedua kata sandi baru tidak sama.");

        await page.FillAsync("#repeat-password", "sandi-pilihan-saya");
        await page.ClickAsync("#password-form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await ScreenshotAsync(page, "password-changed-console");

        using var anonymous = Api.Anonymous();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "op-peramban", password = "sandi-pilihan-saya" });
        Assert.That(login.IsSuccessStatusCode, Is.True, "the chosen password signs in");
    }
}
