using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Security;

/// <summary>Personal data (numbers, names, addresses, complaints) never reaches the logs.</summary>
public sealed class LogPrivacyTests
{
    [Test]
    public async Task A_full_flow_leaves_no_caller_number_address_or_complaint_in_the_logs()
    {
        // Every category at Information, Polly's attempt logging included, so nothing hides behind a log level.
        using var app = new TestApp(new() { ["Logging:LogLevel:Polly"] = "Information", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" }).Start();
        var api = new ApiClient(app);
        using var op = await api.AsAsync("operator1");
        using var crew = await api.AsAsync("crew1");
        var unitId = (await ApiClient.OkJsonAsync(await crew.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();

        var call = await api.IngestAsync("privacy-1", callerNumber: "0813 7777 4242");
        var callId = call.GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{callId}/answer", null));
        var incident = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{callId}/incident", new
        {
            lat = -0.79, lon = 100.65, triage = "merah", address = "Rumah Ibu Siti Rahmawati, Jl. Kenanga 17", complaint = "kejang berulang sejak pagi",
        }));
        var incidentId = incident.GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "enRoute" }));
        // Failure paths log too: a bad body and a refused step.
        await op.PostAsync($"/api/calls/{callId}/incident", ApiClient.RawJson("""{"complaint":"kejang berulang sejak pagi"}"""));
        await op.PostAsync($"/api/incidents/{incidentId}/close", null);

        var logs = string.Join('\n', app.Logs);
        Assert.That(app.Logs, Is.Not.Empty, "the capture works");
        Assert.That(logs, Does.Not.Contain("7777").And.Not.Contain("+628137777"));
        Assert.That(logs, Does.Not.Contain("Siti Rahmawati").And.Not.Contain("Kenanga"));
        Assert.That(logs, Does.Not.Contain("kejang"));
    }
}
