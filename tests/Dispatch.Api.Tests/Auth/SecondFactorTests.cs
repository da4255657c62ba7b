using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Auth;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Auth;

/// <summary>A second factor (TOTP, an authenticator app) for administrators and the health office.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class SecondFactorTests(string database) : ApiTest(database)
{
    internal static async Task<string> EnrolAsync(HttpClient user)
    {
        var setup = await ApiClient.OkJsonAsync(await user.PostAsync("/api/auth/totp/setup", null));
        var secret = setup.GetProperty("secret").GetString()!;
        Assert.That(setup.GetProperty("uri").GetString(), Does.StartWith("otpauth://totp/").And.Contain($"secret={secret}").And.Contain("issuer=PSC119"));
        var enabled = await ApiClient.OkJsonAsync(await user.PostAsJsonAsync("/api/auth/totp/enable", new { code = Code(secret) }));
        Assert.That(enabled.GetProperty("totpEnabled").GetBoolean(), Is.True);
        return secret;
    }

    internal static string Code(string secret, int stepsAhead = 0) =>
        SecondFactor.CodeFor(secret, TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30 * stepsAhead));

    private static async Task<string?> CodeOfAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;

    [Test]
    public async Task Once_turned_on_sign_in_needs_a_fresh_code()
    {
        using var dinkes = await Api.AsAsync("dinkes1");
        var wrongFirst = await dinkes.PostAsJsonAsync("/api/auth/totp/enable", new { code = "000000" });
        Assert.That(await CodeOfAsync(wrongFirst), Is.EqualTo("wrong-totp-code"), "nothing to confirm yet");
        var secret = await EnrolAsync(dinkes);
        using var anonymous = Api.Anonymous();

        var without = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "dinkes1", password = TestApp.Password });
        var wrong = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "dinkes1", password = TestApp.Password, totpCode = "123456" });
        // The enrolment used the current step; the next one (accepted one step early) signs in, once.
        var next = Code(secret, stepsAhead: 1);
        var right = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "dinkes1", password = TestApp.Password, totpCode = next });
        var replay = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "dinkes1", password = TestApp.Password, totpCode = next });

        Assert.Multiple(async () =>
        {
            Assert.That(without.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await CodeOfAsync(without), Is.EqualTo("totp-required"));
            Assert.That(await CodeOfAsync(wrong), Is.EqualTo("wrong-totp-code"));
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), await right.Content.ReadAsStringAsync());
            Assert.That(await CodeOfAsync(replay), Is.EqualTo("wrong-totp-code"), "a code is taken once");
        });

        var off = await dinkes.PostAsJsonAsync("/api/auth/totp/disable", new { password = TestApp.Password, code = Code(secret) });
        Assert.That(off.StatusCode, Is.EqualTo(HttpStatusCode.OK), await off.Content.ReadAsStringAsync());
        Assert.That((await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "dinkes1", password = TestApp.Password })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_secret_is_not_stored_as_given()
    {
        using var admin = await Api.AsAsync("admin");
        var secret = await EnrolAsync(admin);
        using var db = App.OpenDatabase();
        var stored = Dapper.SqlMapper.ExecuteScalar<string>(db, "SELECT totp_secret FROM users WHERE user_name = 'admin'");
        Assert.That(stored, Is.Not.Null.And.Not.Contain(secret), "protected by the key ring");
        var off = await admin.PostAsJsonAsync("/api/auth/totp/disable", new { password = TestApp.Password, code = Code(secret) });
        Assert.That(off.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}

/// <summary>Auth:RequireTotpForRoles: the listed roles enrol before anything else and cannot turn it off.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class RequiredSecondFactorTests(string database) : ApiTest(database)
{
    protected override Dictionary<string, string?> Settings => new() { ["Auth:RequireTotpForRoles:0"] = "admin" };

    [Test]
    public async Task An_administrator_enrols_before_anything_else()
    {
        using var admin = await Api.AsAsync("admin");
        var me = await ApiClient.OkJsonAsync(await admin.GetAsync("/api/auth/me"));
        var refused = await admin.GetAsync("/api/admin/users");
        Assert.That(me.GetProperty("totpEnrolmentRequired").GetBoolean(), Is.True);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("totp-enrolment-required"));
        using (var dinkes = await Api.AsAsync("dinkes1"))
            Assert.That((await dinkes.GetAsync("/api/reports/setup")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a role not listed is not asked");

        var secret = await SecondFactorTests.EnrolAsync(admin);

        Assert.That((await admin.GetAsync("/api/admin/users")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same session goes on");
        var off = await admin.PostAsJsonAsync("/api/auth/totp/disable", new { password = TestApp.Password, code = SecondFactorTests.Code(secret) });
        Assert.That(off.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await off.Content.ReadAsStringAsync(), Does.Contain("totp-mandatory"));
    }
}
