using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>The operator console in a real Chromium.</summary>
[NonParallelizable] // Asserts that a call reaches the console within one second.
public sealed class OperatorConsoleTests : BrowserTest
{
    private static readonly LocatorAssertionsToBeVisibleOptions WithinOneSecond = new() { Timeout = 1000 };

    [Test]
    public async Task A_posted_call_appears_in_the_console_within_one_second_without_reload()
    {
        var page = await SignInAsync("operator1");
        await Expect(page.Locator("#who")).ToContainTextAsync("operator1 (Operator)");

        var call = await Api.IngestAsync($"web-{Guid.NewGuid():n}", callerNumber: "081377001122");
        var id = call.GetProperty("id").GetInt64();

        var item = page.Locator($"#queue li[data-call-id='{id}']");
        await Expect(item).ToBeVisibleAsync(WithinOneSecond);
        await Expect(item).ToContainTextAsync("+6281377001122");
        await Expect(item.Locator(".wait")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+:\d\d$"));
        Assert.That(ConsoleErrors, Is.Empty);
        await ScreenshotAsync(page, "console-desktop");
    }
}
