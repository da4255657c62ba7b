using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Faults;

/// <summary>
/// The embedded database held by another writer (a backup tool, a stuck process): a short hold is
/// waited out and the call is stored; a hold longer than the retries gets 503 with Retry-After,
/// never a 201 for a call that was not stored, and the retried call is then stored exactly once.
/// </summary>
public sealed class DatabaseOutageTests : ApiTest
{
    // One attempt, so the long hold fails after SQLite's own 5 s busy wait instead of several.
    protected override Dictionary<string, string?> Settings => new() { ["Database:RetryAttempts"] = "0" };

    private async Task<HttpResponseMessage> PostCallAsync(string externalId)
    {
        using var client = Api.Telephony();
        return await client.PostAsJsonAsync("/api/calls", new { externalId, callerNumber = "081234567890", receivedAt = "2026-11-20T14:05:00+07:00", source = "line119" });
    }

    private long Stored(string externalId)
    {
        using var db = App.OpenDatabase();
        return db.ExecuteScalar<long>("SELECT COUNT(*) FROM calls WHERE external_id = @externalId", new { externalId });
    }

    [Test]
    public async Task A_short_hold_is_waited_out()
    {
        using var holder = App.OpenSqlite();
        using (var hold = holder.BeginTransaction(deferred: false))
        {
            holder.Execute("UPDATE units SET version = version WHERE 0 = 1", transaction: hold); // take the write lock
            var posting = PostCallAsync("outage-short");
            await Task.Delay(1000);
            Assert.That(posting.IsCompleted, Is.False, "the write waits for the lock");
            hold.Commit();
            Assert.That((await posting).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }
        Assert.That(Stored("outage-short"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_long_hold_gets_503_with_retry_after_and_the_retried_call_is_stored_once()
    {
        HttpResponseMessage refused;
        var watch = Stopwatch.StartNew();
        using (var holder = App.OpenSqlite())
        using (var hold = holder.BeginTransaction(deferred: false))
        {
            holder.Execute("UPDATE units SET version = version WHERE 0 = 1", transaction: hold);
            refused = await PostCallAsync("outage-long");
            hold.Rollback();
        }
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(Stored("outage-long"), Is.Zero, "nothing was written for the refused call");
        });
        TestContext.Out.WriteLine($"refused after {watch.Elapsed.TotalSeconds:0.0} s");

        Assert.That((await PostCallAsync("outage-long")).StatusCode, Is.EqualTo(HttpStatusCode.Created), "the caller's retry");
        Assert.That((await PostCallAsync("outage-long")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a retry of an acknowledged call is idempotent");
        Assert.That(Stored("outage-long"), Is.EqualTo(1));
    }
}
