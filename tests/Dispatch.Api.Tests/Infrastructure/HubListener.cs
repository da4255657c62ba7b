using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dispatch.Api.Tests.Infrastructure;

/// <summary>
/// A real SignalR client connected to /hubs/dispatch, recording every event it receives once (by
/// sequence number). Like the console it reads the feed once connected: the server joins the
/// connection to its groups just after the handshake, so a push in that instant would otherwise be
/// missed by a test that sends right after connecting.
/// </summary>
public sealed class HubListener : IAsyncDisposable
{
    public static readonly string[] EventTypes =
        ["CallReceived", "CallUpdated", "IncidentChanged", "UnitChanged", "AssignmentOffered", "AssignmentCancelled", "AssignmentChanged", "NoteAdded",
            "AvailabilityChanged", "PreNotification", "PreNotificationEnded", "PatientChanged"];

    private readonly ConcurrentQueue<Pushed> _received = new();
    private readonly ConcurrentDictionary<long, bool> _seen = new();
    private readonly SemaphoreSlim _signal = new(0);

    private HubListener(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public IReadOnlyList<Pushed> Received => _received.ToList();

    /// <param name="configure">Further connection options, e.g. a transport or TLS trust (the nginx tests; no feed read then).</param>
    public static async Task<HubListener> ConnectAsync(Uri baseAddress, string token, Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions>? configure = null)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var readFeed = configure is null;
        var last = readFeed ? (await ReadJsonAsync(http, "/api/events/last")).GetProperty("seq").GetInt64() : 0;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/dispatch"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                configure?.Invoke(o);
            })
            .Build();
        var listener = new HubListener(connection) { _feed = readFeed ? (baseAddress, token) : null, _floor = last };
        foreach (var type in EventTypes)
            connection.On<Pushed>(type, listener.Add);
        await connection.StartAsync();
        if (readFeed)
            foreach (var e in JsonSerializer.Deserialize<Pushed[]>(await ReadJsonAsync(http, $"/api/events?after={last}"), Web)!) listener.Add(e);
        return listener;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // Where to catch up from, as the console does: the hub joins the connection's groups only after
    // its handshake, so a push in that instant (a slow session check on a loaded machine) is missed.
    private (Uri BaseAddress, string Token)? _feed;
    private long _floor; // the feed's last seq when this listener connected: nothing older is read

    private async Task CatchUpAsync()
    {
        if (_feed is not { } feed) return;
        using var http = new HttpClient { BaseAddress = feed.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", feed.Token);
        var after = _seen.IsEmpty ? _floor : Math.Max(_floor, _seen.Keys.Max());
        try
        {
            foreach (var e in JsonSerializer.Deserialize<Pushed[]>(await ReadJsonAsync(http, $"/api/events?after={after}"), Web)!) Add(e);
        }
        catch (HttpRequestException)
        {
            // The session may have been ended on purpose (a test of that): the pushes alone count then.
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode(); // a refused token throws with its status code, like the hub's negotiation
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private void Add(Pushed e)
    {
        if (!_seen.TryAdd(e.Seq, true)) return; // pushed and read from the feed: once
        _received.Enqueue(e);
        _signal.Release();
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
            // Every second without a match, the feed is read as the console reads it after a gap.
            if (!await _signal.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1))) await CatchUpAsync();
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
