using System.Net;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using Npgsql;

namespace Dispatch.Api.Tests.Faults;

/// <summary>
/// The PostgreSQL server stopped under a steady ingest, with a real API process in front of it.
/// A few seconds' outage is absorbed by the retry pipeline (callers only wait); a longer one
/// gets 503 with Retry-After and /health says so while it lasts; never a 201 for a call that was
/// not stored; after recovery every call the client retried is stored exactly once.
/// </summary>
[NonParallelizable] // Stops and restarts a database server against the retry pipeline's few seconds: other work on the cores would stretch the restart.
public sealed class PostgresOutageTests
{
    [Test]
    public async Task Short_outages_are_absorbed_and_long_ones_refused_honestly_then_every_call_is_stored_once()
    {
        await using var database = await PostgresCluster.StartOrIgnoreAsync();
        await using var api = await ApiProcess.StartAsync(ApiProcess.DemoSettings("postgres", database.ConnectionString));
        using var health = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var client = new SteadyIngest(api.BaseAddress, "outage-", callsPerSecond: 50);
        var sending = client.RunAsync();
        await client.WaitForAcknowledgedAsync(50);

        // A short outage: 2 s down, within the pipeline's ~5 s of retries.
        await database.StopAsync();
        await Task.Delay(2000);
        await database.StartAgainAsync();
        await client.WaitForAcknowledgedAsync(client.Sent.Count);
        var afterShort = client.Statuses.ToDictionary();

        // A long outage: 12 s down.
        await database.StopAsync();
        await Task.Delay(7000);
        var duringOutage = await health.GetAsync("/health");
        var report = JsonDocument.Parse(await duringOutage.Content.ReadAsStringAsync()).RootElement;
        await Task.Delay(5000);
        await database.StartAgainAsync();
        var afterRestart = await health.GetAsync("/health");

        client.Stop();
        await sending;
        await client.RetryUntilAcknowledgedAsync();

        await using var db = new NpgsqlConnection(database.ConnectionString);
        await db.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT external_id FROM calls WHERE external_id LIKE 'outage-%'", db);
        var stored = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored.Add(reader.GetString(0));

        TestContext.Out.WriteLine($"sent {client.Sent.Count}; answers {string.Join(", ", client.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}");
        Assert.Multiple(() =>
        {
            Assert.That(afterShort.Keys, Is.SubsetOf(new[] { 200, 201 }), "the short outage was absorbed: no caller saw an error");
            Assert.That(client.Statuses.Keys, Is.SubsetOf(new[] { 200, 201, 503 }), "only 503 with Retry-After during the long outage; never a 500, never a 503 without Retry-After");
            Assert.That(client.Statuses.GetValueOrDefault(503), Is.GreaterThan(0), "the long outage was reported to callers");
            Assert.That(duringOutage.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("unhealthy"), "anonymous /health says only up or down");
            Assert.That(afterRestart.StatusCode, Is.EqualTo(HttpStatusCode.OK), "/health recovers with the database");
            Assert.That(stored, Is.Unique, "a retried call is stored once");
            Assert.That(stored, Is.EquivalentTo(client.Sent), "every call sent is stored, each once");
        });
    }
}
