using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Health;

[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class HealthAndOpenApiTests(string database) : ApiTest(database)
{
    [Test]
    public async Task Anonymous_health_says_up_and_nothing_more()
    {
        using var client = Api.Anonymous();
        var health = await ApiClient.OkJsonAsync(await client.GetAsync("/health"));
        Assert.That(health.EnumerateObject().Select(p => $"{p.Name}={p.Value}"), Is.EqualTo(new[] { "status=healthy" }));
    }

    [Test]
    public async Task Health_details_report_the_database_roads_and_version_to_an_administrator_only()
    {
        using var admin = await Api.AsAsync("admin");
        var health = await ApiClient.OkJsonAsync(await admin.GetAsync("/health/details"));
        Assert.Multiple(() =>
        {
            Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("healthy"));
            Assert.That(health.GetProperty("database").GetProperty("provider").GetString(), Is.EqualTo(Database));
            Assert.That(health.GetProperty("database").GetProperty("ok").GetBoolean(), Is.True);
            Assert.That(health.GetProperty("roads").GetProperty("mode").GetString(), Is.EqualTo("straightLine"));
            Assert.That(health.GetProperty("version").GetString(), Is.Not.Empty);
        });
        using var op = await Api.AsAsync("operator1");
        using var anonymous = Api.Anonymous();
        Assert.That((int)(await op.GetAsync("/health/details")).StatusCode, Is.EqualTo(403));
        Assert.That((int)(await anonymous.GetAsync("/health/details")).StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task The_OpenAPI_document_describes_the_contract_routes()
    {
        using var client = Api.Anonymous();
        var doc = await ApiClient.OkJsonAsync(await client.GetAsync("/openapi/v1.json"));
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/api/calls", "/api/auth/login", "/api/events", "/api/incidents/{id}/assign", "/api/units/{unitId}/status", "/health",
        }));
        var ingest = doc.GetProperty("paths").GetProperty("/api/calls").GetProperty("post");
        Assert.That(ingest.GetProperty("responses").TryGetProperty("201", out _), Is.True);
    }

    [Test]
    public async Task The_start_page_is_served_without_a_login()
    {
        using var client = Api.Anonymous();
        var page = await client.GetAsync("/");
        Assert.That((int)page.StatusCode, Is.EqualTo(200));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("PSC 119"));
    }
}
