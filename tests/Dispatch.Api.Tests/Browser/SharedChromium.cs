using Microsoft.Playwright;

namespace Dispatch.Api.Tests.Browser;

/// <summary>
/// One Playwright driver and one Chromium process for every browser test class of the run. A
/// launch costs a Node.js driver and a browser start (seconds on a loaded machine); a context per
/// test, which each test gets, isolates cookies and storage just as well. Launched on first use,
/// launched again if it died, closed when the namespace's tests are done.
/// </summary>
[SetUpFixture]
public sealed class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>The run's Playwright driver (for a test that needs a browser with other flags).</summary>
    public static async Task<IPlaywright> PlaywrightAsync()
    {
        await Gate.WaitAsync();
        try { return _playwright ??= await Microsoft.Playwright.Playwright.CreateAsync(); }
        finally { Gate.Release(); }
    }

    /// <summary>The run's Chromium, launched on first use (again if it is no longer connected).</summary>
    public static async Task<IBrowser> BrowserAsync()
    {
        var playwright = await PlaywrightAsync();
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            if (_browser is not null) await _browser.DisposeAsync();
            return _browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserTest.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }
        finally { Gate.Release(); }
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _browser = null;
        _playwright = null;
    }
}
