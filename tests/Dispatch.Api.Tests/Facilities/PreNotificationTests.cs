using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Facilities;

/// <summary>
/// When a crew chooses a hospital, its emergency desk hears of the patient at once, live, and
/// acknowledges; it never sees patients heading elsewhere.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class PreNotificationTests(string database) : ApiTest(database)
{
    private const long Hospital = 5; // the sample hospital, rs1's own
    private const long Puskesmas = 2;

    [Test]
    public async Task The_hospital_hears_of_the_patient_within_a_second_of_the_crews_choice()
    {
        await using var hospitalHub = await Api.ListenAsync("rs1");
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew1");
        var incidentId = await Api.OnSceneAsync(op, crew, 1, "pre-1");
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync("/api/units/1/position", new { lat = -0.79, lon = 100.65 }));

        var clock = Stopwatch.StartNew();
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync("/api/units/1/status", new { status = "transporting", destinationId = Hospital }));
        var pushed = await hospitalHub.WaitForAsync(e => e.Type == "PreNotification" && e.Long("incidentId") == incidentId, TimeSpan.FromSeconds(5));
        clock.Stop();

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "arrives within 1 s of the crew's request");
        Assert.That(pushed.Str("triage"), Is.EqualTo("merah"));
        Assert.That(pushed.Str("complaint"), Is.EqualTo("nyeri dada"));
        Assert.That(pushed.Str("callSign"), Does.StartWith("AMB-01"));
        Assert.That(pushed.Long("facilityId"), Is.EqualTo(Hospital));
        Assert.That(pushed.Data.GetProperty("etaSeconds").GetDouble(), Is.GreaterThan(0));
        Assert.That(pushed.Str("etaBasis"), Is.EqualTo("road").Or.EqualTo("straightLine"));
        Assert.That(pushed.Data.GetProperty("chosenAt").GetDateTimeOffset(), Is.EqualTo(TimeProvider.System.GetUtcNow()).Within(TimeSpan.FromMinutes(1)));
        await ApiClient.ArriveAndFreeAsync(crew, 1);
        await hospitalHub.WaitForAsync(e => e.Type == "PreNotificationEnded" && e.Long("incidentId") == incidentId);
    }

    [Test]
    public async Task The_hospital_sees_the_crews_patient_records_heading_to_it_live_without_names()
    {
        await using var hospitalHub = await Api.ListenAsync("rs1");
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew1");
        var incidentId = await Api.OnSceneAsync(op, crew, 1, "pre-patients");
        var patients = $"/api/incidents/{incidentId}/patients";
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync(patients, new { id = "p-here", name = "Siti Aminah", age = 54, sex = "female", triage = "merah", icd10 = "I21.9" }));
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync(patients, new { id = "p-elsewhere", age = 20, triage = "hijau", destinationId = Puskesmas }));
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync("/api/units/1/status", new { status = "transporting", destinationId = Hospital }));
        var chosen = await hospitalHub.WaitForAsync(e => e.Type == "PreNotification" && e.Long("incidentId") == incidentId);
        var incoming = chosen.Data.GetProperty("patients").EnumerateArray().ToList();
        Assert.That(incoming.Select(p => p.GetProperty("id").GetString()), Is.EqualTo(new[] { "p-here" }), "not the patient going to the puskesmas");
        Assert.That((incoming[0].GetProperty("age").GetInt32(), incoming[0].GetProperty("sex").GetString(), incoming[0].GetProperty("icd10").GetString()),
            Is.EqualTo((54, "female", "I21.9")));
        Assert.That(chosen.Data.ToString(), Does.Not.Contain("Siti"), "the name stays with the crew until handover");

        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"{patients}/p-here/observations", new { id = "o-1", systolic = 90, diastolic = 60, pulse = 120, spo2 = 91 }));
        var observed = await hospitalHub.WaitForAsync(e => e.Type == "PreNotification" && e.Long("incidentId") == incidentId
            && e.Data.GetProperty("patients")[0].GetProperty("latest").ValueKind == System.Text.Json.JsonValueKind.Object);
        var latest = observed.Data.GetProperty("patients")[0].GetProperty("latest");
        Assert.That((latest.GetProperty("systolic").GetInt32(), latest.GetProperty("spo2").GetInt32()), Is.EqualTo((90, 91)), "a new observation reaches the hospital at once");
        await ApiClient.ArriveAndFreeAsync(crew, 1);
        await hospitalHub.WaitForAsync(e => e.Type == "PreNotificationEnded" && e.Long("incidentId") == incidentId);
    }

    [Test]
    public async Task The_hospital_acknowledges_and_operators_and_the_crew_see_who_and_when()
    {
        await using var opHub = await Api.ListenAsync("operator2");
        await using var crewHub = await Api.ListenAsync("crew2");
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew2");
        using var rs1 = await Api.AsAsync("rs1");
        var incidentId = await Api.OnSceneAsync(op, crew, 2, "pre-ack");
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync("/api/units/2/status", new { status = "transporting", destinationId = Hospital }));

        var incoming = (await ApiClient.OkJsonAsync(await rs1.GetAsync($"/api/facilities/{Hospital}/prenotifications"))).EnumerateArray()
            .Single(p => p.GetProperty("incidentId").GetInt64() == incidentId);
        var responseId = incoming.GetProperty("responseId").GetInt64();
        var acked = await ApiClient.OkJsonAsync(await rs1.PostAsync($"/api/facilities/{Hospital}/prenotifications/{responseId}/acknowledge", null));
        Assert.That(acked.GetProperty("acknowledgedBy").GetString(), Is.EqualTo("rs1"));

        foreach (var hub in new[] { opHub, crewHub })
            await hub.WaitForAsync(e => e.Type == "PreNotification" && e.Long("responseId") == responseId && e.Str("acknowledgedBy") == "rs1");
        var log = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/log"));
        Assert.That(log.ToString(), Does.Contain("prenotification.acknowledged"));
        var again = await ApiClient.OkJsonAsync(await rs1.PostAsync($"/api/facilities/{Hospital}/prenotifications/{responseId}/acknowledge", null));
        Assert.That(again.GetProperty("acknowledgedAt").GetDateTimeOffset(), Is.EqualTo(acked.GetProperty("acknowledgedAt").GetDateTimeOffset()), "acknowledged once");

        await ApiClient.ArriveAndFreeAsync(crew, 2);
        Assert.That((await ApiClient.OkJsonAsync(await rs1.GetAsync($"/api/facilities/{Hospital}/prenotifications"))).EnumerateArray()
            .Select(p => p.GetProperty("incidentId").GetInt64()), Has.No.Member(incidentId), "ended when the crew is available again");
        Assert.That((await rs1.PostAsync($"/api/facilities/{Hospital}/prenotifications/{responseId}/acknowledge", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_hospital_never_sees_a_patient_heading_to_another_facility()
    {
        await using var hospitalHub = await Api.ListenAsync("rs1");
        await using var opHub = await Api.ListenAsync("operator2");
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew1");
        using var rs1 = await Api.AsAsync("rs1");
        var incidentId = await Api.OnSceneAsync(op, crew, 1, "pre-other");
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync("/api/units/1/status", new { status = "transporting", destinationId = Puskesmas }));
        await opHub.WaitForAsync(e => e.Type == "PreNotification" && e.Long("incidentId") == incidentId && e.Long("facilityId") == Puskesmas);

        Assert.That((await rs1.GetAsync($"/api/facilities/{Puskesmas}/prenotifications")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await ApiClient.OkJsonAsync(await rs1.GetAsync($"/api/facilities/{Hospital}/prenotifications"))).EnumerateArray()
            .Select(p => p.GetProperty("incidentId").GetInt64()), Has.No.Member(incidentId));
        foreach (var path in new[] { $"/api/incidents/{incidentId}", $"/api/incidents/{incidentId}/log", $"/api/incidents/{incidentId}/notes", $"/api/incidents/{incidentId}/patients", "/api/incidents", "/api/units/1/assignment" })
            Assert.That((await rs1.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), path);
        var feed = (await ApiClient.OkJsonAsync(await rs1.GetAsync("/api/events?after=0"))).EnumerateArray().ToList();
        Assert.That(feed.Where(e => e.GetProperty("data").TryGetProperty("incidentId", out var i) && i.GetInt64() == incidentId), Is.Empty);
        Assert.That(feed.Select(e => e.GetProperty("type").GetString()), Is.All.EqualTo("PreNotification").Or.EqualTo("PreNotificationEnded").Or.EqualTo("AvailabilityChanged"));
        await ApiClient.ArriveAndFreeAsync(crew, 1);
        await opHub.WaitForAsync(e => e.Type == "PreNotificationEnded" && e.Long("incidentId") == incidentId);
        Assert.That(hospitalHub.Received.Where(e => e.Long("incidentId") == incidentId), Is.Empty, "nothing of it reached the hospital's hub");
    }

    [Test]
    public async Task A_facility_user_is_refused_the_crew_and_operator_endpoints_of_a_unit()
    {
        using var rs1 = await Api.AsAsync("rs1");
        var me = await ApiClient.OkJsonAsync(await rs1.GetAsync("/api/auth/me"));
        Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("facility"));
        Assert.That(me.GetProperty("facilityId").GetInt64(), Is.EqualTo(Hospital));
        Assert.That((await rs1.GetAsync("/api/units/1/destinations")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
