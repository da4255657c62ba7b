using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;
using static Dispatch.Api.Tests.Incidents.Dispatching;

namespace Dispatch.Api.Tests.Audit;

/// <summary>
/// Every read of a person's data leaves one access record naming who read what (one per incident
/// for a page of search results, one per export with its period), and the access log answers by
/// incident and by user.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class ReadAuditTests(string database) : ApiTest(database)
{
    private sealed record Access(long Id, string Actor, string Action, long? IncidentId, long? CallId, long? RangeFrom, long? RangeTo, string? Details);

    private List<Access> Records(string action, long? incidentId = null, long? callId = null)
    {
        using var db = App.OpenDatabase();
        return db.Query<Access>(
            "SELECT id, actor, action, incident_id AS IncidentId, call_id AS CallId, range_from AS RangeFrom, range_to AS RangeTo, details " +
            "FROM access_log WHERE action = @action AND (@incidentId IS NULL OR incident_id = @incidentId) AND (@callId IS NULL OR call_id = @callId) ORDER BY id",
            new { action, incidentId, callId }).ToList();
    }

    private static string UniquePhone() => "0812" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    /// <summary>A call from <paramref name="phone"/>, answered and opened as an incident with a complaint; returns both ids.</summary>
    private async Task<(long Call, long Incident)> IncidentFromAsync(HttpClient op, string phone, string complaint = "sesak napas berat")
    {
        var call = (await Api.IngestAsync($"audit-{Guid.NewGuid():n}", phone)).GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{call}/answer", null));
        var incident = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{call}/incident",
            new { lat = -0.79, lon = 100.65, complaint, address = "Jl. Uji Audit 7", triage = "kuning" }));
        return (call, incident.GetProperty("id").GetInt64());
    }

    [TestCase("incident.read", "")]
    [TestCase("incident.log.read", "/log")]
    [TestCase("incident.notes.read", "/notes")]
    public async Task Reading_an_incident_leaves_exactly_one_record_naming_who_and_what(string action, string path)
    {
        using var op = await Api.AsAsync("operator1");
        var (_, incident) = await IncidentFromAsync(op, UniquePhone());
        Assert.That(Records(action, incident), Is.Empty, "opening the incident is no read");

        await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incident}{path}"));

        var records = Records(action, incident);
        Assert.That(records, Has.Count.EqualTo(1));
        Assert.That((records[0].Actor, records[0].RangeFrom), Is.EqualTo(("operator1", (long?)null)));
        Assert.That(Records(action).Count(r => r.IncidentId == incident), Is.EqualTo(1), "nothing else recorded for it");
    }

    [Test]
    public async Task A_refused_read_is_not_recorded_as_one()
    {
        using var otherCrew = await Api.AsAsync("crew2");
        using var op = await Api.AsAsync("operator1");
        var (_, incident) = await IncidentFromAsync(op, UniquePhone());

        await ProblemAsync(await otherCrew.GetAsync($"/api/incidents/{incident}/notes"), HttpStatusCode.Forbidden);
        await ProblemAsync(await op.GetAsync("/api/incidents/99999999"), HttpStatusCode.NotFound);

        Assert.That(Records("incident.notes.read", incident), Is.Empty);
        Assert.That(Records("incident.read", 99999999), Is.Empty);
    }

    [Test]
    public async Task Reading_a_call_records_the_call_and_its_incident()
    {
        using var op = await Api.AsAsync("operator1");
        var (call, incident) = await IncidentFromAsync(op, UniquePhone());

        var read = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/calls/{call}"));

        Assert.That(read.GetProperty("callerNumber").GetString(), Is.Not.Null.And.Not.Empty, "this route hands out the caller's number");
        var records = Records("call.read", callId: call);
        Assert.That(records.Select(r => (r.Actor, r.IncidentId)), Is.EqualTo(new[] { ("operator1", (long?)incident) }));
    }

    [Test]
    public async Task A_search_records_one_read_per_incident_it_shows_and_only_the_kinds_of_criteria()
    {
        using var op = await Api.AsAsync("operator2");
        var phone = UniquePhone();
        var first = await IncidentFromAsync(op, phone);
        var second = await IncidentFromAsync(op, phone);

        var page = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/search?phone={phone}&q=sesak"));
        var shown = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).Order().ToList();
        Assert.That(shown, Is.EqualTo(new[] { first.Incident, second.Incident }.Order()));

        var records = Records("incident.search").Where(r => shown.Contains(r.IncidentId!.Value)).ToList();
        Assert.That(records.Select(r => r.IncidentId).Order(), Is.EqualTo(shown.Select(i => (long?)i)), "one record per incident shown");
        Assert.That(records.Select(r => r.Actor), Is.All.EqualTo("operator2"));
        foreach (var r in records)
        {
            var details = JsonDocument.Parse(r.Details!).RootElement;
            Assert.That(details.GetProperty("criteria").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "phone", "words" }));
            Assert.That(r.Details, Does.Not.Contain(phone[4..]).And.Not.Contain("sesak"), "the values searched for are not kept");
        }
    }

    [TestCase("export.incidents", "/api/exports/incidents.csv?")]
    [TestCase("export.responses", "/api/exports/responses.csv?")]
    [TestCase("export.national", "/api/exports/kemenkes?format=json&")]
    public async Task An_export_is_one_record_with_its_period(string action, string path)
    {
        using var op = await Api.AsAsync("operator1");
        using var dinkes = await Api.AsAsync("dinkes1");
        await IncidentFromAsync(op, UniquePhone());
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var before = Records(action).Count;

        var response = await dinkes.GetAsync($"{path}from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadAsStringAsync();
        var handedOut = action == "export.national"
            ? JsonDocument.Parse(body).RootElement.GetArrayLength()
            : body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1; // no field of this test's rows holds a line break

        var records = Records(action);
        Assert.That(records, Has.Count.EqualTo(before + 1));
        var record = records[^1];
        var from = new DateTimeOffset(today.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        Assert.That((record.Actor, record.IncidentId, record.RangeFrom, record.RangeTo),
            Is.EqualTo(("dinkes1", (long?)null, (long?)from.ToUnixTimeMilliseconds(), (long?)from.AddDays(2).ToUnixTimeMilliseconds())));
        Assert.That(JsonDocument.Parse(record.Details!).RootElement.GetProperty("file").GetString(), Is.Not.Empty, "which export");
        if (action != "export.responses") Assert.That(handedOut, Is.GreaterThanOrEqualTo(1), "today's incident is in it");
    }

    [Test]
    public async Task The_access_log_answers_by_incident_with_the_exports_covering_it_and_by_user_newest_first()
    {
        using var op = await Api.AsAsync("operator2");
        using var admin = await Api.AsAsync("admin");
        using var dinkes = await Api.AsAsync("dinkes1");
        var (call, incident) = await IncidentFromAsync(op, UniquePhone());
        await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incident}"));
        await ApiClient.OkJsonAsync(await op.GetAsync($"/api/calls/{call}"));
        await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incident}/log"));
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var export = await dinkes.GetAsync($"/api/exports/incidents.csv?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var farExport = await dinkes.GetAsync("/api/exports/incidents.csv?from=2020-01-01&to=2020-01-31");
        Assert.That(farExport.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var byIncident = (await ApiClient.OkJsonAsync(await admin.GetAsync($"/api/admin/access-log?incidentId={incident}"))).GetProperty("records")
            .EnumerateArray().ToList();
        Assert.That(byIncident.Select(r => (r.GetProperty("actor").GetString(), r.GetProperty("action").GetString())), Is.EqualTo(new[]
        {
            ("dinkes1", "export.incidents"), ("operator2", "incident.log.read"), ("operator2", "call.read"), ("operator2", "incident.read"),
        }), "newest first; the 2020 export does not cover this incident");
        Assert.That(byIncident.Select(r => r.GetProperty("id").GetInt64()), Is.Ordered.Descending);

        var byUser = await ApiClient.OkJsonAsync(await admin.GetAsync("/api/admin/access-log?user=operator2&limit=2"));
        var firstPage = byUser.GetProperty("records").EnumerateArray().ToList();
        Assert.That(firstPage.Select(r => r.GetProperty("action").GetString()), Is.EqualTo(new[] { "incident.log.read", "call.read" }));
        var next = byUser.GetProperty("nextBefore").GetInt64();
        var secondPage = (await ApiClient.OkJsonAsync(await admin.GetAsync($"/api/admin/access-log?user=operator2&limit=2&before={next}")))
            .GetProperty("records").EnumerateArray().Select(r => r.GetProperty("action").GetString()).ToList();
        Assert.That(secondPage[0], Is.EqualTo("incident.read"));

        await NamesFieldAsync(await admin.GetAsync("/api/admin/access-log"), "incidentId");
        await NamesFieldAsync(await admin.GetAsync("/api/admin/access-log?user=operator2&limit=5000"), "limit");
    }
}
