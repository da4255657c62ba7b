using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Reports;

/// <summary>
/// History import, the response-time report and the exports on a hand-computed fixture
/// (Reports/Data/history.csv; the expected figures are worked out in the comments).
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class ReportTests(string database) : ApiTest(database)
{
    private static readonly string Data = Path.Combine(TestContext.CurrentContext.TestDirectory, "Reports", "Data");
    private JsonElement _firstImport;
    private JsonElement _secondImport;
    private JsonElement _report;

    [OneTimeSetUp]
    public async Task ImportTwiceAndReport()
    {
        using var office = await Api.AsAsync("dinkes1");
        _firstImport = await ImportAsync(office);
        _secondImport = await ImportAsync(office);
        _report = await ApiClient.OkJsonAsync(await office.GetAsync("/api/reports/response-times?from=2025-03-01&to=2025-03-31"));
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, string query = "")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Data, "history.csv")));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "history.csv");
        form.Add(new StringContent(await File.ReadAllTextAsync(Path.Combine(Data, "mapping.json"))), "mapping");
        return await ApiClient.OkJsonAsync(await client.PostAsync($"/api/imports/incidents{query}", form));
    }

    [Test]
    public void The_import_reports_each_faulty_row_with_its_reason()
    {
        Assert.That(_firstImport.GetProperty("rows").GetInt32(), Is.EqualTo(10));
        // A8 (triage "ungu") and A9 (unit AMB-99) are kept with what they lack flagged; they are in February, outside the report.
        Assert.That(_firstImport.GetProperty("imported").GetInt32(), Is.EqualTo(7));
        var rejected = _firstImport.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("reason").GetString()!)).ToList();
        Assert.That(rejected.Select(r => r.Item1), Is.EqualTo(new[] { 7, 8, 11 }));
        Assert.That(_firstImport.GetProperty("rejectedCount").GetInt32(), Is.EqualTo(3));
        Assert.That(rejected[0].Item2, Does.Contain("externalId"));
        Assert.That(rejected[1].Item2, Does.Contain("callReceived").And.Contain("kemarin"));
        Assert.That(rejected[2].Item2, Does.Contain("earlier in this file"));
        // The page says each reason in its own language from the code, the field and the value.
        var coded = _firstImport.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("code").GetString(), r.GetProperty("field").GetString(), r.GetProperty("value").GetString())).ToList();
        Assert.That(coded, Is.EqualTo(new[] { ("missing", "externalId", null), ("bad-time", "callReceived", "kemarin"), ("duplicate-in-file", "externalId", "A1") }));
        Assert.That(_firstImport.GetProperty("flagged").GetProperty("triage").GetInt32(), Is.EqualTo(1), "A8");
        Assert.That(_firstImport.GetProperty("flagged").GetProperty("unit").GetInt32(), Is.EqualTo(2), "A8 has none, A9 an unknown one");
        Assert.That(_firstImport.GetProperty("unknownValues").GetProperty("triage")[0].GetProperty("value").GetString(), Is.EqualTo("ungu"));
        Assert.That(_firstImport.GetProperty("unknownValues").GetProperty("unit")[0].GetProperty("value").GetString(), Is.EqualTo("AMB-99"));
        Assert.That(_firstImport.GetProperty("preview").GetArrayLength(), Is.EqualTo(5));
    }

    [Test]
    public void A_second_import_of_the_same_file_adds_nothing()
    {
        Assert.That(_secondImport.GetProperty("imported").GetInt32(), Is.Zero);
        Assert.That(_secondImport.GetProperty("skipped").GetInt32(), Is.EqualTo(7));
        Assert.That(_report.GetProperty("incidents").GetInt64(), Is.EqualTo(5));
    }

    [Test]
    public async Task Imported_incidents_are_marked_in_the_log()
    {
        using var db = App.OpenDatabase();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM incident_log WHERE action = 'incident.imported'";
        Assert.That((long)(await cmd.ExecuteScalarAsync())!, Is.EqualTo(7));
        cmd.CommandText = "SELECT COUNT(*) FROM incidents WHERE is_imported = TRUE";
        Assert.That((long)(await cmd.ExecuteScalarAsync())!, Is.EqualTo(7));
    }

    [Test]
    public async Task An_imported_row_with_a_unit_has_its_completed_response_with_the_rows_times()
    {
        using var db = App.OpenDatabase();
        using var cmd = db.CreateCommand();
        // A1: unit notified 08:01, en route 08:02, on scene 08:10 (WIB), no back-in-service time: it ended on scene.
        cmd.CommandText = "SELECT COUNT(*) FROM responses r JOIN incidents i ON i.id = r.incident_id WHERE i.is_imported = TRUE " +
                          "AND r.end_reason = 'Completed' AND r.status = 'Ended' AND r.unit_id = i.unit_id AND r.notified_at = i.unit_notified_at " +
                          "AND r.on_scene_at = i.on_scene_at AND r.ended_at IS NOT NULL";
        Assert.That((long)(await cmd.ExecuteScalarAsync())!, Is.EqualTo(5), "one response per imported row with a known unit, none for the re-import");
        cmd.CommandText = "SELECT r.notified_at, r.en_route_at, r.on_scene_at, r.ended_at, r.call_sign FROM responses r " +
                          "JOIN incidents i ON i.id = r.incident_id JOIN calls c ON c.id = i.call_id WHERE c.external_id = 'import:A1'";
        using var reader = await cmd.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True);
        var at = new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7));
        Assert.That(new[] { reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3) },
            Is.EqualTo(new[] { at.AddMinutes(1), at.AddMinutes(2), at.AddMinutes(10), at.AddMinutes(10) }.Select(t => t.ToUnixTimeMilliseconds())));
        Assert.That(reader.GetString(4), Is.EqualTo("AMB-01 (contoh)"));
    }

    private JsonElement Interval(string name) => _report.GetProperty("intervals").GetProperty(name);

    private static void AssertSummary(JsonElement s, long count, long invalid, double mean, double median, double p90, double p95, double max)
    {
        Assert.Multiple(() =>
        {
            Assert.That(s.GetProperty("count").GetInt64(), Is.EqualTo(count), "count");
            Assert.That(s.GetProperty("invalid").GetInt64(), Is.EqualTo(invalid), "invalid");
            Assert.That(s.GetProperty("mean").GetDouble(), Is.EqualTo(mean).Within(1e-9), "mean");
            Assert.That(s.GetProperty("median").GetDouble(), Is.EqualTo(median).Within(1e-9), "median");
            Assert.That(s.GetProperty("p90").GetDouble(), Is.EqualTo(p90).Within(1e-9), "p90");
            Assert.That(s.GetProperty("p95").GetDouble(), Is.EqualTo(p95).Within(1e-9), "p95");
            Assert.That(s.GetProperty("max").GetDouble(), Is.EqualTo(max).Within(1e-9), "max");
        });
    }

    // callToAnswer: A1 10, A2 20, A3 30, A4 answered before the call (invalid), A5 10 (a tie).
    // Sorted 10 10 20 30: mean 17.5; median h=1.5 -> 15; p90 h=2.7 -> 27; p95 h=2.85 -> 28.5.
    [Test]
    public void Call_to_answer_excludes_the_out_of_order_row_and_interpolates_between_ranks() =>
        AssertSummary(Interval("callToAnswer"), 4, 1, 17.5, 15, 27, 28.5, 30);

    // answerToDispatch: 50 100 60 70 50 -> sorted 50 50 60 70 100: mean 66; median 60; p90 h=3.6 -> 88; p95 h=3.8 -> 94.
    [Test]
    public void Answer_to_dispatch_over_five_values_with_a_tie() =>
        AssertSummary(Interval("answerToDispatch"), 5, 0, 66, 60, 88, 94, 100);

    // dispatchToEnRoute: A3 has no en-route time (invalid): 60 60 30 60 -> sorted 30 60 60 60.
    [Test]
    public void Dispatch_to_en_route_counts_the_missing_time_point_as_invalid() =>
        AssertSummary(Interval("dispatchToEnRoute"), 4, 1, 52.5, 60, 60, 60, 60);

    // callToOnScene: 600 1380 900 390 600 -> sorted 390 600 600 900 1380: mean 774; p90 h=3.6 -> 1188; p95 h=3.8 -> 1284.
    [Test]
    public void Call_to_on_scene() => AssertSummary(Interval("callToOnScene"), 5, 0, 774, 600, 1188, 1284, 1380);

    [Test]
    public void An_interval_with_no_valid_value_has_only_its_invalid_count()
    {
        var s = Interval("onSceneToDestination");
        Assert.That(s.GetProperty("count").GetInt64(), Is.Zero);
        Assert.That(s.GetProperty("invalid").GetInt64(), Is.EqualTo(5));
        Assert.That(s.GetProperty("median").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    // Merah target 10 min: A1 600 s (on target, the boundary counts), A3 900 s (late), A5 600 s: 2 of 3.
    [Test]
    public void Compliance_per_triage_against_the_configured_targets()
    {
        var compliance = _report.GetProperty("compliance");
        Assert.That(compliance.GetProperty("merah").GetProperty("onTarget").GetInt64(), Is.EqualTo(2));
        Assert.That(compliance.GetProperty("merah").GetProperty("share").GetDouble(), Is.EqualTo(2.0 / 3).Within(1e-9));
        Assert.That(compliance.GetProperty("kuning").GetProperty("share").GetDouble(), Is.EqualTo(1.0));
        Assert.That(compliance.GetProperty("hijau").GetProperty("share").ValueKind, Is.EqualTo(JsonValueKind.Null), "no target for hijau");
    }

    [Test]
    public void Breakdowns_by_area_hour_month_unit_and_source()
    {
        Assert.That(_report.GetProperty("volumes").GetProperty("callsBySource").GetProperty("ncc").GetInt64(), Is.EqualTo(1));
        // Counted per row (SQLite) or by the database (ReportSql.Grouped): every imported row's call, once.
        Assert.That(_report.GetProperty("volumes").GetProperty("callsByOutcome").EnumerateObject().Sum(o => o.Value.GetInt64()), Is.EqualTo(5));
        Assert.That(_report.GetProperty("volumes").GetProperty("incidentsByTriage").GetProperty("merah").GetInt64(), Is.EqualTo(3));
        var heat = _report.GetProperty("heatmap").EnumerateArray().ToList();
        Assert.That(heat.Sum(h => h.GetProperty("incidents").GetInt64()), Is.EqualTo(5));
        Assert.That(heat.All(h => h.GetProperty("weekday").GetInt32() == 1), Is.True, "3 March 2025 was a Monday (WIB)");
        Assert.That(heat.Select(h => h.GetProperty("hour").GetInt32()), Is.EquivalentTo(new[] { 8, 9, 10, 11, 12 }));
        var trend = _report.GetProperty("trend").EnumerateArray().Single();
        Assert.That(trend.GetProperty("month").GetString(), Is.EqualTo("2025-03"));
        Assert.That(trend.GetProperty("medianResponseSeconds").GetDouble(), Is.EqualTo(600));
        Assert.That(_report.GetProperty("units").EnumerateArray().Single().GetProperty("incidents").GetInt64(), Is.EqualTo(5));
        var kelurahan = _report.GetProperty("byKelurahan").EnumerateArray().ToList();
        Assert.That(kelurahan.Sum(k => k.GetProperty("incidents").GetInt64()), Is.EqualTo(5));
        Assert.That(kelurahan.Any(k => k.GetProperty("name").GetString() == "Tanah Garam"), Is.True);
    }

    [Test]
    public async Task Filters_narrow_the_report()
    {
        using var office = await Api.AsAsync("dinkes1");
        var merah = await ApiClient.OkJsonAsync(await office.GetAsync("/api/reports/response-times?from=2025-03-01&to=2025-03-31&triage=merah&source=line119"));
        Assert.That(merah.GetProperty("incidents").GetInt64(), Is.EqualTo(2), "A1 and A3; A5 came through the app");
        var none = await ApiClient.OkJsonAsync(await office.GetAsync("/api/reports/response-times?from=2025-04-01&to=2025-04-30"));
        Assert.That(none.GetProperty("incidents").GetInt64(), Is.Zero);
        var bad = await office.GetAsync("/api/reports/response-times?from=2025-03-31&to=2025-03-01&triage=ungu");
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await ApiClient.OkJsonAsync(new HttpResponseMessage(HttpStatusCode.OK) { Content = bad.Content });
        Assert.That(problem.GetProperty("errors").TryGetProperty("triage", out _) && problem.GetProperty("errors").TryGetProperty("to", out _), Is.True);
    }

    [Test]
    public async Task The_incident_export_has_every_time_point_and_interval()
    {
        using var office = await Api.AsAsync("dinkes1");
        var response = await office.GetAsync("/api/exports/incidents.csv?from=2025-03-01&to=2025-03-31");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines[0].Split(',');
        Assert.That(header, Is.SupersetOf(new[] { "id", "triage", "call_received_utc", "on_scene_utc", "callToOnScene_s", "dispatchToBackInService_s" }));
        Assert.That(lines, Has.Count.EqualTo(6));
        var a1 = lines.Single(l => l.Contains("import:A1", StringComparison.Ordinal));
        var cells = ParseCsvLine(a1);
        string Cell(string name) => cells[Array.IndexOf(header, name)];
        Assert.That(Cell("call_received_utc"), Is.EqualTo("2025-03-03T01:00:00.000Z"), "08:00 WIB");
        Assert.That(Cell("callToOnScene_s"), Is.EqualTo("600"));
        Assert.That(Cell("triage"), Is.EqualTo("merah"));
        Assert.That(Cell("priority"), Is.EqualTo("P1"));
        Assert.That(Cell("unit"), Is.EqualTo("AMB-01 (contoh)"));
        Assert.That(Cell("dispatchToBackInService_s"), Is.Empty, "no back-in-service time: invalid, left empty");
        var a5 = ParseCsvLine(lines.Single(l => l.Contains("import:A5", StringComparison.Ordinal)));
        Assert.That(a5[Array.IndexOf(header, "complaint")], Is.EqualTo("pingsan, kejang"), "quoted field with a comma");
    }

    [Test]
    public async Task The_national_report_shape_in_json_and_csv()
    {
        using var office = await Api.AsAsync("dinkes1");
        using var jsonResponse = await office.GetAsync("/api/exports/kemenkes?from=2025-03-01&to=2025-03-31&format=json");
        Assert.That(jsonResponse.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"), "the page's link saves a file");
        Assert.That(jsonResponse.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("kemenkes.json"));
        var json = await ApiClient.OkJsonAsync(jsonResponse);
        var a1 = json.EnumerateArray().First(r => r.GetProperty("keluhan").GetString() == "sesak napas");
        Assert.That(a1.GetProperty("tgl_pelaporan").GetString(), Is.EqualTo("2025-03-03"));
        Assert.That(a1.GetProperty("jam_pelaporan").GetString(), Is.EqualTo("08:00:00"));
        Assert.That(a1.GetProperty("waktu_respons").GetDouble(), Is.EqualTo(10));
        Assert.That(a1.GetProperty("nomor_kendaraan").GetString(), Is.EqualTo("CONTOH-0001"));
        Assert.That(a1.GetProperty("jenis_layanan").GetString(), Is.EqualTo("emergency"));
        Assert.That(a1.GetProperty("icd_10").ValueKind, Is.EqualTo(JsonValueKind.Null), "unmapped");
        var csv = await (await office.GetAsync("/api/exports/kemenkes?from=2025-03-01&to=2025-03-31&format=csv")).Content.ReadAsStringAsync();
        Assert.That(csv.Split('\n')[0].TrimEnd('\r'), Does.StartWith("kode_psc,ticket_id,tgl_pelaporan,jam_pelaporan,sumber_panggilan"));
        Assert.That((await office.GetAsync("/api/exports/kemenkes?from=2025-03-01&to=2025-03-31&format=xml")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task The_report_setup_lists_units_by_call_sign_and_says_the_national_code_is_unset()
    {
        using var office = await Api.AsAsync("dinkes1");
        var setup = await ApiClient.OkJsonAsync(await office.GetAsync("/api/reports/setup"));
        var callSigns = setup.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("callSign").GetString()).ToList();
        Assert.That(callSigns, Does.Contain("AMB-01 (contoh)"));
        Assert.That(setup.GetProperty("units")[0].TryGetProperty("status", out _), Is.False, "the health office sees no live status");
        Assert.That(setup.GetProperty("kodePsc").GetString(), Is.Empty, "Reporting:KodePsc is not set in the test app");
    }

    [TestCase("operator1")]
    [TestCase("crew1")]
    public async Task Crews_and_operators_get_403_on_reports_exports_and_imports(string user)
    {
        using var client = await Api.AsAsync(user);
        Assert.That((await client.GetAsync("/api/reports/response-times?from=2025-03-01&to=2025-03-31")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await client.GetAsync("/api/exports/incidents.csv?from=2025-03-01&to=2025-03-31")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await client.GetAsync("/api/exports/kemenkes?from=2025-03-01&to=2025-03-31")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await client.PostAsync("/api/imports/incidents", new MultipartFormDataContent())).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_file_above_the_servers_default_body_limit_but_within_the_importers_is_read()
    {
        // Kestrel refuses bodies over 30,000,000 bytes unless the endpoint raises the limit.
        using var admin = await Api.AsAsync("admin");
        using var form = new MultipartFormDataContent();
        var csv = "No,Waktu Telepon,Kolom Lain\nBIG1,2025-03-03 08:00:00," + new string('x', 31_000_000) + "\n";
        form.Add(new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"), "file", "big.csv");
        form.Add(new StringContent("""{"columns":{"No":"externalId","Waktu Telepon":"callReceived"},"timeFormat":"yyyy-MM-dd HH:mm:ss","timeZone":"Asia/Jakarta"}"""), "mapping");
        var report = await ApiClient.OkJsonAsync(await admin.PostAsync("/api/imports/incidents?dryRun=true", form));
        Assert.That(report.GetProperty("rows").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_dry_run_previews_without_writing()
    {
        using var admin = await Api.AsAsync("admin");
        var dry = await ImportAsync(admin, "?dryRun=true");
        Assert.That(dry.GetProperty("dryRun").GetBoolean(), Is.True);
        Assert.That(dry.GetProperty("skipped").GetInt32(), Is.EqualTo(7), "already imported");
        Assert.That(dry.GetProperty("preview")[0].GetProperty("externalId").GetString(), Is.EqualTo("A1"));
    }

    private static string[] ParseCsvLine(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
            else if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(ch);
        }
        cells.Add(current.ToString());
        return cells.ToArray();
    }
}
