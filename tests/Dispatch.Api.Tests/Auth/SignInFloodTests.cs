using System.Net;
using System.Net.Http.Json;
using Dispatch.Api.Auth;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Auth;

/// <summary>
/// Sign-in floods: a limit per client address, a cap on password hashes at once, and a slow-down
/// per account that never keeps the right password out for long. The test client stands for many
/// addresses with X-Forwarded-For, which the app believes from loopback (a trusted proxy).
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class SignInFloodTests(string database) : ApiTest(database)
{
    private static int _address;

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Auth:SignInBurst"] = "3",
        ["Auth:SignInPerMinute"] = "6",
    };

    private HttpClient From(string address)
    {
        var client = Api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static string NewAddress()
    {
        var n = Interlocked.Increment(ref _address);
        return $"198.51.{100 + n / 250}.{n % 250 + 1}";
    }

    [Test]
    public async Task One_address_is_limited_others_are_not()
    {
        using var flooder = From(NewAddress());
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            codes.Add((await flooder.PostAsJsonAsync("/api/auth/login", new { username = $"nama-karangan-{i}", password = "tebakan-saja-1" })).StatusCode);
        var refused = await flooder.PostAsJsonAsync("/api/auth/login", new { username = "operator1", password = TestApp.Password });
        using var colleague = From(NewAddress());
        var other = await colleague.PostAsJsonAsync("/api/auth/login", new { username = "operator1", password = TestApp.Password });

        Assert.That(codes.Take(3), Is.All.EqualTo(HttpStatusCode.Unauthorized), "the burst is answered");
        Assert.That(codes.Skip(3), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "before the password is looked at");
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.Not.Null.And.GreaterThan(TimeSpan.Zero));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("\"code\":\"sign-in-throttled\""));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another address signs in");
    }

    [Test]
    public async Task Failures_on_one_account_from_many_addresses_slow_it_but_never_shut_it()
    {
        // More failures than the free ones, each from its own address (so no address is locked),
        // four at a time (as many as the sign-ins one hash slot admits at once).
        var answers = new List<HttpStatusCode>();
        foreach (var batch in Enumerable.Range(0, LoginThrottle.AccountFreeFailures + 10).Chunk(4))
        {
            answers.AddRange(await Task.WhenAll(batch.Select(async i =>
            {
                using var attacker = From(NewAddress());
                return (await attacker.PostAsJsonAsync("/api/auth/login", new { username = "crew2", password = $"tebakan-ke-{i}" })).StatusCode;
            })));
        }
        Assert.That(answers, Is.All.EqualTo(HttpStatusCode.Unauthorized).Or.EqualTo(HttpStatusCode.ServiceUnavailable));
        // Each 401 was counted on the account; the right password is the next count.
        var slowDown = LoginThrottle.SlowDown(answers.Count(a => a == HttpStatusCode.Unauthorized) + 1);
        Assert.That(slowDown, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)), "enough failures were counted to slow the account");

        using var crew = From(NewAddress());
        var started = TimeProvider.System.GetTimestamp();
        var right = await crew.PostAsJsonAsync("/api/auth/login", new { username = "crew2", password = TestApp.Password });
        var took = TimeProvider.System.GetElapsedTime(started);

        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the right password still signs in");
        Assert.That(took, Is.GreaterThanOrEqualTo(slowDown - TimeSpan.FromMilliseconds(50)), "after the account's slow-down");
        Assert.That(took, Is.LessThan(LoginThrottle.MaxSlowDown + TimeSpan.FromSeconds(10)), "which is a few seconds, not a lock-out");
    }

    [Test]
    public void The_account_slow_down_doubles_after_the_free_failures_up_to_a_few_seconds()
    {
        var waits = Enumerable.Range(1, LoginThrottle.AccountFreeFailures + 8).Select(n => LoginThrottle.SlowDown(n).TotalSeconds).ToArray();

        Assert.That(waits.Take(LoginThrottle.AccountFreeFailures), Is.All.Zero);
        Assert.That(waits.Skip(LoginThrottle.AccountFreeFailures).Take(4), Is.EqualTo(new[] { 0.25, 0.5, 1, 2 }));
        Assert.That(waits.Skip(LoginThrottle.AccountFreeFailures + 4), Is.All.EqualTo(LoginThrottle.MaxSlowDown.TotalSeconds));
    }
}

/// <summary>Password hashes at once are capped: a burst beyond the cap is answered 503, never queued without end.</summary>
public sealed class PasswordCheckCapTests : ApiTest
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Auth:ConcurrentPasswordChecks"] = "1",
        ["Auth:PasswordCheckWait"] = "00:00:00.001",
    };

    [Test]
    public async Task Sign_ins_beyond_the_hash_cap_are_told_to_come_back()
    {
        var attempts = Enumerable.Range(0, 24).Select(async i =>
        {
            using var client = Api.Anonymous();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            return await client.PostAsJsonAsync("/api/auth/login", new { username = $"nama-{i}", password = "tebakan-saja-1" });
        });
        var answers = await Task.WhenAll(attempts);

        Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.Unauthorized).Or.EqualTo(HttpStatusCode.ServiceUnavailable));
        var busy = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.That(busy, Is.Not.Empty, "24 at once with one hash slot: some were not hashed");
        Assert.That(busy.Select(b => b.Headers.RetryAfter?.Delta), Is.All.Not.Null);
        Assert.That(await busy[0].Content.ReadAsStringAsync(), Does.Contain("\"code\":\"sign-in-busy\""));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized), Is.GreaterThan(0), "the first was hashed");
    }
}
