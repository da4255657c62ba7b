using System.Net;
using Dapper;
using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Auth;

/// <summary>Sessions live on the server: signing out ends every copy of a cookie or token.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class SessionTests(string database) : ApiTest(database)
{
    [Test]
    public async Task Signing_out_ends_a_copied_cookie()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = App.BaseAddress };
        var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { username = "operator1", password = TestApp.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("psc119=", StringComparison.Ordinal)).Split(';')[0];
        using var thief = Api.Anonymous();
        thief.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.That((await thief.GetAsync("/api/units")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the copy works while the session does");

        var token = (await ApiClient.OkJsonAsync(await browser.GetAsync("/api/auth/antiforgery"))).GetProperty("requestToken").GetString();
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout") { Headers = { { "X-CSRF-TOKEN", token } } };
        Assert.That((await browser.SendAsync(logout)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That((await thief.GetAsync("/api/units")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the copied cookie ended with the session");
    }

    [Test]
    public async Task Signing_out_ends_a_bearer_token_and_only_that_session()
    {
        using var first = await Api.FreshSessionAsync("operator2");
        using var second = await Api.FreshSessionAsync("operator2");

        Assert.That((await first.PostAsync("/api/auth/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That((await first.GetAsync("/api/units")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the token is refused after sign-out");
        Assert.That((await second.GetAsync("/api/units")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the user's other session goes on");
        using var db = App.OpenDatabase();
        Assert.That(db.ExecuteScalar<long>("SELECT COUNT(*) FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.user_name = 'operator2'"),
            Is.GreaterThanOrEqualTo(1));
    }
}

/// <summary>A session ends at its absolute lifetime, however often its cookie slid.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class SessionLifetimeTests(string database) : ApiTest(database)
{
    protected override Dictionary<string, string?> Settings => new() { ["Auth:SessionLifetime"] = "00:00:04" };

    [Test]
    public async Task An_active_session_ends_at_its_absolute_lifetime()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = App.BaseAddress };
        await ApiClient.OkJsonAsync(await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { username = "operator1", password = TestApp.Password }));
        var started = TimeProvider.System.GetTimestamp();

        var answers = new List<HttpStatusCode>();
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(7))
        {
            answers.Add((await browser.GetAsync("/api/units")).StatusCode);
            await Task.Delay(500);
        }

        Assert.That(answers[0], Is.EqualTo(HttpStatusCode.OK), "in use from the start");
        Assert.That(answers[^1], Is.EqualTo(HttpStatusCode.Unauthorized), "ended after 4 s although used every half second");
        Assert.That(answers.SkipWhile(a => a == HttpStatusCode.OK), Is.All.EqualTo(HttpStatusCode.Unauthorized), "and stays ended");
    }
}
