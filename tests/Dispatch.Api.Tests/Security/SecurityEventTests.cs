using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Security;

/// <summary>
/// Security events are recorded with who, when, from where and what, read back by administrators
/// only through GET /api/admin/security-events, and never hold a caller's personal data or a key.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
[NonParallelizable] // The seventh wrong password must arrive within the 2 s lock of the sixth, each after a slow password check.
public sealed class SecurityEventTests(string database) : ApiTest(database)
{
    private const string PbxKey = "pbx-key-0123456789-abcdefghij";
    private const string OldKey = "old-style-key-0123456789-abcdef";

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Telephony:Keys:0:Name"] = "pbx",
        ["Telephony:Keys:0:Key"] = PbxKey,
        ["Telephony:ApiKeys:0"] = OldKey,
    };

    [Test]
    public async Task Sign_ins_that_succeed_fail_and_are_throttled_are_recorded_without_the_name_typed()
    {
        using var anonymous = Api.Anonymous();
        var typo = "no-such-user-" + Guid.NewGuid().ToString("n")[..8];
        await anonymous.PostAsJsonAsync("/api/auth/login", new { username = typo, password = "wrong-password" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
            statuses.Add((await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "crew2", password = "wrong-password" })).StatusCode);
        Assert.That(statuses, Does.Contain(HttpStatusCode.TooManyRequests), "the throttle answered");
        await Api.TokenAsync("operator1");

        var failed = await WaitForAsync("sign-in-failed", e => e.Actor == "crew2");
        var unknown = await WaitForAsync("sign-in-failed", e => e.Actor is null);
        var throttled = await WaitForAsync("sign-in-throttled", e => e.Actor == "crew2");
        var signedIn = await WaitForAsync("sign-in", e => e.Actor == "operator1");
        Assert.Multiple(() =>
        {
            Assert.That(failed.Address, Is.EqualTo("127.0.0.1"));
            Assert.That(failed.Details.GetProperty("knownUser").GetBoolean(), Is.True);
            Assert.That(unknown.Details.GetProperty("knownUser").GetBoolean(), Is.False);
            Assert.That(throttled.Address, Is.EqualTo("127.0.0.1"));
            Assert.That(signedIn.Details.GetProperty("role").GetString(), Is.EqualTo("operator"));
            Assert.That(signedIn.At, Is.EqualTo(TimeProvider.System.GetUtcNow()).Within(TimeSpan.FromMinutes(1)));
        });
        Assert.That(await AllTextAsync(), Does.Not.Contain(typo), "a name that is no account's may be a password typed in the wrong field");
    }

    [Test]
    public async Task A_wrong_telephony_key_is_recorded_without_the_key()
    {
        const string wrong = "wrong-key-that-someone-tried-0001";
        using var client = Api.Telephony(wrong);
        var response = await client.PostAsJsonAsync("/api/calls", new { externalId = "k-1", receivedAt = "2026-11-23T14:05:00+07:00" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var refused = await WaitForAsync("telephony-key-refused", _ => true);
        Assert.That(refused.Address, Is.EqualTo("127.0.0.1"));
        Assert.That(await AllTextAsync(), Does.Not.Contain(wrong));
    }

    [Test]
    public async Task A_403_is_recorded_with_the_user_and_the_path_only()
    {
        using var dinkes = await Api.AsAsync("dinkes1");
        Assert.That((await dinkes.GetAsync("/api/calls?limit=5")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var forbidden = await WaitForAsync("forbidden", e => e.Actor == "dinkes1");
        Assert.Multiple(() =>
        {
            Assert.That(forbidden.Details.GetProperty("path").GetString(), Is.EqualTo("/api/calls"));
            Assert.That(forbidden.Details.GetProperty("method").GetString(), Is.EqualTo("GET"));
        });
    }

    [Test]
    public async Task An_administrators_reset_records_the_change_the_reset_and_the_session_it_ended()
    {
        using var operatorBefore = await Api.AsAsync("operator2");
        using var admin = await Api.AsAsync("admin");
        var users = await ApiClient.OkJsonAsync(await admin.GetAsync("/api/admin/users"));
        var id = users.EnumerateArray().Single(u => u.GetProperty("username").GetString() == "operator2").GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { role = "operator", displayName = "Operator Dua" }));
        await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = "a-new-password-for-op2" }));
        Assert.That((await operatorBefore.GetAsync("/api/calls")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var changed = await WaitForAsync("admin-change", e => e.Details.GetProperty("path").GetString() == $"/api/admin/users/{id}");
        var reset = await WaitForAsync("password-reset", e => e.Actor == "admin");
        var ended = await WaitForAsync("session-ended", e => e.Actor == "operator2");
        Assert.Multiple(() =>
        {
            Assert.That(changed.Actor, Is.EqualTo("admin"));
            Assert.That(changed.Details.GetProperty("method").GetString(), Is.EqualTo("PUT"));
            Assert.That(reset.Details.GetProperty("path").GetString(), Is.EqualTo($"/api/admin/users/{id}/password"));
            Assert.That(ended.Address, Is.EqualTo("127.0.0.1"));
        });
        Assert.That(await AllTextAsync(), Does.Not.Contain("a-new-password-for-op2"));
    }

    [Test]
    public async Task Exports_and_imports_are_recorded()
    {
        using var dinkes = await Api.AsAsync("dinkes1");
        Assert.That((await dinkes.GetAsync("/api/exports/incidents.csv?from=2026-01-01&to=2026-01-31")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("id,received\nh-1,2026-01-05T10:00:00+07:00\n"), "file", "history.csv" },
            { new StringContent("""{"columns":{"id":"externalId","received":"callReceived"},"timeFormat":"iso"}"""), "mapping" },
        };
        Assert.That((await dinkes.PostAsync("/api/imports/incidents?dryRun=true", form)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var export = await WaitForAsync("export", e => e.Actor == "dinkes1");
        var import = await WaitForAsync("import", e => e.Actor == "dinkes1");
        Assert.Multiple(() =>
        {
            Assert.That(export.Details.GetProperty("file").GetString(), Is.EqualTo("incidents.csv"));
            Assert.That(export.Details.GetProperty("from").GetString(), Is.EqualTo("2026-01-01"));
            Assert.That(import.Details.GetProperty("dryRun").GetBoolean(), Is.True);
            Assert.That(import.Details.GetProperty("rows").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_calls_log_names_the_sender_whose_key_delivered_it_and_never_the_key()
    {
        var viaPbx = await IngestWithAsync(PbxKey, "sender-pbx");
        var viaOld = await IngestWithAsync(OldKey, "sender-old");
        var viaDemo = (await Api.IngestAsync("sender-demo")).GetProperty("id").GetInt64();

        using var db = App.OpenDatabase();
        string Details(long call) => db.ExecuteScalar<string>(
            "SELECT details FROM incident_log WHERE call_id = @Call AND action = 'call.received'", new { Call = call })!;
        Assert.Multiple(() =>
        {
            Assert.That(JsonDocument.Parse(Details(viaPbx)).RootElement.GetProperty("sender").GetString(), Is.EqualTo("pbx"));
            Assert.That(JsonDocument.Parse(Details(viaOld)).RootElement.GetProperty("sender").GetString(), Is.EqualTo("key-1"));
            Assert.That(JsonDocument.Parse(Details(viaDemo)).RootElement.GetProperty("sender").GetString(), Is.EqualTo("demo"));
            Assert.That(Details(viaPbx), Does.Not.Contain(PbxKey));
        });
    }

    [Test]
    public async Task Only_administrators_read_the_events_and_bad_parameters_name_their_field()
    {
        using var admin = await Api.AsAsync("admin");
        using var op = await Api.AsAsync("operator1");
        Assert.That((await op.GetAsync("/api/admin/security-events")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        foreach (var (query, field) in new[] { ("from=yesterday", "from"), ("to=2026-13-01", "to"), ("from=2026-02-01&to=2026-01-01", "to"), ("limit=0", "limit"), ("limit=5000", "limit") })
        {
            var response = await admin.GetAsync($"/api/admin/security-events?{query}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), query);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, $"{query} names {field}");
        }
    }

    [Test]
    public async Task Pages_follow_each_other_newest_first_within_the_range()
    {
        using var anonymous = Api.Anonymous();
        for (var i = 0; i < 3; i++) await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "crew1", password = "wrong-password" });
        using var admin = await Api.AsAsync("admin");
        await WaitForAsync("sign-in", e => e.Actor == "admin");
        var today = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd");

        var first = await ApiClient.OkJsonAsync(await admin.GetAsync($"/api/admin/security-events?from={today}&to={today}&limit=2"));
        var before = first.GetProperty("nextBefore").GetInt64();
        var second = await ApiClient.OkJsonAsync(await admin.GetAsync($"/api/admin/security-events?from={today}&to={today}&limit=2&before={before}"));
        var ids = first.GetProperty("events").EnumerateArray().Concat(second.GetProperty("events").EnumerateArray()).Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.That(ids, Has.Count.EqualTo(4).And.Ordered.Descending.And.Unique);
        var lastYear = await ApiClient.OkJsonAsync(await admin.GetAsync("/api/admin/security-events?from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z"));
        Assert.That(lastYear.GetProperty("events").GetArrayLength(), Is.Zero);
    }

    private async Task<long> IngestWithAsync(string key, string prefix)
    {
        using var client = Api.Telephony(key);
        var response = await client.PostAsJsonAsync("/api/calls", new
        {
            externalId = $"{prefix}-{Guid.NewGuid():n}", callerNumber = "081234567890", receivedAt = "2026-11-23T14:05:00+07:00", source = "line119",
        });
        return (await ApiClient.OkJsonAsync(response)).GetProperty("id").GetInt64();
    }

    private sealed record Event(long Id, DateTimeOffset At, string Kind, string? Actor, string? Address, JsonElement Details);

    /// <summary>Events are stored in the background: waits (up to 15 s) for one that matches.</summary>
    private async Task<Event> WaitForAsync(string kind, Func<Event, bool> match)
    {
        for (var tries = 0; tries < 150; tries++)
        {
            var found = (await ReadAllAsync()).FirstOrDefault(e => e.Kind == kind && match(e));
            if (found is not null) return found;
            await Task.Delay(100);
        }
        Assert.Fail($"no {kind} event matched");
        throw new InvalidOperationException("unreachable");
    }

    private async Task<List<Event>> ReadAllAsync()
    {
        using var admin = await Api.AsAsync("admin");
        var page = await ApiClient.OkJsonAsync(await admin.GetAsync("/api/admin/security-events?limit=1000"));
        return page.GetProperty("events").EnumerateArray().Select(e => new Event(
            e.GetProperty("id").GetInt64(), e.GetProperty("at").GetDateTimeOffset(), e.GetProperty("kind").GetString()!,
            e.GetProperty("actor").GetString(), e.GetProperty("address").GetString(),
            e.TryGetProperty("details", out var d) ? d : default)).ToList();
    }

    private async Task<string> AllTextAsync()
    {
        using var admin = await Api.AsAsync("admin");
        return await (await admin.GetAsync("/api/admin/security-events?limit=1000")).Content.ReadAsStringAsync();
    }
}
