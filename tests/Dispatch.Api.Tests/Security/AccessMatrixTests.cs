using System.Net;
using System.Net.Http.Headers;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Api.Tests.Security;

/// <summary>Every endpoint, with every role and with none, against the documented matrix.</summary>
public sealed class AccessMatrixTests : ApiTest
{
    // The scrape endpoint exists only when enabled: enabled here, so the matrix covers it.
    protected override Dictionary<string, string?> Settings => new() { ["Telemetry:Prometheus:Enabled"] = "true" };

    private static IEnumerable<TestCaseData> Cases() =>
        from entry in AccessMatrix.Entries
        from who in AccessMatrix.Users.Append(AccessMatrix.Anonymous).Append("telephony")
        select new TestCaseData(entry, who).SetName($"{entry.Method} {entry.Sample} as {who}");

    [TestCaseSource(nameof(Cases))]
    public async Task The_endpoint_answers_as_documented(AccessMatrix.Entry entry, string who)
    {
        using var client = who switch
        {
            AccessMatrix.Anonymous => Api.Anonymous(),
            "telephony" => Api.Telephony(),
            // Signing out ends the session: not the one the other cases share.
            _ when entry.Template == "/api/auth/logout" => await Api.FreshSessionAsync(who),
            _ => await Api.AsAsync(who),
        };
        var role = AccessMatrix.RoleOf.GetValueOrDefault(who, who);
        var request = new HttpRequestMessage(new HttpMethod(entry.Method), entry.Sample);
        if (entry.Method is "POST" or "PUT" or "PATCH") request.Content = ApiClient.RawJson("{}");

        var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;

        var allowed = entry.Roles.Contains(role) || entry.Roles.Contains(AccessMatrix.Anonymous);
        // Telephony ingest authenticates by key alone: a user login is no key (401). The telephony
        // key is no login either (401 elsewhere). A signed-in user with the wrong role gets 403.
        var expectedRefusal = who is AccessMatrix.Anonymous or "telephony" || entry.Roles.SequenceEqual(["telephony"])
            ? HttpStatusCode.Unauthorized
            : HttpStatusCode.Forbidden;
        if (allowed)
            Assert.That(status, Is.Not.EqualTo(401).And.Not.EqualTo(403), $"{who} may call {entry}");
        else
            Assert.That(response.StatusCode, Is.EqualTo(expectedRefusal), $"{who} must not call {entry}");
    }

    [Test]
    public void Every_mapped_endpoint_is_in_the_matrix()
    {
        var sources = App.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var mapped = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"))
            // Static console files are public by design (MapStaticAssets); the data behind them is not.
            .Where(r => !r.Contains("/_content/", StringComparison.Ordinal) && !r.Contains("{**path", StringComparison.Ordinal))
            .ToHashSet();
        var documented = AccessMatrix.Entries.Select(e => $"{e.Method} {e.Template}")
            .Concat(AccessMatrix.Entries.Select(e => $"* {e.Template}")).ToHashSet();
        // The hub maps its transports under /hubs/dispatch; its negotiate route stands for all of them.
        mapped.RemoveWhere(r => r.Contains("/hubs/dispatch", StringComparison.Ordinal) && !r.EndsWith("/negotiate", StringComparison.Ordinal));
        Assert.That(mapped.Except(documented), Is.Empty, "endpoints missing from AccessMatrix");
    }

    [Test]
    public async Task The_hub_refuses_a_connection_without_a_login_or_with_the_health_office_role()
    {
        var anonymous = new HubConnectionBuilder()
            .WithUrl(new Uri(App.BaseAddress, "/hubs/dispatch")).Build();
        Assert.That(async () => await anonymous.StartAsync(), Throws.InstanceOf<HttpRequestException>()
            .With.Property(nameof(HttpRequestException.StatusCode)).EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(async () => await Api.ListenAsync("dinkes1"), Throws.InstanceOf<HttpRequestException>()
            .With.Property(nameof(HttpRequestException.StatusCode)).EqualTo(HttpStatusCode.Forbidden));
        await anonymous.DisposeAsync();
    }

    [Test]
    public async Task A_forged_bearer_token_is_401()
    {
        using var client = Api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "forged.token.value");
        var response = await client.GetAsync("/api/incidents");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
