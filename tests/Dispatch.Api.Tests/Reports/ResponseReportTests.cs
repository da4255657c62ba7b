using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Reports;

/// <summary>
/// Reports and exports over live incidents with several responses (issue 13): two units sent to
/// one incident, each to its own hospital and back in service. The intervals keep the first-unit
/// definitions; workload, busy time, the unit filter and responses.csv count every response; the
/// national export lists every unit sent.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class ResponseReportTests(string database) : ApiTest(database)
{
    private long _incidentId, _majorId;
    private long _unitA, _unitB;
    private long _hospitalA, _hospitalB;
    private JsonElement _incident;
    private string _range = "";

    /// <summary>Unit A (crew1) is on scene first; unit B (crew2) arrives later; both transport and come back.</summary>
    [OneTimeSetUp]
    public async Task TwoUnitsOnOneIncident()
    {
        using var op = await Api.AsAsync("operator1");
        using var crewA = await Api.AsAsync("crew1");
        using var crewB = await Api.AsAsync("crew2");
        _unitA = (await ApiClient.OkJsonAsync(await crewA.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();
        _unitB = (await ApiClient.OkJsonAsync(await crewB.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();
        // Each unit takes its patient somewhere else: A to the hospital, B to a puskesmas.
        var facilities = (await ApiClient.OkJsonAsync(await crewA.GetAsync("/api/facilities"))).EnumerateArray().ToList();
        long First(string kind) => facilities.First(f => f.GetProperty("kind").GetString() == kind).GetProperty("id").GetInt64();
        (_hospitalA, _hospitalB) = (First("hospital"), First("puskesmas"));

        _incidentId = await Api.OpenIncidentAsync(op, "multi-1");
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{_incidentId}/assign", new { unitId = _unitA }));
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{_incidentId}/assign", new { unitId = _unitB }));
        await ApiClient.OkJsonAsync(await crewA.PostAsync($"/api/units/{_unitA}/acknowledge", null));
        await ApiClient.OkJsonAsync(await crewB.PostAsync($"/api/units/{_unitB}/acknowledge", null));
        async Task Step(HttpClient crew, long unit, string status, long? destinationId = null) =>
            await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unit}/status", new { status, destinationId }));
        await Step(crewA, _unitA, "enRoute");
        await Step(crewB, _unitB, "enRoute");
        await Step(crewA, _unitA, "onScene");
        await Task.Delay(300); // B's arrival is measurably later than A's
        await Step(crewB, _unitB, "onScene");
        await Step(crewA, _unitA, "transporting", _hospitalA);
        await Step(crewB, _unitB, "transporting", _hospitalB);
        foreach (var (crew, unit) in new[] { (crewA, _unitA), (crewB, _unitB) })
        {
            await Step(crew, unit, "atDestination");
            await Step(crew, unit, "available");
        }
        _incident = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{_incidentId}"));

        // A second incident, no unit sent yet, made a major incident with four patients.
        _majorId = await Api.OpenIncidentAsync(op, "multi-major");
        var version = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{_majorId}"))).GetProperty("version").GetInt64();
        await ApiClient.OkJsonAsync(await op.PatchAsJsonAsync($"/api/incidents/{_majorId}", new { isMajor = true, patientCount = 4, version }));
        var day = DateOnly.FromDateTime(Received.ToOffset(TimeSpan.FromHours(7)).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _range = $"from={day}&to={day}";
    }

    private DateTimeOffset Received => _incident.GetProperty("times").GetProperty("callReceived").GetDateTimeOffset();

    private JsonElement Response(long unitId) => _incident.GetProperty("responses").EnumerateArray().Single(r => r.GetProperty("unitId").GetInt64() == unitId);

    private static DateTimeOffset At(JsonElement response, string point) => response.GetProperty(point).GetDateTimeOffset();

    [Test]
    public async Task The_report_keeps_first_unit_intervals_and_counts_both_units_workload()
    {
        using var office = await Api.AsAsync("dinkes1");
        var report = await ApiClient.OkJsonAsync(await office.GetAsync($"/api/reports/response-times?{_range}"));
        Assert.That(report.GetProperty("incidents").GetInt64(), Is.EqualTo(2), "the two-unit incident and the major one");

        var (a, b) = (Response(_unitA), Response(_unitB));
        Assert.That(At(b, "onSceneAt"), Is.GreaterThan(At(a, "onSceneAt")));
        var callToOnScene = report.GetProperty("intervals").GetProperty("callToOnScene");
        Assert.That(callToOnScene.GetProperty("count").GetInt64(), Is.EqualTo(1));
        Assert.That(callToOnScene.GetProperty("median").GetDouble(), Is.EqualTo((At(a, "onSceneAt") - Received).TotalSeconds).Within(0.0005),
            "on scene = the first unit on scene; B arriving later changes nothing");
        var firstNotified = new[] { At(a, "notifiedAt"), At(b, "notifiedAt") }.Min();
        Assert.That(report.GetProperty("intervals").GetProperty("dispatchToEnRoute").GetProperty("median").GetDouble(),
            Is.EqualTo((new[] { At(a, "enRouteAt"), At(b, "enRouteAt") }.Min() - firstNotified).TotalSeconds).Within(0.0005));

        var units = report.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitId").GetInt64());
        Assert.That(units.Keys, Is.EquivalentTo(new[] { _unitA, _unitB }), "each unit sent counts, not only the incident's primary unit");
        foreach (var (unit, response) in new[] { (_unitA, a), (_unitB, b) })
        {
            Assert.That(units[unit].GetProperty("incidents").GetInt64(), Is.EqualTo(1));
            Assert.That(units[unit].GetProperty("busySeconds").GetDouble(),
                Is.EqualTo((At(response, "backInServiceAt") - At(response, "notifiedAt")).TotalSeconds).Within(0.0005), "notified -> back in service");
        }

        // A filter on the incidents themselves takes the other workload query (joined to the
        // incidents): the same units and busy time when the filter keeps the same incidents.
        var emergencies = await ApiClient.OkJsonAsync(await office.GetAsync($"/api/reports/response-times?{_range}&emergency=true"));
        Assert.That(emergencies.GetProperty("units").ToString(), Is.EqualTo(report.GetProperty("units").ToString()));
    }

    [Test]
    public async Task The_unit_filter_finds_the_incident_by_any_of_its_units()
    {
        using var office = await Api.AsAsync("dinkes1");
        foreach (var unit in new[] { _unitA, _unitB })
        {
            var report = await ApiClient.OkJsonAsync(await office.GetAsync($"/api/reports/response-times?{_range}&unit={unit}"));
            Assert.That(report.GetProperty("incidents").GetInt64(), Is.EqualTo(1), $"unit {unit}");
            Assert.That(report.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetInt64()), Is.EqualTo(new[] { unit }),
                "the workload of the filtered unit only");
        }
        var other = await ApiClient.OkJsonAsync(await office.GetAsync($"/api/reports/response-times?{_range}&unit=999999"));
        Assert.That(other.GetProperty("incidents").GetInt64(), Is.Zero);
    }

    [Test]
    public async Task Responses_csv_has_one_row_per_unit_sent_with_its_own_times_and_destination()
    {
        using var office = await Api.AsAsync("dinkes1");
        using var response = await office.GetAsync($"/api/exports/responses.csv?{_range}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("responses.csv"));
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines[0].Split(',');
        Assert.That(header, Is.EqualTo(new[]
        {
            "incident_id", "response_id", "unit_id", "call_sign", "plate", "status", "via", "unit_notified_wib", "unit_acknowledged_wib", "en_route_wib",
            "on_scene_wib", "left_scene_wib", "at_destination_wib", "handover_wib", "back_in_service_wib", "ended_wib", "destination", "end_reason",
            "end_note", "diverted_to_incident_id",
        }));
        Assert.That(lines, Has.Count.EqualTo(3), "a header and the two-unit incident's two responses (the major one has none)");
        var facilities = (await ApiClient.OkJsonAsync(await (await Api.AsAsync("operator1")).GetAsync("/api/facilities"))).EnumerateArray()
            .ToDictionary(f => f.GetProperty("id").GetInt64(), f => f.GetProperty("name").GetString());
        foreach (var (unit, hospital) in new[] { (_unitA, _hospitalA), (_unitB, _hospitalB) })
        {
            var cells = lines.Skip(1).Select(l => l.Split(',')).Single(c => c[2] == unit.ToString(CultureInfo.InvariantCulture));
            string Cell(string name) => cells[Array.IndexOf(header, name)];
            var expected = Response(unit);
            Assert.That(Cell("incident_id"), Is.EqualTo(_incidentId.ToString(CultureInfo.InvariantCulture)));
            Assert.That(Cell("call_sign"), Is.EqualTo(expected.GetProperty("callSign").GetString()));
            Assert.That(Cell("status"), Is.EqualTo("ended"));
            Assert.That(Cell("end_reason"), Is.EqualTo("completed"));
            Assert.That(Cell("destination"), Is.EqualTo(facilities[hospital]));
            foreach (var (column, point) in new[] { ("unit_notified_wib", "notifiedAt"), ("on_scene_wib", "onSceneAt"), ("back_in_service_wib", "backInServiceAt") })
            {
                Assert.That(Cell(column), Does.EndWith("+07:00"), column);
                Assert.That(DateTimeOffset.Parse(Cell(column), CultureInfo.InvariantCulture), Is.EqualTo(At(expected, point)), column);
            }
        }
        var incidents = (await (await office.GetAsync($"/api/exports/incidents.csv?{_range}")).Content.ReadAsStringAsync()).TrimEnd().Split('\n');
        Assert.That(incidents, Has.Length.EqualTo(3), "incidents.csv keeps one row per incident");
    }

    [Test]
    public async Task The_national_export_lists_every_unit_sent_the_patient_count_and_the_major_flag()
    {
        using var op = await Api.AsAsync("operator1");
        using var office = await Api.AsAsync("dinkes1");
        var plates = await PlatesAsync(op);
        var row = (await ApiClient.OkJsonAsync(await office.GetAsync($"/api/exports/kemenkes?{_range}&format=json"))).EnumerateArray()
            .Single(r => r.GetProperty("ticket_id").GetString() == _incidentId.ToString(CultureInfo.InvariantCulture));
        Assert.That(row.GetProperty("nomor_kendaraan").GetString(), Is.EqualTo($"{plates[_unitA]}, {plates[_unitB]}"), "in the order they were notified");
        Assert.That(row.GetProperty("korban").GetInt32(), Is.EqualTo(_incident.GetProperty("patientCount").GetInt32()));
        Assert.That(row.GetProperty("is_krisis").GetBoolean(), Is.False);
        var names = (await ApiClient.OkJsonAsync(await op.GetAsync("/api/facilities"))).EnumerateArray()
            .ToDictionary(f => f.GetProperty("id").GetInt64(), f => f.GetProperty("name").GetString());
        Assert.That(row.GetProperty("rumahsakit_rujukan").GetString(), Is.EqualTo($"{names[_hospitalA]}, {names[_hospitalB]}"),
            "without patient records, every unit's destination, in the order chosen");
        var csv = (await (await office.GetAsync($"/api/exports/kemenkes?{_range}&format=csv")).Content.ReadAsStringAsync()).TrimEnd().Split('\n');
        var header = csv[0].TrimEnd('\r').Split(',');
        Assert.That(csv.Single(l => l.Contains($",{_incidentId},", StringComparison.Ordinal)), Does.Contain($"\"{plates[_unitA]}, {plates[_unitB]}\""), "the list is one quoted CSV field");
        Assert.That(header, Does.Contain("is_krisis"));
    }

    [Test]
    public async Task A_major_incident_with_more_patients_is_krisis_and_counts_them()
    {
        using var office = await Api.AsAsync("dinkes1");
        var rows = (await ApiClient.OkJsonAsync(await office.GetAsync($"/api/exports/kemenkes?{_range}&format=json"))).EnumerateArray();
        var row = rows.Single(r => r.GetProperty("ticket_id").GetString() == _majorId.ToString(CultureInfo.InvariantCulture));
        Assert.That(row.GetProperty("is_krisis").GetBoolean(), Is.True);
        Assert.That(row.GetProperty("korban").GetInt32(), Is.EqualTo(4));
        Assert.That(row.GetProperty("nomor_kendaraan").ValueKind, Is.EqualTo(JsonValueKind.Null), "no unit sent yet");
        var csv = await (await office.GetAsync($"/api/exports/kemenkes?{_range}&format=csv")).Content.ReadAsStringAsync();
        Assert.That(csv.Split('\n').Single(l => l.Contains($",{_majorId},", StringComparison.Ordinal)).TrimEnd('\r'), Does.EndWith(",true"));
    }

    private async Task<Dictionary<long, string>> PlatesAsync(HttpClient op) =>
        (await ApiClient.OkJsonAsync(await op.GetAsync("/api/units"))).EnumerateArray()
            .ToDictionary(u => u.GetProperty("id").GetInt64(), u => u.GetProperty("plate").GetString()!);
}
