using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Dispatch.Api.Tests.Faults;

/// <summary>
/// kill -9 of the API while a telephony client ingests at a steady rate. The client retries
/// whatever was not acknowledged, with the same externalId, until it is. After the restart every
/// acknowledged call is stored, each exactly once, with its log entry and its event.
/// </summary>
public sealed class CrashTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "psc119-crash", Guid.NewGuid().ToString("n")));

    [TearDown]
    public void RemoveFolder()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* cleaned with the temp folder */ }
    }

    [Test]
    public async Task Every_acknowledged_call_survives_a_kill_9_exactly_once()
    {
        var database = Path.Combine(_folder, "psc119.db");
        var settings = ApiProcess.SqliteSettings(database);
        var port = ApiProcess.FreePort();
        var api = await ApiProcess.StartAsync(settings, port);
        var client = new SteadyIngest(api.BaseAddress, "crash-", callsPerSecond: 200);
        var sending = client.RunAsync();

        await client.WaitForAcknowledgedAsync(150);            // well into a steady stream
        await api.KillAsync();
        var acknowledgedBeforeKill = client.Acknowledged.Keys.ToHashSet();
        await Task.Delay(500);                                  // the client keeps trying against nothing
        await using (api = await ApiProcess.StartAsync(settings, port))
        {
            await client.WaitForAcknowledgedAsync(acknowledgedBeforeKill.Count + 150);
            client.Stop();
            await sending;
            await client.RetryUntilAcknowledgedAsync();
            Assert.That(api.Output, Is.Not.Empty.And.None.Contains("1234567890"), "the process's own output holds no caller number");
        }

        using var db = new SqliteConnection($"Data Source={database}");
        var stored = db.Query<string>("SELECT external_id FROM calls WHERE external_id LIKE 'crash-%'").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(client.FailedAttempts, Is.GreaterThan(0), "the kill interrupted the stream");
            Assert.That(stored, Is.SupersetOf(acknowledgedBeforeKill), "nothing acknowledged before the crash was lost");
            Assert.That(stored, Is.Unique, "a retried call is stored once");
            Assert.That(stored, Is.EquivalentTo(client.Sent), "every call sent is stored once it was acknowledged");
            Assert.That(CallRows.WithoutLogEntry(db), Is.Zero);
            Assert.That(CallRows.WithoutEvent(db), Is.Zero);
        });
        TestContext.Out.WriteLine($"sent {client.Sent.Count}, acknowledged before the kill {acknowledgedBeforeKill.Count}, failed attempts {client.FailedAttempts}");
    }
}
