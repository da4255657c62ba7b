using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Telemetry;

/// <summary>Who may read the scrape endpoint: the listed addresses without signing in, or a signed-in user of a listed role.</summary>
public sealed class MetricsReaderRequirement : IAuthorizationRequirement;

public sealed class MetricsReaderHandler(IOptions<TelemetryOptions> options) : AuthorizationHandler<MetricsReaderRequirement>
{
    private readonly IPNetwork[] _anonymous = options.Value.Prometheus.AllowAnonymousFrom.Select(n => MetricsAccess.Parse(n)!.Value).ToArray();
    private readonly IReadOnlyList<string> _roles = options.Value.Prometheus.EffectiveRoles;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MetricsReaderRequirement requirement)
    {
        var address = (context.Resource as HttpContext)?.Connection.RemoteIpAddress;
        if (address is not null && address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if ((address is not null && _anonymous.Any(n => n.Contains(address)))
            || (context.User.Identity?.IsAuthenticated == true && _roles.Any(context.User.IsInRole)))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public static class MetricsAccess
{
    public const string Policy = "metrics-reader";

    /// <summary>An address (one host) or a CIDR network; null when it is neither.</summary>
    public static IPNetwork? Parse(string entry)
    {
        if (IPAddress.TryParse(entry, out var address))
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return IPNetwork.TryParse(entry, out var network) ? network : null;
    }
}
