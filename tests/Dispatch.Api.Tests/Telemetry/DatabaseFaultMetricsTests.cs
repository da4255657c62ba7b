using System.Net;
using System.Net.Http.Json;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Telemetry;

/// <summary>
/// The database fault counters move with real faults: the SQLite writer held by another process
/// makes ingest retry once and then answer 503, and both show on the scrape endpoint.
/// </summary>
[NonParallelizable] // Counts read from /metrics are process-wide: other apps running at the same time would add to them.
public sealed class DatabaseFaultMetricsTests : ApiTest
{
    // One retry: the hold outlasts SQLite's 5 s busy wait twice, so the answer is a 503.
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Database:RetryAttempts"] = "1",
        ["Telemetry:Prometheus:Enabled"] = "true",
        ["Telemetry:Prometheus:AllowAnonymousFrom:0"] = "127.0.0.1",
    };

    private async Task<Scrape> ScrapeAsync()
    {
        using var client = Api.Anonymous();
        return new Scrape(await client.GetStringAsync("/metrics"));
    }

    [Test]
    public async Task A_retry_and_a_503_are_counted()
    {
        var before = await ScrapeAsync();
        Assert.That(before.Has("psc119_db_retries_total", ("db", "sqlite")), Is.True, "the series exists at 0 before any fault");

        HttpResponseMessage refused;
        using (var holder = App.OpenSqlite())
        using (var hold = holder.BeginTransaction(deferred: false))
        {
            holder.Execute("UPDATE units SET version = version WHERE 0 = 1", transaction: hold); // take the write lock
            using var telephony = Api.Telephony();
            refused = await telephony.PostAsJsonAsync("/api/calls", new { externalId = "metrics-outage", callerNumber = "081234567890", receivedAt = "2026-11-20T14:05:00+07:00" });
            hold.Rollback();
        }
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));

        var after = await ScrapeAsync();
        Assert.Multiple(() =>
        {
            Assert.That(after.Value("psc119_db_retries_total", ("db", "sqlite")), Is.EqualTo(before.Value("psc119_db_retries_total", ("db", "sqlite")) + 1));
            Assert.That(after.Value("psc119_db_unavailable_total", ("db", "sqlite")), Is.EqualTo(before.Value("psc119_db_unavailable_total", ("db", "sqlite")) + 1));
        });
    }
}
