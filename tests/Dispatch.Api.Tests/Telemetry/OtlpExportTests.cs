using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Telemetry;

/// <summary>
/// With <c>Telemetry:Otlp:Endpoint</c> set, metrics and traces (a span per database statement)
/// reach the collector, and nothing sent holds a caller's number or externalId. The collector
/// here is a plain HTTP listener taking OTLP/HTTP posts; protobuf keeps strings as UTF-8 bytes,
/// so a number in any attribute would show in the body.
/// </summary>
[NonParallelizable] // Spans come from process-wide activity sources: other apps running at the same time would add theirs.
public sealed class OtlpExportTests
{
    [Test]
    public async Task Metrics_and_spans_reach_the_collector_without_personal_data()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        var receiving = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try { context = await collector.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        using var app = new TestApp(new()
        {
            ["Telemetry:Otlp:Endpoint"] = $"http://127.0.0.1:{port}",
            ["Telemetry:Otlp:Protocol"] = "http/protobuf",
            // Export every second instead of every minute (metrics) and five seconds (spans).
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
        }).Start();
        var api = new ApiClient(app);
        using var op = await api.AsAsync("operator1");
        const string number = "081277665544";
        var externalId = $"pbx-{Guid.NewGuid():n}";
        var call = await api.IngestAsync(externalId, number);
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{call.GetProperty("id").GetInt64()}/answer", null));

        bool Has(string path, string text) => received.Any(r => r.Path == path && Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        // Wait for everything asserted below: a statement's span ends before its request's span,
        // so the two may leave in different batches.
        bool AllArrived() => Has("/v1/traces", "CallStore.InsertNew") && Has("/v1/traces", "POST /api/calls")
            && Has("/v1/metrics", "psc119.calls.ingested") && Has("/v1/metrics", "psc119.calls.answer.duration");
        while (!AllArrived() && waited.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(200);

        Assert.Multiple(() =>
        {
            Assert.That(Has("/v1/traces", "CallStore.InsertNew"), Is.True, "a span per database statement");
            Assert.That(Has("/v1/traces", "POST /api/calls"), Is.True, "a span per request");
            Assert.That(Has("/v1/metrics", "psc119.calls.ingested"), Is.True);
            Assert.That(Has("/v1/metrics", "psc119.calls.answer.duration"), Is.True);
            foreach (var (path, body) in received)
            {
                var text = Encoding.UTF8.GetString(body);
                Assert.That(text, Does.Not.Contain(number[1..]), $"{path} carries the caller's number");
                Assert.That(text, Does.Not.Contain(externalId), $"{path} carries the externalId");
            }
        });
        collector.Stop();
        await receiving;
    }
}
