using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dispatch.Api.Tests.Infrastructure;

/// <summary>Signs in demo users and speaks the API the way the console, crews and telephony do.</summary>
public sealed class ApiClient(Uri baseAddress)
{
    private readonly Dictionary<string, string> _tokens = [];

    public ApiClient(TestApp app) : this(app.BaseAddress) { }

    public Uri BaseAddress => baseAddress;

    public HttpClient Anonymous() => new() { BaseAddress = baseAddress };

    public HttpClient Telephony(string? key = TestApp.TelephonyKey)
    {
        var client = Anonymous();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task<string> TokenAsync(string user, string password = TestApp.Password)
    {
        // One sign-in per user and password (a password reset makes a new one).
        var key = $"{user}\n{password}";
        if (_tokens.TryGetValue(key, out var cached)) return cached;
        using var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password });
        Assert.That(response.IsSuccessStatusCode, Is.True, $"login {user}: {(int)response.StatusCode}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        return _tokens[key] = token;
    }

    /// <summary>A session of its own, never shared with other tests (for one that signs out).</summary>
    public async Task<HttpClient> FreshSessionAsync(string user, string password = TestApp.Password)
    {
        using var anonymous = Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = user, password });
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await OkJsonAsync(response)).GetProperty("accessToken").GetString());
        return client;
    }

    public async Task<HttpClient> AsAsync(string user, string password = TestApp.Password)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(user, password));
        return client;
    }

    /// <summary>
    /// A user an administrator just gave <paramref name="given"/>: signs in with it and chooses their
    /// own password, as they must before anything else (returned; <paramref name="given"/> + "-sendiri" unless named).
    /// </summary>
    public async Task<string> ChooseOwnPasswordAsync(string user, string given, string? own = null)
    {
        own ??= $"{given}-sendiri";
        using var client = await AsAsync(user, given);
        await OkJsonAsync(await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = given, newPassword = own }));
        return own;
    }

    public async Task<HubListener> ListenAsync(string user) => await HubListener.ConnectAsync(baseAddress, await TokenAsync(user));

    public static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Posts a call the way the telephony line does and returns the stored record.</summary>
    public async Task<JsonElement> IngestAsync(string externalId, string? callerNumber = "081234567890", double lat = -0.79, double lon = 100.65, DateTimeOffset? receivedAt = null)
    {
        using var client = Telephony();
        var response = await client.PostAsJsonAsync("/api/calls", new
        {
            externalId,
            callerNumber,
            receivedAt = (receivedAt ?? TimeProvider.System.GetUtcNow()).ToOffset(TimeSpan.FromHours(7)),
            source = "line119",
            location = new { lat, lon, accuracyMeters = 25.0 },
        });
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Opens an incident, sends <paramref name="unitId"/> and brings its crew on scene (ready to transport); returns the incident id.</summary>
    public async Task<long> OnSceneAsync(HttpClient op, HttpClient crew, long unitId, string externalId)
    {
        var incidentId = await OpenIncidentAsync(op, externalId);
        await OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));
        await OkJsonAsync(await crew.PostAsync($"/api/units/{unitId}/acknowledge", null));
        foreach (var status in new[] { "enRoute", "onScene" })
            await OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status }));
        return incidentId;
    }

    /// <summary>A transporting unit arrives and is available again: its response ends.</summary>
    public static async Task ArriveAndFreeAsync(HttpClient crew, long unitId)
    {
        foreach (var status in new[] { "atDestination", "available" })
            await OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status }));
    }

    /// <summary>Ingest, answer and open an incident; returns the incident id.</summary>
    public async Task<long> OpenIncidentAsync(HttpClient op, string externalId, string triage = "merah", double lat = -0.79, double lon = 100.65)
    {
        var call = await IngestAsync(externalId, lat: lat, lon: lon);
        var id = call.GetProperty("id").GetInt64();
        await OkJsonAsync(await op.PostAsync($"/api/calls/{id}/answer", null));
        var incident = await OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{id}/incident", new { lat, lon, complaint = "nyeri dada", triage }));
        return incident.GetProperty("id").GetInt64();
    }
}
