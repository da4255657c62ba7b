using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Dispatch.Benchmarks;

/// <summary>
/// The floor under the load test: a bare WebSocket echo between two processes on this machine
/// (Kestrel, no SignalR, no database) at the same message rate and number of connections. The
/// ratio of the load test's push latency to this round trip is what the system itself adds.
/// `echo` starts `echo-server` as a child process, then offers messages on a fixed schedule.
/// </summary>
internal static class EchoCommand
{
    public static async Task<int> ServeAsync(string[] args)
    {
        var port = int.Parse(Option(args, "--port") ?? "0", CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/echo", async (HttpContext http) =>
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[64];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    break;
                }
                await socket.SendAsync(buffer.AsMemory(0, received.Count), WebSocketMessageType.Binary, true, CancellationToken.None);
            }
        });
        await app.RunAsync();
        return 0;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var connections = int.Parse(Option(args, "--connections") ?? "50", CultureInfo.InvariantCulture);
        var rate = double.Parse(Option(args, "--rate") ?? "500", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Option(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        var total = (int)(rate * seconds);
        var port = FreePort();
        using var server = StartServer(port);
        try
        {
            var sockets = await ConnectAsync(port, connections);
            var sent = new long[total];
            var back = new long[total];
            var receivers = sockets.Select(s => ReceiveAsync(s, back)).ToArray();
            var watch = Stopwatch.StartNew();
            for (var n = 0; n < total; n++)
            {
                var due = TimeSpan.FromSeconds(n / rate);
                if (due > watch.Elapsed) await Task.Delay(due - watch.Elapsed);
                var payload = new byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(payload, n);
                sent[n] = Stopwatch.GetTimestamp();
                await sockets[n % connections].SendAsync(payload, WebSocketMessageType.Binary, true, CancellationToken.None);
            }
            await Task.Delay(2000);
            foreach (var s in sockets) await s.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            await Task.WhenAll(receivers).WaitAsync(TimeSpan.FromSeconds(10));

            var rtt = Enumerable.Range(0, total).Where(n => back[n] != 0).Select(n => (back[n] - sent[n]) * 1000.0 / Stopwatch.Frequency).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"SUMMARY echo: {rtt.Count}/{total} messages echoed over {connections} WebSocket connections at {rate}/s; round trip p50/p99/max {Percentiles.Of(rtt, 0.5):0.00}/{Percentiles.Of(rtt, 0.99):0.00}/{(rtt.Count == 0 ? double.NaN : rtt[^1]):0.00} ms; {total - rtt.Count} missing"));
            return rtt.Count == total ? 0 : 1;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    private static Process StartServer(int port)
    {
        // The same program, as `echo-server`: under `dotnet run` the process is the app host.
        var self = Environment.ProcessPath!;
        var start = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ProcessStartInfo(self, [typeof(EchoCommand).Assembly.Location, "echo-server", "--port", port.ToString(CultureInfo.InvariantCulture)])
            : new ProcessStartInfo(self, ["echo-server", "--port", port.ToString(CultureInfo.InvariantCulture)]);
        start.RedirectStandardOutput = true;
        return Process.Start(start)!;
    }

    private static async Task<ClientWebSocket[]> ConnectAsync(int port, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var sockets = new ClientWebSocket[count];
                for (var i = 0; i < count; i++)
                {
                    sockets[i] = new ClientWebSocket();
                    await sockets[i].ConnectAsync(new Uri($"ws://127.0.0.1:{port}/echo"), CancellationToken.None);
                }
                return sockets;
            }
            catch (WebSocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(200); // the server is still starting
            }
        }
    }

    private static async Task ReceiveAsync(ClientWebSocket socket, long[] back)
    {
        var buffer = new byte[64];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close) return;
            var n = BinaryPrimitives.ReadInt32LittleEndian(buffer);
            back[n] = Stopwatch.GetTimestamp();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
