using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Dispatch.Api.Events;

/// <summary>
/// Configuration section "Redis": <c>Redis:Configuration</c> is a StackExchange.Redis connection
/// string (e.g. <c>redis1:6379,password=...</c>). Set, every API node publishes its pushes through
/// Redis and delivers the other nodes' pushes to its own connections; empty, one node as before.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    public string? Configuration { get; set; }
}

public static class Backplane
{
    /// <summary>The channel prefix, so that several systems may share one Redis.</summary>
    public const string ChannelPrefix = "psc119";

    public static ISignalRServerBuilder AddDispatchBackplane(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        signalR.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        var connection = configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Configuration)}"];
        if (string.IsNullOrWhiteSpace(connection)) return signalR;
        return signalR.AddStackExchangeRedis(connection, o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix);
            // Start, and keep reconnecting in the background, while Redis is away.
            o.Configuration.AbortOnConnectFail = false;
            // While Redis is away a push fails at once instead of holding the request that caused
            // it: the event is committed, and clients fetch it from /api/events?after=.
            o.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
        });
    }
}
