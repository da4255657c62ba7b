using System.Net;
using Dispatch.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Tests.Deploy;

/// <summary>Which proxies the app believes (ForwardedHeaders:KnownProxies / KnownNetworks). nginx itself: NginxProxyTests.</summary>
public sealed class ProxyTrustTests
{
    private static ForwardedHeadersOptions Options(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddProxyTrust();
        return services.BuildServiceProvider().GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }

    [Test]
    public void By_default_only_loopback_is_trusted_and_only_the_nearest_hop_is_read()
    {
        var options = Options([]);
        Assert.Multiple(() =>
        {
            Assert.That(options.ForwardedHeaders, Is.EqualTo(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost));
            Assert.That(options.KnownProxies, Is.EquivalentTo(new[] { IPAddress.IPv6Loopback }));
            Assert.That(options.KnownIPNetworks.Select(n => n.ToString()), Is.EquivalentTo(new[] { "127.0.0.0/8" }));
            Assert.That(options.ForwardLimit, Is.EqualTo(1));
        });
    }

    [Test]
    public void Configured_proxies_and_networks_are_added()
    {
        var options = Options(new()
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["ForwardedHeaders:KnownNetworks:0"] = "172.31.119.0/24",
        });
        Assert.Multiple(() =>
        {
            Assert.That(options.KnownProxies, Does.Contain(IPAddress.Parse("10.0.0.5")));
            Assert.That(options.KnownIPNetworks.Select(n => n.ToString()), Is.EquivalentTo(new[] { "127.0.0.0/8", "172.31.119.0/24" }));
        });
    }

    [TestCase("ForwardedHeaders:KnownProxies:0", "nginx.local", "KnownProxies")]
    [TestCase("ForwardedHeaders:KnownNetworks:0", "10.0.0.0", "KnownNetworks")]
    public void A_malformed_entry_is_refused_naming_the_setting(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new() { [key] = value }));
        Assert.That(error!.Message, Does.Contain(named));
    }
}
