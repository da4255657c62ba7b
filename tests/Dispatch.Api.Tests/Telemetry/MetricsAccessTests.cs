using System.Net;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Telemetry;

/// <summary>Who may read the scrape endpoint: nobody unless enabled, then the listed addresses and roles only.</summary>
public sealed class MetricsAccessTests
{
    private static async Task<HttpStatusCode> GetAsync(TestApp app, string? user, string path = "/metrics")
    {
        var api = new ApiClient(app);
        using var client = user is null ? api.Anonymous() : await api.AsAsync(user);
        return (await client.GetAsync(path)).StatusCode;
    }

    [Test]
    public async Task The_endpoint_is_off_by_default()
    {
        using var app = new TestApp().Start();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await GetAsync(app, "admin"), Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await GetAsync(app, null), Is.Not.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Enabled_it_answers_the_roles_configured_and_refuses_everyone_else()
    {
        using var app = new TestApp(new() { ["Telemetry:Prometheus:Enabled"] = "true" }).Start();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await GetAsync(app, null), Is.EqualTo(HttpStatusCode.Unauthorized), "anonymous, loopback not listed");
            Assert.That(await GetAsync(app, "operator1"), Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await GetAsync(app, "dinkes1"), Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await GetAsync(app, "crew1"), Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await GetAsync(app, "admin"), Is.EqualTo(HttpStatusCode.OK), "admin is the default role");
        });
    }

    [Test]
    public async Task An_address_outside_the_allowed_networks_must_sign_in()
    {
        using var app = new TestApp(new()
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:AllowAnonymousFrom:0"] = "10.0.0.0/8",
            ["Telemetry:Prometheus:AllowAnonymousFrom:1"] = "192.168.1.7",
        }).Start();
        Assert.That(await GetAsync(app, null), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_path_and_the_roles_are_configurable()
    {
        using var app = new TestApp(new()
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:Path"] = "/internal/metrics",
            ["Telemetry:Prometheus:Roles:0"] = "healthoffice",
        }).Start();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await GetAsync(app, "dinkes1", "/internal/metrics"), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await GetAsync(app, "admin", "/internal/metrics"), Is.EqualTo(HttpStatusCode.Forbidden), "the list replaces the default");
            // (An unmapped path is admin-only by the fallback policy: an admin sees that it is gone.)
            Assert.That(await GetAsync(app, "admin", "/metrics"), Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public void A_malformed_address_refuses_to_start()
    {
        using var app = new TestApp(new()
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:AllowAnonymousFrom:0"] = "the-prometheus-box",
        });
        Assert.That(() => app.Start(), Throws.Exception.With.Message.Contains("AllowAnonymousFrom")
            .Or.InnerException.With.Message.Contains("AllowAnonymousFrom"));
    }
}
