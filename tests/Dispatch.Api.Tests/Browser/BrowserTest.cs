using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dispatch.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download) against the real app on
/// 127.0.0.1. The browser path comes from PSC119_CHROMIUM or defaults to /usr/bin/chromium.
/// </summary>
public abstract class BrowserTest : ApiTest
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("PSC119_CHROMIUM") ?? "/usr/bin/chromium";

    protected IPlaywright Playwright { get; private set; } = null!;
    protected IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots land here so that people can look at them.</summary>
    protected static string ScreenshotFolder => Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");

    [OneTimeSetUp]
    public async Task StartBrowser()
    {
        Assert.That(File.Exists(ChromiumPath), Is.True, $"Chromium not found at {ChromiumPath}: apt-get install chromium (./test.sh does so as root), or set PSC119_CHROMIUM.");
        Playwright = await SharedChromium.PlaywrightAsync();
        Browser = await SharedChromium.BrowserAsync();
    }

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>
    /// A context of this test on the run's shared Chromium, closed when the test ends, so that no
    /// page of an earlier test keeps its hub connection and timers running in the shared browser.
    /// </summary>
    protected async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        lock (_contexts) _contexts.Add(context);
        return context;
    }

    [TearDown]
    public async Task CloseContexts()
    {
        IBrowserContext[] contexts;
        lock (_contexts)
        {
            contexts = [.. _contexts];
            _contexts.Clear();
        }
        foreach (var context in contexts) await context.CloseAsync();
    }

    /// <summary>A fresh browser context (own cookies), signed in through the login page.</summary>
    protected async Task<IPage> SignInAsync(string user, ViewportSize? viewport = null, Action<BrowserNewContextOptions>? configure = null, bool expectHub = true)
    {
        var options = new BrowserNewContextOptions { BaseURL = App.BaseAddress.ToString().TrimEnd('/'), ViewportSize = viewport ?? new ViewportSize { Width = 1440, Height = 900 }, Locale = "id-ID", TimezoneId = "Asia/Jakarta" };
        configure?.Invoke(options);
        var context = await NewContextAsync(options);
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => DialogsSeen.Add(dialog.Message);
        page.Console += (_, message) => { if (message.Type == "error") ConsoleErrors.Add($"{message.Text} @ {message.Location}"); };
        page.Response += (_, response) => { if (response.Status >= 400) ConsoleErrors.Add($"{response.Status} {response.Url}"); };
        await page.GotoAsync("/login");
        await SubmitSignInAsync(page, user);
        if (!await ReachedNextPageAsync(page))
        {
            // Two full runs (of five, 2026-11-30) saw a sign-in whose next page never came within 60 s
            // on the loaded machine, in different classes; alone they pass. Say what the page showed,
            // then try once more: the second failure is the test's.
            var onLogin = page.Url.Contains("/login", StringComparison.Ordinal);
            var error = onLogin ? await page.Locator("#login-error").TextContentAsync() : null;
            await TestContext.Progress.WriteLineAsync($"Sign-in of {user} reached no page in 45 s (at {page.Url}, login error '{error}'): trying again.");
            if (onLogin) await SubmitSignInAsync(page, user);
            else await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
            if (!await ReachedNextPageAsync(page)) throw new TimeoutException($"Sign-in of {user} reached no page twice (at {page.Url}).");
        }
        if (expectHub) await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        return page;
    }

    private static async Task SubmitSignInAsync(IPage page, string user)
    {
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", TestApp.Password);
        await page.ClickAsync("button[type=submit]");
    }

    // The next page's document, not every subresource of it (a loaded machine).
    private static async Task<bool> ReachedNextPageAsync(IPage page)
    {
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal),
                new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 45_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Each test starts with its own lists (NUnit keeps one instance for a class's tests).</summary>
    [SetUp]
    public void ForgetEarlierTests()
    {
        DialogsSeen.Clear();
        ConsoleErrors.Clear();
    }

    protected List<string> DialogsSeen { get; } = [];
    protected List<string> ConsoleErrors { get; } = [];

    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }
}
