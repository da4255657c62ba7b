using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Privacy;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Api.Tests.Privacy;

/// <summary>
/// The person's rights (UU 27/2022): an administrator exports everything held about a number or an
/// incident, and erases it, leaving the anonymous operational record that reports count.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class PersonalDataTests(string database) : ApiTest(database)
{
    private static int _next = 4242_0000;

    private static int NextDigits() => Interlocked.Increment(ref _next) * 7 % 100_000_000;

    private async Task<PersonCase> PersonAsync(string tag)
    {
        using var op = await Api.AsAsync("operator1");
        return await PersonCase.CloseAsync(Api, op, $"{tag}{Guid.NewGuid():n}"[..12], NextDigits());
    }

    private static string Today => TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task Export_by_phone_and_by_incident_holds_the_calls_incidents_notes_and_the_opened_log()
    {
        var person = await PersonAsync("exp");
        using var admin = await Api.AsAsync("admin");

        var byPhone = await ApiClient.OkJsonAsync(await admin.GetAsync($"/api/admin/personal-data?phone={Uri.EscapeDataString(person.Phone)}"));
        Assert.That(byPhone.GetProperty("phone").GetString(), Is.EqualTo(person.Stored), "normalised as ingest stores it");
        Assert.That(byPhone.GetProperty("generatedAt").GetDateTimeOffset(), Is.EqualTo(TimeProvider.System.GetUtcNow()).Within(TimeSpan.FromMinutes(5)));
        var call = byPhone.GetProperty("calls").EnumerateArray().Single().GetProperty("call");
        Assert.That(call.GetProperty("callerNumber").GetString(), Is.EqualTo(person.Stored));
        Assert.That(call.GetProperty("location").GetProperty("lat").GetDouble(), Is.EqualTo(-0.791234));
        var held = byPhone.GetProperty("incidents").EnumerateArray().Single();
        Assert.That(held.GetProperty("incident").GetProperty("address").GetString(), Is.EqualTo(person.Address));
        Assert.That(held.GetProperty("incident").GetProperty("complaint").GetString(), Is.EqualTo(person.Complaint));
        Assert.That(held.GetProperty("incident").GetProperty("responses").GetArrayLength(), Is.EqualTo(2), "the released response and the one that went");
        Assert.That(held.GetProperty("erasedAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var note = held.GetProperty("notes").EnumerateArray().Single();
        Assert.That((note.GetProperty("text").GetString(), note.GetProperty("author").GetString()), Is.EqualTo((person.Note, "operator1")));
        var patient = held.GetProperty("patients").EnumerateArray().Single();
        Assert.That((patient.GetProperty("name").GetString(), patient.GetProperty("sisruteRef").GetString(), patient.GetProperty("receivedBy").GetString()),
            Is.EqualTo((person.PatientName, person.SisruteRef, person.ReceivedBy)));
        Assert.That(patient.GetProperty("observations").EnumerateArray().Single().GetProperty("pulse").GetInt32(), Is.EqualTo(112));

        var log = held.GetProperty("log");
        var created = DatabaseScan.Entry(log, "incident.created");
        Assert.That(created.GetProperty("erased").GetBoolean(), Is.False);
        Assert.That(created.GetProperty("details").GetProperty("address").GetProperty("to").GetString(), Is.EqualTo(person.OldAddress), "the log is opened");
        var changed = DatabaseScan.Entry(log, "incident.changed");
        Assert.That(changed.GetProperty("details").GetProperty("address").GetProperty("from").GetString(), Is.EqualTo(person.OldAddress));
        Assert.That(changed.GetProperty("details").GetProperty("address").GetProperty("to").GetString(), Is.EqualTo(person.Address));
        var linked = DatabaseScan.Entry(log, "call.incident");
        Assert.That(linked.GetProperty("details").GetProperty("status").GetProperty("to").GetString(), Is.EqualTo("closed"), "what the PSC did stays readable");

        var byIncident = await ApiClient.OkJsonAsync(await admin.GetAsync($"/api/admin/personal-data?incidentId={person.IncidentId}"));
        Assert.That(byIncident.GetProperty("incidentId").GetInt64(), Is.EqualTo(person.IncidentId));
        Assert.That(byIncident.GetProperty("calls").EnumerateArray().Single().GetProperty("call").GetProperty("id").GetInt64(), Is.EqualTo(person.CallId));
        Assert.That(byIncident.GetProperty("incidents").EnumerateArray().Single().GetProperty("log").GetRawText(), Is.EqualTo(log.GetRawText()));

        // Each copy handed over is an access: twice for this incident, by the administrator.
        var access = await ApiClient.OkJsonAsync(await admin.GetAsync($"/api/admin/access-log?incidentId={person.IncidentId}"));
        var copies = access.GetProperty("records").EnumerateArray().Where(r => r.GetProperty("action").GetString() == "personal-data.export").ToList();
        Assert.That(copies.Select(r => r.GetProperty("actor").GetString()), Is.EqualTo(new[] { "admin", "admin" }));

        // An operator reading the patients of this past incident is recorded too.
        using var op = await Api.AsAsync("operator2");
        await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{person.IncidentId}/patients"));
        access = await ApiClient.OkJsonAsync(await admin.GetAsync($"/api/admin/access-log?incidentId={person.IncidentId}"));
        Assert.That(access.GetProperty("records").EnumerateArray().Where(r => r.GetProperty("action").GetString() == "incident.patients.read").Select(r => r.GetProperty("actor").GetString()),
            Is.EqualTo(new[] { "operator2" }));
    }

    [Test]
    public async Task A_sealed_log_value_is_not_readable_in_the_raw_table()
    {
        var person = await PersonAsync("raw");
        using var connection = App.OpenDatabase();
        var raw = DatabaseScan.Column(connection, $"SELECT details FROM incident_log WHERE incident_id = {person.IncidentId} OR call_id = {person.CallId}");
        Assert.That(raw, Does.Contain(Sealer.Prefix), "personal values are sealed");
        Assert.That(DatabaseScan.Find(connection, Database == TestApp.Postgres, person.Needles).Where(f => f.StartsWith("incident_log.", StringComparison.Ordinal)), Is.Empty);
        Assert.That(raw, Does.Contain("\"triage\"").And.Contain("merah"), "what the PSC did is not sealed");
        var keys = DatabaseScan.Column(connection, $"SELECT COUNT(*) FROM subject_keys WHERE subject = 'i:{person.IncidentId}'");
        Assert.That(keys, Is.EqualTo("1"));
    }

    [TestCase("phone")]
    [TestCase("incident")]
    public async Task Erasure_leaves_nothing_of_the_person_in_any_table_and_the_reports_unchanged(string by)
    {
        var person = await PersonAsync("era");
        using var admin = await Api.AsAsync("admin");
        using var op = await Api.AsAsync("operator1");
        var report = $"/api/reports/response-times?from={Today}&to={Today}";
        var before = await (await admin.GetAsync(report)).Content.ReadAsStringAsync();
        using (var connection = App.OpenDatabase())
            Assert.That(DatabaseScan.Find(connection, Database == TestApp.Postgres, person.Needles), Is.Not.Empty, "the scan sees the data before erasure");

        object body = by == "phone" ? new { phone = person.Phone, reason = "permintaan subjek data no. 17" } : new { incidentId = person.IncidentId, reason = "permintaan subjek data no. 18" };
        var counts = await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/personal-data/erase", body));
        Assert.That(counts.GetProperty("calls").GetInt32(), Is.EqualTo(1));
        Assert.That(counts.GetProperty("incidents").GetInt32(), Is.EqualTo(1));
        Assert.That(counts.GetProperty("notes").GetInt32(), Is.EqualTo(1));
        Assert.That(counts.GetProperty("events").GetInt32(), Is.GreaterThan(0));

        using (var connection = App.OpenDatabase())
            Assert.That(DatabaseScan.Find(connection, Database == TestApp.Postgres, person.Needles), Is.Empty, "nothing of the person anywhere");
        Assert.That(await (await admin.GetAsync(report)).Content.ReadAsStringAsync(), Is.EqualTo(before), "reports give the same figures");

        var incident = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{person.IncidentId}"));
        Assert.That(incident.GetProperty("address").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(incident.GetProperty("triage").GetString(), Is.EqualTo("merah"));
        Assert.That(incident.GetProperty("location").GetProperty("lat").GetDouble(), Is.EqualTo(-0.79), "coarse to 0.01 degree");
        var log = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{person.IncidentId}/log"));
        var created = DatabaseScan.Entry(log, "incident.created");
        Assert.That(created.GetProperty("erased").GetBoolean(), Is.True);
        Assert.That(created.GetProperty("details").GetProperty("address").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(created.GetProperty("details").GetProperty("triage").GetProperty("to").GetString(), Is.EqualTo("merah"), "the actions stay");
        Assert.That(created.GetProperty("details").GetProperty("kelurahan").GetProperty("to").GetProperty("name").GetString(), Is.Not.Empty,
            "the area stays: its name is not a person's");
        Assert.That(log.EnumerateArray().Select(e => e.GetProperty("action").GetString()), Does.Contain("incident.closed").And.Contain("personal-data.erased"));

        var search = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/search?phone={Uri.EscapeDataString(person.Phone)}"));
        Assert.That(search.GetProperty("items").GetArrayLength(), Is.Zero, "search by the old number finds nothing");
        var words = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/search?q={Uri.EscapeDataString(person.Complaint)}"));
        Assert.That(words.GetProperty("items").GetArrayLength(), Is.Zero);
        var export = await ApiClient.OkJsonAsync(await admin.GetAsync($"/api/admin/personal-data?incidentId={person.IncidentId}"));
        Assert.That(export.GetProperty("incidents")[0].GetProperty("erasedAt").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(export.GetProperty("calls")[0].GetProperty("call").GetProperty("callerNumber").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(export.GetRawText(), Does.Not.Contain(person.Stored).And.Not.Contain(person.Address).And.Not.Contain(person.Note));
        // The patient record keeps what reports need; its observations are gone.
        var patient = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{person.IncidentId}/patients"))).EnumerateArray().Single();
        Assert.That((patient.GetProperty("triage").GetString(), patient.GetProperty("icd10").GetString(), patient.GetProperty("outcome").GetString(), patient.GetProperty("ageGroup").GetString()),
            Is.EqualTo(("kuning", "R56.8", "transported", "adult")));
        Assert.That(patient.GetProperty("destinationId").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(new[] { "name", "age", "sex", "receivedBy", "sisruteRef" }.Select(f => patient.GetProperty(f).ValueKind), Is.All.EqualTo(JsonValueKind.Null));
        Assert.That(patient.GetProperty("observations").GetArrayLength() + patient.GetProperty("treatments").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Refusals_name_the_field_or_say_what_is_missing_or_still_active()
    {
        using var admin = await Api.AsAsync("admin");
        using var op = await Api.AsAsync("operator1");
        await FieldAsync(await admin.GetAsync("/api/admin/personal-data"), "phone");
        await FieldAsync(await admin.GetAsync("/api/admin/personal-data?phone=0813&incidentId=1"), "incidentId");
        await FieldAsync(await admin.GetAsync("/api/admin/personal-data?phone=anonymous"), "phone");
        await FieldAsync(await admin.GetAsync("/api/admin/personal-data?incidentId=x"), "incidentId");
        await FieldAsync(await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { phone = "081311112222" }), "reason");
        await FieldAsync(await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { reason = "r" }), "phone");
        await CodeAsync(await admin.GetAsync("/api/admin/personal-data?incidentId=99999999"), HttpStatusCode.NotFound, "not-found");
        await CodeAsync(await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { phone = "0813 0000 0001", reason = "r" }), HttpStatusCode.NotFound, "not-found");
        await CodeAsync(await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { incidentId = 99999999, reason = "r" }), HttpStatusCode.NotFound, "not-found");

        var active = await Api.OpenIncidentAsync(op, $"pd-active-{Guid.NewGuid():n}");
        await CodeAsync(await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { incidentId = active, reason = "r" }), HttpStatusCode.Conflict, "incident-active");
        var incident = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{active}"));
        Assert.That(incident.GetProperty("complaint").GetString(), Is.EqualTo("nyeri dada"), "nothing erased");

        var waiting = await Api.IngestAsync($"pd-waiting-{Guid.NewGuid():n}", callerNumber: "0813 5555 0101");
        await CodeAsync(await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { phone = "081355550101", reason = "r" }), HttpStatusCode.Conflict, "call-active");
        Assert.That(waiting.GetProperty("callerNumber").GetString(), Is.EqualTo("+6281355550101"));
    }

    [Test]
    public async Task Retention_erases_lone_call_numbers_and_closed_incidents_only_after_their_limits()
    {
        var person = await PersonAsync("ret");
        using var op = await Api.AsAsync("operator1");
        var lone = await Api.IngestAsync($"pd-lone-{Guid.NewGuid():n}", callerNumber: "0813 6666 0202");
        var loneId = lone.GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{loneId}/answer", null));
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{loneId}/close", new { outcome = "prank" }));

        var rules = App.Services.GetServices<IRetentionRule>().ToDictionary(r => r.Name);
        var closedAt = TimeProvider.System.GetUtcNow();
        Assert.That(await rules["lone-call-numbers"].ApplyAsync(closedAt.AddDays(90).AddMinutes(-5), CancellationToken.None), Is.Zero, "just before the limit");
        Assert.That(await rules["closed-incidents"].ApplyAsync(closedAt.AddDays(1825).AddMinutes(-5), CancellationToken.None), Is.Zero);
        using (var connection = App.OpenDatabase())
            Assert.That(DatabaseScan.Find(connection, Database == TestApp.Postgres, "+6281366660202", person.Complaint), Has.Some.StartsWith("calls.caller_number"));

        Assert.That(await rules["lone-call-numbers"].ApplyAsync(closedAt.AddDays(90).AddMinutes(5), CancellationToken.None), Is.GreaterThanOrEqualTo(1), "just after");
        using (var connection = App.OpenDatabase())
        {
            Assert.That(DatabaseScan.Find(connection, Database == TestApp.Postgres, "+6281366660202", "81366660202"), Is.Empty);
            Assert.That(DatabaseScan.Find(connection, Database == TestApp.Postgres, person.Stored, person.Complaint), Is.Not.Empty, "the incident's call is not a lone call");
        }
        Assert.That(await rules["closed-incidents"].ApplyAsync(closedAt.AddDays(1825).AddMinutes(5), CancellationToken.None), Is.GreaterThanOrEqualTo(1));
        using (var connection = App.OpenDatabase())
            Assert.That(DatabaseScan.Find(connection, Database == TestApp.Postgres, person.Needles), Is.Empty);
        Assert.That(await rules["closed-incidents"].ApplyAsync(closedAt.AddDays(1825).AddMinutes(5), CancellationToken.None), Is.Zero, "idempotent");
        Assert.That(await rules["lone-call-numbers"].ApplyAsync(closedAt.AddDays(90).AddMinutes(5), CancellationToken.None), Is.Zero);
    }

    private static async Task FieldAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(422).Or.EqualTo(400), body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), Is.True, body);
    }

    private static async Task CodeAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("code").GetString(), Is.EqualTo(code), body);
    }
}
