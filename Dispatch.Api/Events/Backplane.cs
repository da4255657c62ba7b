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

    /// <summary>Prefixes every channel, so that several PSC systems can share one Redis.</summary>
    public string ChannelPrefix { get; set; } = "psc119";
}

public static class Backplane
{
    public static ISignalRServerBuilder AddDispatchBackplane(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        signalR.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        // Read here, not through IOptions: whether there is a backplane decides what is registered.
        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        if (string.IsNullOrWhiteSpace(redis.Configuration)) return signalR;
        return signalR.AddStackExchangeRedis(redis.Configuration, o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal(redis.ChannelPrefix);
            // Start, and keep reconnecting in the background, while Redis is away.
            o.Configuration.AbortOnConnectFail = false;
            // While Redis is away a push fails at once instead of holding the request that caused
            // it: the event is committed, and clients fetch it from /api/events?after=.
            o.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
        });
    }
}
