using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace Dispatch.Api.Tests.Infrastructure;

/// <summary>
/// A PBX-like client: one new call every few milliseconds, each unacknowledged one (refused, reset,
/// timed out, 5xx) retried with the same externalId until it is acknowledged.
/// </summary>
public sealed class SteadyIngest(Uri address, string prefix, int callsPerSecond)
{
    private readonly HttpClient _http = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };
    private readonly ConcurrentQueue<string> _retry = new();
    private volatile bool _stopped;
    private int _next;
    private int _failed;

    public ConcurrentDictionary<string, byte> Acknowledged { get; } = new();
    public ConcurrentBag<string> Sent { get; } = [];
    public int FailedAttempts => _failed;

    /// <summary>Every HTTP status answered, with how often; a 503 without Retry-After counts as -503.</summary>
    public ConcurrentDictionary<int, int> Statuses { get; } = new();

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
        var id = $"{prefix}{Interlocked.Increment(ref _next)}";
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
            var status = response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is null ? -503 : (int)response.StatusCode;
            Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK) { Acknowledged.TryAdd(id, 0); return; }
        }
        catch (HttpRequestException) { /* refused or reset: the process is down */ }
        catch (TaskCanceledException) { /* timed out */ }
        Interlocked.Increment(ref _failed);
        _retry.Enqueue(id);
    }
}
