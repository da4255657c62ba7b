namespace Dispatch.Api.Tests.Deploy;

/// <summary>deploy/nginx/psc119.conf is a configuration nginx accepts (Debian's nginx, as on the servers).</summary>
public sealed class NginxConfigTests
{
    [Test]
    public async Task The_site_passes_nginx_t()
    {
        using var front = new NginxFront(appPort: 5119);
        var (code, output) = await front.TestConfigurationAsync();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Contain("test is successful"));
            Assert.That(output, Does.Not.Contain("[warn]"), "nginx warns about the site");
        });
    }

    [Test]
    public async Task A_broken_site_fails_nginx_t()
    {
        using var front = new NginxFront(appPort: 5119);
        var site = Path.Combine(Path.GetDirectoryName(front.ConfigPath)!, "psc119.conf");
        File.WriteAllText(site, File.ReadAllText(site).Replace("proxy_read_timeout 1h;", "proxy_read_timeout 1h", StringComparison.Ordinal));
        var (code, output) = await front.TestConfigurationAsync();
        Assert.That(code, Is.Not.Zero, output);
    }
}
