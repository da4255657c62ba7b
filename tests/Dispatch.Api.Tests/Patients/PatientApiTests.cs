using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;
using static Dispatch.Api.Tests.Incidents.Dispatching;

namespace Dispatch.Api.Tests.Patients;

/// <summary>
/// Patient records through the API: the crew on the incident records them (idempotently, as a
/// phone replaying its queue does), operators hear them live, a crew of another unit is refused,
/// and wrong values are 400s naming the field.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class PatientApiTests(string database) : ApiTest(database)
{
    [SetUp]
    public Task FreeUnits() => FreeAllUnitsAsync(Api);

    private async Task<(HttpClient Op, HttpClient Crew, long IncidentId, long UnitId)> AssignedIncidentAsync()
    {
        var op = await Api.AsAsync("operator1");
        var crew = await Api.AsAsync("crew1");
        var unitId = await UnitOfAsync(crew);
        var incidentId = await Api.OpenIncidentAsync(op, $"patients-{Guid.NewGuid():n}");
        await AssignedAsync(op, incidentId, unitId);
        return (op, crew, incidentId, unitId);
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await ApiClient.OkJsonAsync(response);
    }

    private string RawLogDetails(long incidentId, string action)
    {
        using var db = App.OpenDatabase();
        return db.ExecuteScalar<string>("SELECT details FROM incident_log WHERE incident_id = @IncidentId AND action = @Action", new { IncidentId = incidentId, Action = action })!;
    }

    [Test]
    public async Task The_crew_records_a_patient_once_however_often_the_phone_sends_it_and_operators_hear_it()
    {
        await using var operatorHub = await Api.ListenAsync("operator2");
        var (op, crew, incidentId, _) = await AssignedIncidentAsync();
        using var _op = op; using var _crew = crew;
        var id = Guid.NewGuid().ToString();
        var body = new { id, name = "Budi Santoso", age = 67, sex = "male", triage = "merah", icd10 = "i21.9", treatments = new[] { "Oksigen", "Posisi setengah duduk" } };

        var first = await crew.PostAsJsonAsync($"/api/incidents/{incidentId}/patients", body);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        var replay = await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/incidents/{incidentId}/patients", body));
        Assert.That(replay.GetProperty("version").GetInt32(), Is.EqualTo(1), "a replay changes nothing");

        var pushed = await operatorHub.WaitForAsync(e => e.Type == "PatientChanged" && e.Str("id") == id);
        Assert.That((pushed.Long("incidentId"), pushed.Str("name"), pushed.Str("icd10"), pushed.Str("ageGroup")), Is.EqualTo(((long?)incidentId, "Budi Santoso", "I21.9", "elderly")));

        var list = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/patients"))).EnumerateArray().ToList();
        Assert.That(list.Select(p => p.GetProperty("id").GetString()), Is.EqualTo(new[] { id }), "one patient, not two");
        Assert.That(list[0].GetProperty("treatments").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "Oksigen", "Posisi setengah duduk" }));

        var withoutId = await CreatedAsync(await crew.PostAsJsonAsync($"/api/incidents/{incidentId}/patients", new { triage = "hijau" }));
        Assert.That(Guid.TryParse(withoutId.GetProperty("id").GetString(), out _), Is.True, "the server makes a UUID");

        // The log keeps who did what; its copies of personal values open for the operator.
        var added = (await LogAsync(op, incidentId)).First(l => l.GetProperty("action").GetString() == "patient.add");
        Assert.That(added.GetProperty("details").GetProperty("name").GetString(), Is.EqualTo("Budi Santoso"));
        Assert.That(RawLogDetails(incidentId, "patient.add"), Does.Not.Contain("Budi"), "sealed in the database");
    }

    [Test]
    public async Task The_same_id_on_another_incident_is_refused()
    {
        var (op, crew, incidentId, _) = await AssignedIncidentAsync();
        using var _op = op; using var _crew = crew;
        var id = Guid.NewGuid().ToString();
        await CreatedAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/patients", new { id }));
        var other = await Api.OpenIncidentAsync(op, $"patients-{Guid.NewGuid():n}");
        var refused = await ProblemAsync(await op.PostAsJsonAsync($"/api/incidents/{other}/patients", new { id }), HttpStatusCode.UnprocessableEntity);
        Assert.That(Code(refused), Is.EqualTo("patient-id-taken"));
    }

    [Test]
    public async Task A_crew_of_another_unit_neither_reads_nor_writes_patients()
    {
        var (op, crew, incidentId, _) = await AssignedIncidentAsync();
        using var _op = op; using var _crew = crew;
        using var other = await Api.AsAsync("crew2");
        var id = Guid.NewGuid().ToString();
        await CreatedAsync(await crew.PostAsJsonAsync($"/api/incidents/{incidentId}/patients", new { id }));
        foreach (var response in new[]
                 {
                     await other.GetAsync($"/api/incidents/{incidentId}/patients"),
                     await other.PostAsJsonAsync($"/api/incidents/{incidentId}/patients", new { triage = "hijau" }),
                     await other.PutAsJsonAsync($"/api/incidents/{incidentId}/patients/{id}", new { triage = "hijau" }),
                     await other.PostAsJsonAsync($"/api/incidents/{incidentId}/patients/{id}/observations", new { pulse = 80 }),
                 })
            Assert.That(Code(await ProblemAsync(response, HttpStatusCode.Forbidden)), Is.EqualTo("own-unit-only"));
        Assert.That((await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/patients"))).GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Wrong_values_are_400s_naming_the_field_and_record_gaps_are_flagged()
    {
        var (op, crew, incidentId, _) = await AssignedIncidentAsync();
        using var _op = op; using var _crew = crew;
        var url = $"/api/incidents/{incidentId}/patients";
        await NamesFieldAsync(await crew.PostAsJsonAsync(url, new { icd10 = "jantung" }), "icd10");
        await NamesFieldAsync(await crew.PostAsJsonAsync(url, new { age = 200 }), "age");
        await NamesFieldAsync(await crew.PostAsJsonAsync(url, new { sisruteRef = "ref;drop" }), "sisruteRef");
        await NamesFieldAsync(await crew.PostAsJsonAsync(url, new { triage = "ungu" }), "triage");
        await NamesFieldAsync(await crew.PostAsJsonAsync(url, new { treatments = new[] { new string('x', 201) } }), "treatments");
        await NamesFieldAsync(await crew.PostAsJsonAsync(url, new { id = "a/b" }), "id");
        var gap = await CreatedAsync(await crew.PostAsJsonAsync(url, new { outcome = "transported", receivedBy = "Ns. Sari" }));
        Assert.That(gap.GetProperty("missing").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "destinationId", "handoverAt" }),
            "entered out of order (often offline): kept and flagged, never refused");

        var id = (await CreatedAsync(await crew.PostAsJsonAsync(url, new { triage = "kuning" }))).GetProperty("id").GetString();
        await NamesFieldAsync(await crew.PostAsJsonAsync($"{url}/{id}/observations", new { spo2 = 170 }), "spo2");
        await NamesFieldAsync(await crew.PostAsJsonAsync($"{url}/{id}/observations", new { gcs = 2 }), "gcs");
        await NamesFieldAsync(await crew.PostAsJsonAsync($"{url}/{id}/observations", new { pulse = 80.5 }), "pulse");
        await NamesFieldAsync(await crew.PostAsJsonAsync($"{url}/{id}/observations", new { at = TimeProvider.System.GetUtcNow() }), "$");
        Assert.That((await ApiClient.OkJsonAsync(await op.GetAsync(url))).EnumerateArray().Single(p => p.GetProperty("id").GetString() == id)
            .GetProperty("observations").GetArrayLength(), Is.Zero, "nothing refused was written");
    }

    [Test]
    public async Task Two_phones_changing_different_fields_keep_both_and_a_versioned_change_conflicts()
    {
        var (op, crew, incidentId, _) = await AssignedIncidentAsync();
        using var _op = op; using var _crew = crew;
        var (hospital, _, _) = await FacilitiesAsync(op);
        var url = $"/api/incidents/{incidentId}/patients";
        var id = Guid.NewGuid().ToString();
        await CreatedAsync(await crew.PostAsJsonAsync(url, new { id, triage = "kuning" }));

        await ApiClient.OkJsonAsync(await crew.PutAsJsonAsync($"{url}/{id}", new { sex = "female" }));
        var both = await ApiClient.OkJsonAsync(await op.PutAsJsonAsync($"{url}/{id}", new { outcome = "transported", destinationId = hospital, sisruteRef = " SR-2026/0042 " }));
        Assert.That((both.GetProperty("sex").GetString(), both.GetProperty("triage").GetString(), both.GetProperty("sisruteRef").GetString(), both.GetProperty("version").GetInt32()),
            Is.EqualTo(("female", "kuning", "SR-2026/0042", 3)));

        var found = await ApiClient.OkJsonAsync(await op.GetAsync("/api/incidents/search?q=sr-2026%2F0042"));
        Assert.That(found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()), Does.Contain(incidentId), "the SISRUTE reference finds the incident");

        var stale = await ProblemAsync(await op.PutAsJsonAsync($"{url}/{id}", new { triage = "merah", version = 2 }), HttpStatusCode.Conflict);
        Assert.That(Code(stale), Is.EqualTo("concurrency"));
        var cleared = await ApiClient.OkJsonAsync(await op.PutAsJsonAsync($"{url}/{id}", new { sisruteRef = (string?)null, version = 3 }));
        Assert.That(cleared.GetProperty("sisruteRef").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(cleared.GetProperty("triage").GetString(), Is.EqualTo("kuning"));
        Assert.That(Code(await ProblemAsync(await op.PutAsJsonAsync($"{url}/nobody", new { triage = "merah" }), HttpStatusCode.NotFound)), Is.EqualTo("not-found"));
    }

    [Test]
    public async Task An_observation_replayed_with_its_id_is_recorded_once_and_pushed_to_the_crew()
    {
        var (op, crew, incidentId, _) = await AssignedIncidentAsync();
        using var _op = op; using var _crew = crew;
        await using var crewHub = await Api.ListenAsync("crew1");
        var url = $"/api/incidents/{incidentId}/patients";
        var id = Guid.NewGuid().ToString();
        await CreatedAsync(await crew.PostAsJsonAsync(url, new { id }));
        var observation = new { id = Guid.NewGuid().ToString(), at = TimeProvider.System.GetUtcNow().AddMinutes(-3), systolic = 90, diastolic = 60, pulse = 120, spo2 = 91, gcs = 14, temperature = 36.84 };
        await CreatedAsync(await op.PostAsJsonAsync($"{url}/{id}/observations", observation));
        var again = await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"{url}/{id}/observations", observation));
        var recorded = again.GetProperty("observations").EnumerateArray().Single();
        Assert.That((recorded.GetProperty("pulse").GetInt32(), recorded.GetProperty("temperature").GetDouble(), recorded.GetProperty("recordedBy").GetString()),
            Is.EqualTo((120, 36.8, "operator1")));
        Assert.That(recorded.GetProperty("respRate").ValueKind, Is.EqualTo(JsonValueKind.Null));
        await crewHub.WaitForAsync(e => e.Type == "PatientChanged" && e.Str("id") == id && e.Data.GetProperty("observations").GetArrayLength() == 1);
    }
}
