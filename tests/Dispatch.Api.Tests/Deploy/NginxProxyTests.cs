using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;

namespace Dispatch.Api.Tests.Deploy;

/// <summary>
/// The real app behind the real nginx site: the hub over WebSockets, the API, and what the app
/// learns from the forwarded headers (the client's address and that the request was HTTPS).
/// </summary>
public sealed class NginxProxyTests : ApiTest
{
    private NginxFront _front = null!;

    [OneTimeSetUp]
    public async Task StartNginx()
    {
        _front = new NginxFront(App.BaseAddress.Port);
        await _front.StartAsync();
    }

    [OneTimeTearDown]
    public void StopNginx() => _front.Dispose();

    [Test]
    public async Task A_call_ingested_through_nginx_reaches_an_operator_connected_through_nginx_by_WebSocket()
    {
        using var client = _front.Client();
        var token = await TokenThroughNginxAsync(client, "operator1");
        await using var listener = await HubListener.ConnectAsync(_front.HttpsAddress, token, o =>
        {
            o.Transports = HttpTransportType.WebSockets; // no fallback: the upgrade must pass nginx
            o.HttpMessageHandlerFactory = _ => _front.Handler(IPAddress.Loopback);
            o.WebSocketConfiguration = ws => ws.RemoteCertificateValidationCallback = (_, cert, _, _) => _front.IsOurs(cert);
        });

        client.DefaultRequestHeaders.Add("X-Api-Key", TestApp.TelephonyKey);
        var externalId = "nginx-" + Guid.NewGuid().ToString("n");
        var response = await client.PostAsJsonAsync("/api/calls", new
        {
            externalId, callerNumber = "081234567890", receivedAt = "2026-11-23T14:05:00+07:00", source = "line119",
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), _front.ErrorLog);
        var pushed = await listener.WaitForAsync(e => e.Type == "CallReceived" && e.Str("externalId") == externalId);
        Assert.That(pushed.Seq, Is.Positive);
    }

    [Test]
    public async Task The_login_throttle_keys_on_the_client_behind_nginx_not_on_nginx_nor_on_a_spoofed_header()
    {
        const string user = "throttle-probe";
        using var guesser = _front.Client("127.0.0.2");
        await GuessUntilLockedAsync(guesser, user, TimeSpan.FromSeconds(4));

        using var spoofing = _front.Client("127.0.0.2");
        spoofing.DefaultRequestHeaders.Add("X-Forwarded-For", "10.20.30.40");
        using var colleague = _front.Client("127.0.0.3");
        var spoofed = await FailedLoginAsync(spoofing, user);
        var other = await FailedLoginAsync(colleague, user);
        var again = await FailedLoginAsync(guesser, user);
        Assert.Multiple(() =>
        {
            Assert.That(spoofed.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "a made-up X-Forwarded-For does not escape the throttle");
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "the guessing client is still throttled");
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "another client behind the same nginx is not locked out");
        });
    }

    [Test]
    public async Task Nginx_limits_sign_in_attempts_per_client_address()
    {
        using var flooder = _front.Client("127.0.0.4");
        // 40 at once, made-up names, so the app's own throttle (per name and address) never locks.
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            flooder.PostAsJsonAsync("/api/auth/login", new { username = $"banjir-{i}", password = "tebakan-saja-1" })));
        using var colleague = _front.Client("127.0.0.5");
        var other = await FailedLoginAsync(colleague, "operator1");

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var bodies = await Task.WhenAll(refused.Select(r => r.Content.ReadAsStringAsync()));
        // Those that passed are the app's: 401 (wrong), or 503 when its password checks are all busy.
        var passed = answers.Where(a => a.StatusCode != HttpStatusCode.TooManyRequests).Select(a => a.StatusCode).ToList();
        Assert.That(passed, Has.Count.InRange(20, 22), "the burst of 20 (and the first) pass");
        Assert.That(passed, Is.All.EqualTo(HttpStatusCode.Unauthorized).Or.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(bodies, Is.All.Contain("nginx"), "the rest are refused by nginx, before the app");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "another address is not limited");
    }

    [Test]
    public async Task The_app_knows_the_request_came_over_HTTPS()
    {
        // In Development cookies are Secure exactly when the request was HTTPS (SameAsRequest).
        using var viaNginx = _front.Client();
        using var direct = Api.Anonymous();
        var proxied = await SessionCookieAsync(viaNginx);
        var plain = await SessionCookieAsync(direct);
        Assert.Multiple(() =>
        {
            Assert.That(proxied, Does.Contain("secure").IgnoreCase, "through nginx (X-Forwarded-Proto: https)");
            Assert.That(plain, Does.Not.Contain("secure").IgnoreCase, "plain HTTP straight to the app");
        });
    }

    [Test]
    public async Task Plain_HTTP_is_redirected_to_HTTPS()
    {
        using var plain = _front.Client(https: false);
        var response = await plain.GetAsync("/api/units?x=1");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
            Assert.That(response.Headers.Location, Is.EqualTo(new Uri("https://127.0.0.1/api/units?x=1")));
        });
    }

    [Test]
    public async Task API_answers_are_not_cacheable_and_carry_HSTS()
    {
        using var client = _front.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenThroughNginxAsync(client, "operator1"));
        var response = await client.GetAsync("/api/units");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, response.Headers.ToString());
            Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.True, response.Headers.ToString());
        });
    }

    [Test]
    public async Task Nginx_refuses_a_large_body_except_for_the_history_import()
    {
        using var client = _front.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenThroughNginxAsync(client, "dinkes1"));
        var twoMiB = new byte[2 * 1024 * 1024];

        var call = await client.PostAsync("/api/calls", new ByteArrayContent(twoMiB) { Headers = { ContentType = new("application/json") } });
        using var form = new MultipartFormDataContent { { new ByteArrayContent(twoMiB), "file", "history.csv" } };
        var import = await client.PostAsync("/api/imports/incidents?dryRun=true", form);
        var refusal = await call.Content.ReadAsStringAsync();
        var answer = await import.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(call.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(refusal, Does.Contain("nginx"), "refused by nginx, before the app");
            // The upload reaches the app, which reads it and names the missing mapping.
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), answer);
            Assert.That(import.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    private static async Task<string> TokenThroughNginxAsync(HttpClient client, string user)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password = TestApp.Password });
        return (await ApiClient.OkJsonAsync(response)).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Fails sign-ins from one client until it is locked out for at least <paramref name="atLeast"/>.</summary>
    private static async Task GuessUntilLockedAsync(HttpClient client, string user, TimeSpan atLeast)
    {
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var response = await FailedLoginAsync(client, user);
            if (response.StatusCode == HttpStatusCode.Unauthorized) continue;
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), $"attempt {attempt}");
            Assert.That(attempt, Is.GreaterThan(LoginThrottleFreeFailures), "locked before the free failures were used");
            var wait = response.Headers.RetryAfter!.Delta!.Value;
            if (wait >= atLeast) return;
            await Task.Delay(wait + TimeSpan.FromMilliseconds(100));
        }
        Assert.Fail("the throttle never locked the guessing client out");
    }

    private const int LoginThrottleFreeFailures = Dispatch.Api.Auth.LoginThrottle.FreeFailures;

    private static Task<HttpResponseMessage> FailedLoginAsync(HttpClient client, string user) =>
        client.PostAsJsonAsync("/api/auth/login", new { username = user, password = "wrong-password" });

    private static async Task<string> SessionCookieAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { username = "operator2", password = TestApp.Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("psc119=", StringComparison.Ordinal));
    }
}
