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
        var client = new SteadyIngest(api.BaseAddress, callsPerSecond: 200);
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
            Assert.That(db.ExecuteScalar<long>("SELECT COUNT(*) FROM calls c WHERE NOT EXISTS (SELECT 1 FROM incident_log l WHERE l.call_id = c.id AND l.action = 'call.received')"), Is.Zero);
            Assert.That(db.ExecuteScalar<long>("SELECT COUNT(*) FROM calls") - db.ExecuteScalar<long>("SELECT COUNT(*) FROM events WHERE type = 'CallReceived'"), Is.Zero);
        });
        TestContext.Out.WriteLine($"sent {client.Sent.Count}, acknowledged before the kill {acknowledgedBeforeKill.Count}, failed attempts {client.FailedAttempts}");
    }

    /// <summary>A PBX-like client: one new call every few milliseconds, unacknowledged ones retried.</summary>
    private sealed class SteadyIngest(Uri address, int callsPerSecond)
    {
        private readonly HttpClient _http = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        private readonly ConcurrentQueue<string> _retry = new();
        private volatile bool _stopped;
        private int _next;
        private int _failed;

        public ConcurrentDictionary<string, byte> Acknowledged { get; } = new();
        public ConcurrentBag<string> Sent { get; } = [];
        public int FailedAttempts => _failed;

        public void Stop() => _stopped = true;

        public async Task RunAsync()
        {
            var interval = TimeSpan.FromSeconds(1.0 / callsPerSecond);
            using var timer = new PeriodicTimer(interval);
            var inFlight = new List<Task>();
            while (!_stopped && await timer.WaitForNextTickAsync())
            {
                var id = _retry.TryDequeue(out var again) ? again : New();
                inFlight.Add(SendAsync(id));
                inFlight.RemoveAll(t => t.IsCompleted);
            }
            await Task.WhenAll(inFlight);
        }

        public async Task RetryUntilAcknowledgedAsync()
        {
            for (var round = 0; round < 100 && !_retry.IsEmpty; round++)
                while (_retry.TryDequeue(out var id)) await SendAsync(id);
            Assert.That(_retry, Is.Empty, "every call was acknowledged in the end");
        }

        public async Task WaitForAcknowledgedAsync(int count)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (Acknowledged.Count < count && watch.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);
            Assert.That(Acknowledged, Has.Count.GreaterThanOrEqualTo(count), "calls are being acknowledged");
        }

        private string New()
        {
            var id = $"crash-{Interlocked.Increment(ref _next)}";
            Sent.Add(id);
            return id;
        }

        private async Task SendAsync(string id)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/calls")
                {
                    Content = JsonContent.Create(new { externalId = id, callerNumber = "081234567890", receivedAt = "2026-11-20T14:05:00+07:00", source = "line119" }),
                };
                request.Headers.Add("X-Api-Key", TestApp.TelephonyKey);
                using var response = await _http.SendAsync(request);
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK) { Acknowledged.TryAdd(id, 0); return; }
            }
            catch (HttpRequestException) { /* refused or reset: the process is down */ }
            catch (TaskCanceledException) { /* timed out */ }
            Interlocked.Increment(ref _failed);
            _retry.Enqueue(id);
        }
    }
}
