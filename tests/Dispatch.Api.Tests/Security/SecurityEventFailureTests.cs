using System.Net;
using System.Net.Http.Json;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Security;

/// <summary>A security event that cannot be stored never fails (or holds up) the request it describes.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class SecurityEventFailureTests(string database) : ApiTest(database)
{
    [Test]
    public async Task With_the_table_gone_sign_ins_and_calls_still_succeed_and_the_loss_is_logged()
    {
        using (var db = App.OpenDatabase()) db.Execute("DROP TABLE security_events");

        using var anonymous = Api.Anonymous();
        var wrong = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "crew1", password = "wrong-password" });
        using var op = await Api.AsAsync("operator1");
        var call = await Api.IngestAsync("event-table-gone");
        using var bad = Api.Telephony("a-key-that-is-not-configured-anywhere");
        var refused = await bad.PostAsJsonAsync("/api/calls", new { externalId = "x", receivedAt = "2026-11-23T14:05:00+07:00" });

        Assert.Multiple(() =>
        {
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(call.GetProperty("id").GetInt64(), Is.Positive);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
        for (var i = 0; i < 100 && !App.Logs.Any(l => l.Contains("security events were not recorded", StringComparison.Ordinal)); i++)
            await Task.Delay(100);
        Assert.That(App.Logs, Has.Some.Contains("Could not store").And.Some.Contains("security events were not recorded"));
    }
}
