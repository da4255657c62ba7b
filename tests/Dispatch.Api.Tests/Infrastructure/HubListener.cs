using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dispatch.Api.Tests.Infrastructure;

/// <summary>A real SignalR client connected to /hubs/dispatch, recording every event it receives.</summary>
public sealed class HubListener : IAsyncDisposable
{
    public static readonly string[] EventTypes =
        ["CallReceived", "CallUpdated", "IncidentChanged", "UnitChanged", "AssignmentOffered", "AssignmentCancelled"];

    private readonly ConcurrentQueue<Pushed> _received = new();
    private readonly SemaphoreSlim _signal = new(0);

    private HubListener(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public IReadOnlyList<Pushed> Received => _received.ToList();

    /// <param name="configure">Further connection options, e.g. a transport or TLS trust (the nginx tests).</param>
    public static async Task<HubListener> ConnectAsync(Uri baseAddress, string token, Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions>? configure = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/dispatch"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                configure?.Invoke(o);
            })
            .Build();
        var listener = new HubListener(connection);
        foreach (var type in EventTypes)
            connection.On<Pushed>(type, e => { listener._received.Enqueue(e); listener._signal.Release(); });
        await connection.StartAsync();
        return listener;
    }

    /// <summary>Waits until an event matching <paramref name="match"/> has arrived; fails the test after the timeout.</summary>
    public async Task<Pushed> WaitForAsync(Func<Pushed, bool> match, TimeSpan? timeout = null)
    {
        var deadline = TimeProvider.System.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            if (_received.FirstOrDefault(match) is { } hit) return hit;
            var left = deadline - TimeProvider.System.GetUtcNow();
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No matching event within the timeout; received: {string.Join(", ", _received.Select(r => r.Type))}");
            await _signal.WaitAsync(left);
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
