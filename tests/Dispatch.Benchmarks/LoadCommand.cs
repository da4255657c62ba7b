using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dispatch.Benchmarks;

/// <summary>
/// Ingest -> push load against a running API. Offers POST /api/calls at a fixed rate (an open
/// schedule: a slow answer never delays the next send, only the in-flight bound can) while N hub
/// connections, all signed in with one operator's bearer token, listen for CallReceived. Latencies
/// are measured from the moment each POST is handed to HttpClient, on this machine's monotonic clock.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (options, error) = LoadOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync(Usage.Text);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            return await new LoadRun(options).ExecuteAsync(cancel.Token);
        }
        catch (LoadSetupException setup)
        {
            await Console.Error.WriteLineAsync($"load: {setup.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("load: cancelled.");
            return 130;
        }
    }
}

internal sealed class LoadSetupException(string message, Exception? inner = null) : Exception(message, inner);

internal sealed class LoadRun(LoadOptions options)
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly string _prefix = $"load-{Guid.NewGuid().ToString("N")[..8]}-";
    private readonly int _total = options.TotalCalls;

    // Per call, indexed by the number in its externalId. Timestamps are Stopwatch ticks; 0 = never.
    private long[] _due = [];
    private long[] _sent = [];
    private long[] _acked = [];
    private double[] _lat = [];
    private double[] _lon = [];
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private int _notStarted;
    private readonly SignInFlood _flood = new();

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        _due = new long[_total];
        _sent = new long[_total];
        _acked = new long[_total];
        _lat = new double[_total];
        _lon = new double[_total];
        var random = new Random(119); // the same places every run
        for (var n = 0; n < _total; n++)
        {
            var p = RecommendationBenchmarks.RandomPoint(random);
            (_lat[n], _lon[n]) = (Math.Round(p.Lat, 6), Math.Round(p.Lon, 6));
        }

        Console.WriteLine(Invariant($"load: {options.Url} operators={options.Operators} rate={options.Rate}/s seconds={options.Seconds} calls={_total} concurrency={options.Concurrency} drain={options.DrainSeconds}s run={_prefix.TrimEnd('-')}"));

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Concurrency,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = Timeout.InfiniteTimeSpan };

        await CheckHealthAsync(http, ct);
        var token = await LoginAsync(http, ct);
        var listeners = await ConnectAsync(token, ct);
        try
        {
            await ProbeAsync(http, listeners, ct);
            await WarmUpAsync(http, ct);
            await using var rss = options.ServerPid is { } pid ? new RssSampler(pid) : null;
            var (scheduleStart, scheduleEnd) = await OfferLoadAsync(http, listeners, ct);
            return Report(listeners, scheduleStart, scheduleEnd, rss);
        }
        finally
        {
            foreach (var l in listeners) l.Stopping = true;
            await Task.WhenAll(listeners.Select(l => StopQuietlyAsync(l.Connection)));
        }
    }

    private async Task CheckHealthAsync(HttpClient http, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await http.GetAsync(new Uri("health", UriKind.Relative), timeout.Token);
            if (!response.IsSuccessStatusCode) throw new LoadSetupException($"{options.Url}health answered {(int)response.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new LoadSetupException($"the API is not reachable at {options.Url} ({e.GetType().Name}: {e.Message}). Start it first.", e);
        }
    }

    private async Task<string> LoginAsync(HttpClient http, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SetupTimeout);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["username"] = options.User, ["password"] = options.Password });
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonType;
        using var response = await http.PostAsync(new Uri("api/auth/login", UriKind.Relative), content, timeout.Token);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new LoadSetupException($"sign-in as {options.User} answered {(int)response.StatusCode}.");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(timeout.Token));
        return json.RootElement.TryGetProperty("accessToken", out var t) && t.GetString() is { Length: > 0 } token
            ? token
            : throw new LoadSetupException("sign-in returned no accessToken (is the bearer scheme enabled?).");
    }

    private async Task<Listener[]> ConnectAsync(string token, CancellationToken ct)
    {
        var hub = new Uri(options.Url, "hubs/dispatch");
        var listeners = new Listener[options.Operators];
        for (var i = 0; i < listeners.Length; i++)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(hub, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .Build();
            var listener = new Listener(connection, _prefix, _total);
            connection.On<JsonElement>("CallReceived", listener.OnCallReceived);
            connection.Closed += _ =>
            {
                if (!listener.Stopping) Interlocked.Increment(ref listener.Drops);
                return Task.CompletedTask;
            };
            listeners[i] = listener;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SetupTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await Task.WhenAll(listeners.Select(l => l.Connection.StartAsync(timeout.Token)));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            await Task.WhenAll(listeners.Select(l => StopQuietlyAsync(l.Connection)));
            throw new LoadSetupException($"could not open {listeners.Length} hub connections ({e.GetType().Name}: {e.Message}).", e);
        }
        Console.WriteLine(Invariant($"connected {listeners.Length} hub connections as {options.User} in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms"));
        return listeners;
    }

    /// <summary>
    /// One call before the clock starts: warms both ends and proves every connection has joined the
    /// operators group (the server adds it to the group just after the handshake).
    /// </summary>
    private async Task ProbeAsync(HttpClient http, Listener[] listeners, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await PostCallAsync(http, _prefix + "probe", -0.78, 100.61, ct);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new LoadSetupException($"the probe call was answered {(int)response.StatusCode}, not 201 (wrong --key?).");
        try
        {
            await Task.WhenAll(listeners.Select(l => l.Probe.Task)).WaitAsync(ProbeTimeout, ct);
            Console.WriteLine(Invariant($"probe call pushed to all {listeners.Length} connections in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms; offering load"));
        }
        catch (TimeoutException)
        {
            Console.WriteLine(Invariant($"warning: probe reached {listeners.Count(l => l.Probe.Task.IsCompleted)}/{listeners.Length} connections within {ProbeTimeout.TotalSeconds:0} s; going on"));
        }
    }

    /// <summary>
    /// The same schedule for --warmup seconds before the measured run, not counted: the server's
    /// JIT, pools and thread pool (and this process's) reach their steady state first. Its calls
    /// carry other externalIds, which the listeners ignore.
    /// </summary>
    private async Task WarmUpAsync(HttpClient http, CancellationToken ct)
    {
        var count = (int)Math.Round(options.Rate * options.WarmupSeconds);
        if (count == 0) return;
        var acked = 0;
        using var gate = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        var (_, _, tasks) = await ScheduleAsync(count, n => Task.Run(async () =>
        {
            await gate.WaitAsync(ct);
            try
            {
                using var response = await PostCallAsync(http, Invariant($"{_prefix}warmup-{n}"), _lat[n % _total], _lon[n % _total], ct);
                if (response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref acked);
            }
            catch (HttpRequestException)
            {
                // Counted below as not acknowledged.
            }
            finally
            {
                gate.Release();
            }
        }, CancellationToken.None), (_, _) => { }, ct);
        try
        {
            await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(options.DrainSeconds), ct);
        }
        catch (TimeoutException)
        {
            Console.WriteLine(Invariant($"warning: {tasks.Count(t => !t.IsCompleted)} warm-up calls still unanswered after --drain; they overlap the measured run"));
        }
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // let the last pushes land
        Console.WriteLine(Invariant($"warm-up: {acked}/{count} calls acknowledged in {options.WarmupSeconds:0.#} s (not measured)"));
    }

    /// <summary>
    /// Starts <paramref name="count"/> sends at the configured rate on a fixed schedule, noting each
    /// due time; returns when the last one has started.
    /// </summary>
    private async Task<(long Start, long End, Task[] Tasks)> ScheduleAsync(int count, Func<int, Task> send, Action<int, long> due, CancellationToken ct)
    {
        var ticksPerCall = Stopwatch.Frequency / options.Rate;
        var tasks = new Task[count];
        var start = Stopwatch.GetTimestamp();
        for (var n = 0; n < count; n++)
        {
            var at = start + (long)(n * ticksPerCall);
            due(n, at);
            // Sleep to the due time when it is at least 1 ms away; calls that fell behind go at
            // once (catch-up), so the offered rate holds on average even with coarse timers.
            var wait = at - Stopwatch.GetTimestamp();
            if (wait * 1000 >= Stopwatch.Frequency)
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct);
            tasks[n] = send(n);
        }
        return (start, Stopwatch.GetTimestamp(), tasks);
    }

    private async Task<(long Start, long End)> OfferLoadAsync(HttpClient http, Listener[] listeners, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var gate = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        using var floodStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var flood = options.SignInFlood > 0 ? Task.Run(() => _flood.RunAsync(options, floodStop.Token), CancellationToken.None) : Task.CompletedTask;
        var (start, end, tasks) = await ScheduleAsync(_total,
            n => Task.Run(() => SendAsync(http, gate, n, stop.Token), CancellationToken.None), (n, at) => _due[n] = at, ct);
        await floodStop.CancelAsync(); // the flood runs while the schedule does
        await flood;

        // Drain: answers first, then pushes, all inside one deadline.
        var deadline = end + (long)(options.DrainSeconds * Stopwatch.Frequency);
        var all = Task.WhenAll(tasks);
        try
        {
            await all.WaitAsync(Remaining(deadline), ct);
        }
        catch (TimeoutException)
        {
            await stop.CancelAsync(); // what is still in flight counts as an error
            try { await all.WaitAsync(TimeSpan.FromSeconds(2), ct); } catch (TimeoutException) { /* reported as not answered */ }
        }

        var acked = _acked.Count(t => t != 0);
        while (listeners.Sum(l => Volatile.Read(ref l.ReceivedCount)) < (long)acked * listeners.Length && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(20, ct);
        return (start, end);
    }

    private async Task SendAsync(HttpClient http, SemaphoreSlim gate, int n, CancellationToken ct)
    {
        try
        {
            await gate.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _notStarted);
            return;
        }
        if (ct.IsCancellationRequested)
        {
            // A slot freed up just as the drain deadline passed: the call never goes out.
            gate.Release();
            Interlocked.Increment(ref _notStarted);
            return;
        }
        try
        {
            using var response = await PostCallAsync(http, _prefix + n.ToString(CultureInfo.InvariantCulture), _lat[n], _lon[n], ct, n);
            var at = Stopwatch.GetTimestamp();
            if (response.StatusCode == HttpStatusCode.Created) _acked[n] = at;
            else Fail($"HTTP {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Fail("no answer before the drain deadline");
        }
        catch (Exception e)
        {
            Fail(e.GetType().Name);
        }
        finally
        {
            gate.Release();
        }
    }

    private void Fail(string reason) => _failures.AddOrUpdate(reason, 1, (_, count) => count + 1);

    /// <summary>The telephony contract: { externalId, callerNumber, receivedAt, source, location }.</summary>
    private async Task<HttpResponseMessage> PostCallAsync(HttpClient http, string externalId, double lat, double lon, CancellationToken ct, int n = -1)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("externalId", externalId);
            json.WriteString("callerNumber", Invariant($"0812{(n < 0 ? 0 : n) % 100_000_000:D8}"));
            json.WriteString("receivedAt", TimeProvider.System.GetUtcNow().ToOffset(Wib).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            json.WriteString("source", "line119");
            json.WriteStartObject("location");
            json.WriteNumber("lat", lat);
            json.WriteNumber("lon", lon);
            json.WriteNumber("accuracyMeters", 25);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/calls", UriKind.Relative));
        request.Headers.Add("X-Api-Key", options.Key);
        request.Content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        request.Content.Headers.ContentType = JsonType;
        if (n >= 0) _sent[n] = Stopwatch.GetTimestamp();
        return await http.SendAsync(request, ct);
    }

    private int Report(Listener[] listeners, long scheduleStart, long scheduleEnd, RssSampler? rss)
    {
        var sent = _sent.Count(t => t != 0);
        var acked = _acked.Count(t => t != 0);
        var errors = sent - acked;

        var ack = new List<double>(acked);
        long firstSent = long.MaxValue, lastAck = long.MinValue;
        for (var n = 0; n < _total; n++)
        {
            if (_sent[n] != 0) firstSent = Math.Min(firstSent, _sent[n]);
            if (_acked[n] == 0) continue;
            ack.Add(Ms(_acked[n] - _sent[n]));
            lastAck = Math.Max(lastAck, _acked[n]);
        }
        ack.Sort();
        var elapsed = acked > 0 ? (double)(lastAck - firstSent) / Stopwatch.Frequency : (double)(scheduleEnd - scheduleStart) / Stopwatch.Frequency;

        var push = new List<double>(acked * listeners.Length);
        var strays = 0; // pushes for calls whose POST did not get a 201 (e.g. answered after the deadline)
        foreach (var l in listeners)
        {
            for (var n = 0; n < _total; n++)
            {
                var at = Volatile.Read(ref l.Received[n]);
                if (at == 0) continue;
                if (_acked[n] == 0) strays++;
                else push.Add(Ms(at - _sent[n]));
            }
        }
        push.Sort();
        var expected = (long)acked * listeners.Length;
        var missing = expected - push.Count;

        var lag = new List<double>(sent);
        for (var n = 0; n < _total; n++)
            if (_sent[n] != 0) lag.Add(Math.Max(0, Ms(_sent[n] - _due[n])));
        lag.Sort();
        // What actually went out while the schedule ran (calls held back by --concurrency go later).
        var offered = _sent.Count(t => t != 0 && t <= scheduleEnd) / Math.Max((double)(scheduleEnd - scheduleStart) / Stopwatch.Frequency, 1e-9);

        Console.WriteLine();
        Console.WriteLine(Invariant($"calls sent            {sent}   (sent at {offered:0.0}/s while the schedule ran; start lag behind schedule p99 {Percentiles.Of(lag, 0.99):0.0} ms, max {Max(lag):0.0} ms)"));
        if (_notStarted > 0) Console.WriteLine(Invariant($"not sent              {_notStarted}   (still waiting for a free slot at the drain deadline)"));
        Console.WriteLine(Invariant($"acknowledged (201)    {acked}"));
        Console.WriteLine(Invariant($"errors                {errors}{(errors > 0 ? "   (" + string.Join(", ", _failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key}: {f.Value}")) + ")" : "")}"));
        Console.WriteLine(Invariant($"elapsed               {elapsed:0.00} s   (first POST sent -> last 201 received)"));
        Console.WriteLine(Invariant($"sustained             {acked / elapsed:0.0} calls/s   (acknowledged / elapsed; target {options.Rate}/s)"));
        Console.WriteLine(Invariant($"ack latency           p50 {Percentiles.Of(ack, 0.5):0.0} ms   p99 {Percentiles.Of(ack, 0.99):0.0} ms   max {Max(ack):0.0} ms   (POST sent -> 201)"));
        Console.WriteLine(Invariant($"push latency          p50 {Percentiles.Of(push, 0.5):0.0} ms   p99 {Percentiles.Of(push, 0.99):0.0} ms   max {Max(push):0.0} ms   (POST sent -> CallReceived, {push.Count} receipts on {listeners.Length} connections)"));
        Console.WriteLine(Invariant($"slowest seconds       {SlowestSeconds(options.Rate)}   (second of the run: acks over 50 ms, max ack; tells a stall from a spread)"));
        Console.WriteLine(Invariant($"missing pushes        {missing}   (expected {expected} = {listeners.Length} x {acked}, received {push.Count})"));
        var duplicates = listeners.Sum(l => l.Duplicates);
        var drops = listeners.Sum(l => l.Drops);
        if (strays > 0 || duplicates > 0 || drops > 0)
            Console.WriteLine(Invariant($"also                  {strays} pushes for calls without a 201, {duplicates} duplicate pushes, {drops} connections dropped"));
        var memory = rss is null ? "" : Invariant($"; server RSS peak {rss.PeakMb:0} MB during the run, {rss.LastMb:0} MB at the end, lifetime peak {rss.LifetimePeakMb:0} MB; server CPU {rss.CpuSecondsUsed * 1000 / Math.Max(acked, 1):0.00} ms per call");
        if (options.SignInFlood > 0) Console.WriteLine(_flood.Describe());
        if (rss is not null) Console.WriteLine(Invariant($"server memory         RSS peak {rss.PeakMb:0} MB during the run, {rss.LastMb:0} MB at the end, lifetime peak (VmHWM) {rss.LifetimePeakMb:0} MB   (--pid {options.ServerPid})"));
        Console.WriteLine();
        var ok = errors == 0 && missing == 0 && _notStarted == 0;
        Console.WriteLine(Invariant(
            $"SUMMARY load {(ok ? "OK" : "FAILED")}: {acked}/{sent} calls acknowledged, {errors} errors, {acked / elapsed:0.0} calls/s sustained (target {options.Rate}); ack p50/p99/max {Percentiles.Of(ack, 0.5):0.0}/{Percentiles.Of(ack, 0.99):0.0}/{Max(ack):0.0} ms; push p50/p99/max {Percentiles.Of(push, 0.5):0.0}/{Percentiles.Of(push, 0.99):0.0}/{Max(push):0.0} ms to {listeners.Length} operators; {missing} pushes missing{memory}"));
        return ok ? 0 : 1;
    }

    private string SlowestSeconds(double rate)
    {
        var seconds = Enumerable.Range(0, _total).Where(n => _acked[n] != 0)
            .GroupBy(n => (int)(n / Math.Max(rate, 1)))
            .Select(g => (Second: g.Key, Slow: g.Count(n => Ms(_acked[n] - _sent[n]) > 50), Max: g.Max(n => Ms(_acked[n] - _sent[n]))))
            .OrderByDescending(s => s.Max).Take(3);
        return string.Join(", ", seconds.Select(s => Invariant($"s{s.Second}: {s.Slow} over 50 ms, max {s.Max:0} ms")));
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Max(List<double> sorted) => sorted.Count == 0 ? double.NaN : sorted[^1];

    private static TimeSpan Remaining(long deadline) =>
        TimeSpan.FromSeconds(Math.Max(0, (double)(deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static async Task StopQuietlyAsync(HubConnection connection)
    {
        try
        {
            await connection.StopAsync().WaitAsync(StopTimeout);
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException or InvalidOperationException or OperationCanceledException)
        {
            // Shutting down anyway.
        }
        await connection.DisposeAsync();
    }

    /// <summary>One operator's hub connection and when it saw each load call's CallReceived.</summary>
    private sealed class Listener(HubConnection connection, string prefix, int total)
    {
        public HubConnection Connection { get; } = connection;
        public readonly long[] Received = new long[total];
        public int ReceivedCount;
        public int Duplicates;
        public int Drops;
        public volatile bool Stopping;
        public readonly TaskCompletionSource Probe = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The envelope is { seq, type, at, data } with data the call view, which carries externalId.</summary>
        public void OnCallReceived(JsonElement envelope)
        {
            var at = Stopwatch.GetTimestamp();
            if (envelope.ValueKind != JsonValueKind.Object
                || !envelope.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("externalId", out var id) || id.GetString() is not { } externalId
                || !externalId.StartsWith(prefix, StringComparison.Ordinal))
                return; // not one of this run's calls
            var suffix = externalId.AsSpan(prefix.Length);
            if (suffix.SequenceEqual("probe"))
            {
                Probe.TrySetResult();
                return;
            }
            if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || (uint)n >= (uint)Received.Length) return;
            if (Interlocked.CompareExchange(ref Received[n], at, 0) == 0) Interlocked.Increment(ref ReceivedCount);
            else Interlocked.Increment(ref Duplicates);
        }
    }
}
