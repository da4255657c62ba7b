using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Incidents;

/// <summary>
/// Steps the response tests share: the demo units by call sign, assigning, reading an incident's
/// responses and ProblemDetails codes, and freeing every unit between tests (the units of a test
/// class's app are shared by its tests).
/// </summary>
public static class Dispatching
{
    public static string Iso(DateTimeOffset t) =>
        t.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The crew account's own unit.</summary>
    public static async Task<long> UnitOfAsync(HttpClient crew) =>
        (await ApiClient.OkJsonAsync(await crew.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();

    /// <summary>A demo unit by the start of its call sign ("AMB-03").</summary>
    public static async Task<long> UnitIdAsync(HttpClient op, string callSign) =>
        (await UnitAsync(op, u => u.GetProperty("callSign").GetString()!.StartsWith(callSign, StringComparison.Ordinal))).GetProperty("id").GetInt64();

    public static async Task<string> UnitStatusAsync(HttpClient op, long unitId) =>
        (await UnitAsync(op, u => u.GetProperty("id").GetInt64() == unitId)).GetProperty("status").GetString()!;

    private static async Task<JsonElement> UnitAsync(HttpClient op, Func<JsonElement, bool> match) =>
        (await ApiClient.OkJsonAsync(await op.GetAsync("/api/units"))).EnumerateArray().First(match);

    public static Task<HttpResponseMessage> AssignAsync(HttpClient op, long incidentId, long unitId, bool divert = false, bool confirmLowerPriority = false,
        long? fromIncidentId = null) =>
        op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId, divert, confirmLowerPriority, fromIncidentId });

    public static async Task<JsonElement> AssignedAsync(HttpClient op, long incidentId, long unitId, bool divert = false, bool confirmLowerPriority = false,
        long? fromIncidentId = null) =>
        await ApiClient.OkJsonAsync(await AssignAsync(op, incidentId, unitId, divert, confirmLowerPriority, fromIncidentId));

    public static async Task<JsonElement> IncidentAsync(HttpClient op, long incidentId) =>
        await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"));

    /// <summary>The unit's latest response on the incident.</summary>
    public static JsonElement ResponseOf(JsonElement incident, long unitId) =>
        incident.GetProperty("responses").EnumerateArray().Last(r => r.GetProperty("unitId").GetInt64() == unitId);

    public static async Task<JsonElement> RadioAsync(HttpClient op, long incidentId, long unitId, string status, DateTimeOffset? at = null, long? destinationId = null) =>
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/responses/{unitId}/status",
            new { status, at = at is { } t ? Iso(t) : null, destinationId }));

    public static async Task<JsonElement> CrewStatusAsync(HttpClient crew, long unitId, string status, long? destinationId = null) =>
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status, destinationId }));

    /// <summary>Asserts the status code and returns the ProblemDetails.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string? Code(JsonElement problem) => problem.TryGetProperty("code", out var c) ? c.GetString() : null;

    /// <summary>Asserts a 400 whose validation errors name <paramref name="field"/>.</summary>
    public static async Task NamesFieldAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    public static async Task<List<JsonElement>> LogAsync(HttpClient op, long incidentId) =>
        [.. (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/log"))).EnumerateArray()];

    public static async Task<(long Hospital, long Puskesmas, JsonElement Post)> FacilitiesAsync(HttpClient client)
    {
        var all = (await ApiClient.OkJsonAsync(await client.GetAsync("/api/facilities"))).EnumerateArray().ToList();
        long Id(Func<JsonElement, bool> match) => all.First(match).GetProperty("id").GetInt64();
        return (Id(f => f.GetProperty("kind").GetString() == "hospital"), Id(f => f.GetProperty("kind").GetString() == "puskesmas"),
            all.First(f => f.GetProperty("name").GetString()!.StartsWith("Pos PSC", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Releases every unit still working an incident and puts the crews' units back in service,
    /// so that each test starts with every unit available whatever the one before it left.
    /// </summary>
    public static async Task FreeAllUnitsAsync(ApiClient api)
    {
        using var op = await api.AsAsync("operator2");
        foreach (var incident in (await ApiClient.OkJsonAsync(await op.GetAsync("/api/incidents"))).EnumerateArray())
            foreach (var r in incident.GetProperty("responses").EnumerateArray().Where(r => r.GetProperty("endedAt").ValueKind == JsonValueKind.Null))
                await ApiClient.OkJsonAsync(await op.PostAsJsonAsync(
                    $"/api/incidents/{incident.GetProperty("id").GetInt64()}/responses/{r.GetProperty("unitId").GetInt64()}/release", new { reason = "test reset" }));
        foreach (var user in new[] { "crew1", "crew2" })
        {
            using var crew = await api.AsAsync(user);
            var unitId = await UnitOfAsync(crew);
            if (await UnitStatusAsync(op, unitId) == "outOfService") await CrewStatusAsync(crew, unitId, "available");
        }
    }
}
