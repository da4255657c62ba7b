using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Security;

/// <summary>Bad input on the operator endpoints: a clear 400 naming the field, nothing half-written; text stored verbatim.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class OperatorInputTests(string database) : ApiTest(database)
{
    private long Rows(string table)
    {
        using var db = App.OpenDatabase();
        return db.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}");
    }

    [TestCase("""{"lat":-0.79,"lon":100.65}""", "triage")]
    [TestCase("""{"lat":-0.79,"lon":100.65,"triage":"ungu"}""", "triage")]
    [TestCase("""{"lat":"-0.79","lon":100.65,"triage":"merah"}""", "lat")]
    [TestCase("""{"lat":-91,"lon":100.65,"triage":"merah"}""", "lat")]
    [TestCase("""{"triage":"merah"}""", "lat")]
    [TestCase("""{"kelurahan":"Atlantis","triage":"merah"}""", "kelurahan")]
    [TestCase("""{"lat":-0.79,"lon":100.65,"triage":"merah","patientCount":-3}""", "patientCount")]
    [TestCase("""{"lat":-0.79,"lon":100.65,"triage":"merah","patientCount":1e40}""", "patientCount")]
    [TestCase("""{"lat":-0.79,"lon":100.65,"triage":"merah",""", "$")]
    public async Task A_bad_incident_is_a_400_naming_the_field_and_nothing_is_written(string body, string field)
    {
        using var op = await Api.AsAsync("operator1");
        var callId = (await Api.IngestAsync($"bad-{Guid.NewGuid():n}")).GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{callId}/answer", null));
        var (incidents, log, events) = (Rows("incidents"), Rows("incident_log"), Rows("events"));

        var response = await op.PostAsync($"/api/calls/{callId}/incident", ApiClient.RawJson(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
        Assert.That((Rows("incidents"), Rows("incident_log"), Rows("events")), Is.EqualTo((incidents, log, events)));
        var call = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/calls/{callId}"));
        Assert.That(call.GetProperty("status").GetString(), Is.EqualTo("answered"), "the call stays with its operator");
    }

    [Test]
    public async Task An_oversized_complaint_is_refused_and_nothing_is_written()
    {
        using var op = await Api.AsAsync("operator1");
        var callId = (await Api.IngestAsync($"huge-{Guid.NewGuid():n}")).GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{callId}/answer", null));
        var before = Rows("incidents");

        var tooLong = await op.PostAsJsonAsync($"/api/calls/{callId}/incident", new { lat = -0.79, lon = 100.65, triage = "merah", complaint = new string('a', 5000) });
        var tooBig = await op.PostAsJsonAsync($"/api/calls/{callId}/incident", new { lat = -0.79, lon = 100.65, triage = "merah", complaint = new string('a', 40_000) });

        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(tooBig.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(Rows("incidents"), Is.EqualTo(before));
    }

    [TestCase("<img src=x onerror=alert(1)>")]
    [TestCase("'); DROP TABLE incidents; --")]
    [TestCase("Jl. Sudirman \"No. 5\" \\ RT 01/RW 02 — dekat masjid 🚑")]
    public async Task Text_is_stored_and_returned_verbatim(string text)
    {
        using var op = await Api.AsAsync("operator2");
        var callId = (await Api.IngestAsync($"text-{Guid.NewGuid():n}")).GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{callId}/answer", null));

        var created = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{callId}/incident", new { lat = -0.79, lon = 100.65, triage = "kuning", address = text, complaint = text }));
        var id = created.GetProperty("id").GetInt64();
        var read = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{id}"));

        Assert.That(read.GetProperty("address").GetString(), Is.EqualTo(text));
        Assert.That(read.GetProperty("complaint").GetString(), Is.EqualTo(text));
        using var db = App.OpenDatabase();
        Assert.That(db.ExecuteScalar<string>("SELECT complaint FROM incidents WHERE id = @id", new { id }), Is.EqualTo(text));
    }

    [TestCase("""{"outcome":"incident"}""", 422)]
    [TestCase("""{"outcome":"gossip"}""", 400)]
    [TestCase("""{}""", 400)]
    public async Task Closing_a_call_needs_a_real_outcome(string body, int status)
    {
        using var op = await Api.AsAsync("operator1");
        var callId = (await Api.IngestAsync($"close-{Guid.NewGuid():n}")).GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{callId}/answer", null));
        var response = await op.PostAsync($"/api/calls/{callId}/close", ApiClient.RawJson(body));
        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        var ok = await op.PostAsJsonAsync($"/api/calls/{callId}/close", new { outcome = "prank" });
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Repeated_failed_logins_are_throttled()
    {
        using var client = Api.Anonymous();
        var codes = new List<int>();
        for (var i = 0; i < 8; i++)
            codes.Add((int)(await client.PostAsJsonAsync("/api/auth/login", new { username = "dinkes1", password = "wrong" })).StatusCode);
        Assert.That(codes.Take(5), Is.All.EqualTo(401));
        Assert.That(codes.Skip(6), Is.All.EqualTo(429));
        var rightPasswordWhileLocked = await client.PostAsJsonAsync("/api/auth/login", new { username = "dinkes1", password = TestApp.Password });
        Assert.That((int)rightPasswordWhileLocked.StatusCode, Is.EqualTo(429));
        Assert.That(rightPasswordWhileLocked.Headers.RetryAfter, Is.Not.Null);
    }
}
