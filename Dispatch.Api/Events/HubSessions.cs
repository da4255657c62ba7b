using System.Collections.Concurrent;
using Dispatch.Api.Auth;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Api.Events;

/// <summary>
/// This node's open hub connections and who opened them. The HTTP API refuses a session an
/// administrator ended at once (<see cref="SessionGuard"/>), but a WebSocket opened before stays
/// open until something closes it: <see cref="HubSessionSweeper"/> does.
/// </summary>
public sealed class HubSessions
{
    private readonly ConcurrentDictionary<string, (CurrentUser User, HubCallerContext Context)> _open = new(StringComparer.Ordinal);

    public void Opened(HubCallerContext context, CurrentUser user) => _open[context.ConnectionId] = (user, context);

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    /// <summary>The open connections grouped by the session's user, role and unit.</summary>
    public IEnumerable<IGrouping<CurrentUser, HubCallerContext>> ByUser() =>
        _open.Values.GroupBy(c => c.User, c => c.Context);

    /// <summary>How many connections are open on this node, per role (for the metrics).</summary>
    public Dictionary<string, long> CountByRole() =>
        _open.Values.GroupBy(c => c.User.Role, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
}

/// <summary>
/// Every <see cref="Every"/>, closes the hub connections of users who were disabled, or whose role
/// or unit changed, since they connected (a crew moved to another unit must stop hearing the old
/// unit's assignments). Accounts are read through <see cref="SessionGuard"/>'s short cache, so a
/// change made on this node takes effect at the next sweep and one made on another node within the
/// cache time after that. The client's reconnect is then refused (401) like any other request.
/// </summary>
public sealed partial class HubSessionSweeper(HubSessions sessions, SessionGuard guard, TimeProvider time, ILogger<HubSessionSweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A database fault: try again at the next tick; open connections stay as they are.
                LogSweepFailed(logger, error);
            }
        }
    }

    /// <summary>Closes the connections of sessions that are no longer valid; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var closed = 0;
        foreach (var session in sessions.ByUser().ToList())
        {
            if (await guard.IsCurrentAsync(session.Key, ct)) continue;
            foreach (var connection in session)
            {
                connection.Abort();
                closed++;
            }
        }
        if (closed > 0) LogClosed(logger, closed);
        return closed;
    }

    // No user name: logs carry no personal data.
    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} hub connections of sessions that are no longer valid")]
    private static partial void LogClosed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking open hub sessions failed; trying again at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception error);
}
