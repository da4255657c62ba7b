using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Dispatch.Benchmarks;

/// <summary>
/// A sign-in flood beside the measured ingest: made-up names and passwords at a fixed rate, each
/// attempt from its own address (X-Forwarded-For, believed only from a trusted proxy such as
/// loopback), on connections of its own so that it never takes the ingest's. At most 512 attempts
/// are in flight; one that finds no room is counted as not sent.
/// </summary>
internal sealed class SignInFlood
{
    private const int MaxInFlight = 512;
    private readonly ConcurrentDictionary<int, int> _answers = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private int _sent, _notSent, _failed;

    public async Task RunAsync(LoadOptions options, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = MaxInFlight, ConnectTimeout = TimeSpan.FromSeconds(5) };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
        using var gate = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        var random = new Random(12);
        var ticksPerAttempt = Stopwatch.Frequency / options.SignInFlood;
        var start = Stopwatch.GetTimestamp();
        var running = new List<Task>();
        for (long n = 0; !ct.IsCancellationRequested; n++)
        {
            var wait = start + (long)(n * ticksPerAttempt) - Stopwatch.GetTimestamp();
            if (wait * 1000 >= Stopwatch.Frequency)
            {
                try { await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct); }
                catch (OperationCanceledException) { break; }
            }
            if (!gate.Wait(0))
            {
                Interlocked.Increment(ref _notSent);
                continue;
            }
            var address = $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";
            var name = $"flood-{random.Next():x8}";
            running.Add(Task.Run(async () =>
            {
                try { await AttemptAsync(http, address, name); }
                finally { gate.Release(); }
            }, CancellationToken.None));
        }
        await Task.WhenAll(running);
    }

    private async Task AttemptAsync(HttpClient http, string address, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/login")
        {
            Content = new StringContent($$"""{"username":"{{name}}","password":"made-up-password-{{name}}"}""", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Forwarded-For", address);
        Interlocked.Increment(ref _sent);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            _answers.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
            _latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _failed);
        }
    }

    public string Describe()
    {
        var sorted = _latencies.Order().ToList();
        var answers = string.Join(", ", _answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"sign-in flood         {_sent} sent ({answers}; {_failed} failed, {_notSent} not sent: {MaxInFlight} in flight)   answer p50 {Percentiles.Of(sorted, 0.5):0.0} ms  p99 {Percentiles.Of(sorted, 0.99):0.0} ms");
    }
}
