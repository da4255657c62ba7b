using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dispatch.Api.Tests.Auth;
using Dispatch.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>The account page, linked from every page's header: one's own password, and the second factor where the role may use one.</summary>
public sealed class AccountPageBrowserTests : BrowserTest
{
    [Test]
    public async Task The_health_office_turns_on_two_step_verification_from_its_account_page()
    {
        var page = await SignInAsync("dinkes1", expectHub: false);
        await page.Locator("#who a.account-link").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/login\?account$"));
        await Expect(page.Locator("#password-form h2")).ToHaveTextAsync("Ganti kata sandi");
        await page.Locator("#totp-start").ClickAsync();
        var uri = page.Locator("#totp-uri");
        await Expect(uri).ToContainTextAsync("otpauth://totp/");
        var secret = Regex.Match(await uri.InnerTextAsync(), "secret=([A-Z2-7]+)").Groups[1].Value;
        Assert.That(secret, Is.Not.Empty);
        await page.FillAsync("#totp-first-code", SecondFactorTests.Code(secret));
        await page.Locator("#totp-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/reports$"));

        // From now on the password alone does not sign in.
        using var anonymous = Api.Anonymous();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "dinkes1", password = TestApp.Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(ConsoleErrors.Where(e => !e.Contains("401", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task An_operator_changes_the_password_there_and_is_offered_no_second_factor()
    {
        var page = await SignInAsync("operator2");
        await page.Locator("#who a.account-link").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/login\?account$"));
        await Expect(page.Locator("#password-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#totp-start")).ToBeHiddenAsync();
        const string own = "operator-dua-kata-sandi-baru";
        await page.FillAsync("#current-password", TestApp.Password);
        await page.FillAsync("#new-password", own);
        await page.FillAsync("#repeat-password", own);
        await page.Locator("#password-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        using var anonymous = Api.Anonymous();
        Assert.That((await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "operator2", password = own })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
