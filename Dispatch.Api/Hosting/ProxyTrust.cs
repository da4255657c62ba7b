using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Hosting;

/// <summary>
/// Configuration section "ForwardedHeaders": the reverse proxies (nginx) whose X-Forwarded-For,
/// -Proto and -Host headers the app believes. Loopback is always trusted, so nginx on the same
/// machine needs nothing here; a proxy elsewhere (or Docker's bridge) must be listed.
/// </summary>
public sealed class ProxyTrustOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>172.31.119.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

public static class ProxyTrust
{
    /// <summary>
    /// Behind nginx every connection comes from the proxy: without this the login throttle would
    /// key every client on the proxy's address and cookies would not know the request was HTTPS.
    /// Only the nearest hop is taken (ForwardLimit 1), so a client cannot choose its own address
    /// by sending X-Forwarded-For: nginx appends the address it saw, and that one is used.
    /// </summary>
    public static IServiceCollection AddProxyTrust(this IServiceCollection services)
    {
        services.AddOptions<ProxyTrustOptions>().BindConfiguration(ProxyTrustOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)),
                "ForwardedHeaders:KnownProxies holds an entry that is not an IP address.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "ForwardedHeaders:KnownNetworks holds an entry that is not a CIDR network such as 10.0.0.0/8.")
            .ValidateOnStart();
        // The framework's defaults already trust 127.0.0.0/8 and ::1; configured entries are added.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyTrustOptions>>((o, trust) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in trust.Value.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in trust.Value.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }
}
