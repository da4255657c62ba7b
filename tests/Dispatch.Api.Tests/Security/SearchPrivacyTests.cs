using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Security;

/// <summary>
/// A search carries a caller's number and words of an address or complaint in its query string:
/// neither reaches the logs, nor a security event when the search is refused.
/// </summary>
public sealed class SearchPrivacyTests
{
    [Test]
    public async Task A_search_leaves_no_number_or_words_in_the_logs()
    {
        // Every category at Information, ASP.NET Core's request logging included, so nothing hides behind a log level.
        using var app = new TestApp(new() { ["Logging:LogLevel:Polly"] = "Information", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" }).Start();
        var api = new ApiClient(app);
        using var op = await api.AsAsync("operator1");
        using var crew = await api.AsAsync("crew1");

        await ApiClient.OkJsonAsync(await op.GetAsync("/api/incidents/search?phone=0813%207777%204242&q=kenanga%20kejang"));
        await op.GetAsync("/api/incidents/search?phone=0813%207777%204242&page=abc"); // a refusal logs too
        await crew.GetAsync("/api/incidents/search?phone=0813%207777%204242&q=kenanga"); // 403, a security event
        using var admin = await api.AsAsync("admin");

        var logs = string.Join('\n', app.Logs);
        Assert.That(app.Logs, Is.Not.Empty, "the capture works");
        Assert.That(logs, Does.Not.Contain("7777").And.Not.Contain("kenanga").And.Not.Contain("kejang"), logs);
        var events = await Eventually(async () => await admin.GetStringAsync("/api/admin/security-events"), body => body.Contains("forbidden", StringComparison.Ordinal));
        Assert.That(events, Does.Contain("/api/incidents/search"), "the refusal is recorded");
        Assert.That(events, Does.Not.Contain("7777").And.Not.Contain("kenanga"));
    }

    private static async Task<string> Eventually(Func<Task<string>> read, Func<string, bool> done)
    {
        var body = "";
        for (var i = 0; i < 50; i++)
        {
            body = await read();
            if (done(body)) return body;
            await Task.Delay(100);
        }
        return body;
    }
}
