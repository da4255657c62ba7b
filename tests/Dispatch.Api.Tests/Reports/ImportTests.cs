using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Reports;

/// <summary>
/// History that imports as it is (issue 16), on small hand-checked files: a public EMS dispatch
/// extract shaped like NYC's (no triage and no position columns, severity codes mapped to triage),
/// and a messy PSC sheet (date and time in two columns, a time-only arrival past midnight, a
/// closing time in UTC beside WIB times, value maps, unknown values, an unreadable time).
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed partial class ImportTests(string database) : ApiTest(database)
{
    private static readonly string Data = Path.Combine(TestContext.CurrentContext.TestDirectory, "Reports", "Data");

    internal static MultipartFormDataContent Form(string csvFile, string mappingJson)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(Path.Combine(Data, csvFile)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", csvFile);
        form.Add(new StringContent(mappingJson), "mapping");
        return form;
    }

    private static string Mapping(string file) => File.ReadAllText(Path.Combine(Data, file));

    private static async Task<JsonElement> ImportAsync(HttpClient client, string csv, string mapping, string query = "")
    {
        using var form = Form(csv, mapping);
        return await ApiClient.OkJsonAsync(await client.PostAsync($"/api/imports/incidents{query}", form));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        using var db = App.OpenDatabase();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    private Task<long> IncidentIdAsync(string externalId) =>
        ScalarAsync($"SELECT i.id FROM incidents i JOIN calls c ON c.id = i.call_id WHERE c.external_id = 'import:{externalId}'");

    private async Task<long> RowCountAsync() =>
        await ScalarAsync("SELECT COUNT(*) FROM incidents") + await ScalarAsync("SELECT COUNT(*) FROM calls") + await ScalarAsync("SELECT COUNT(*) FROM responses");

    private static Dictionary<string, int> Flagged(JsonElement report) =>
        report.GetProperty("flagged").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

    private static List<(string, int)> Unknown(JsonElement report, string field) =>
        report.GetProperty("unknownValues").TryGetProperty(field, out var list)
            ? [.. list.EnumerateArray().Select(v => (v.GetProperty("value").GetString()!, v.GetProperty("count").GetInt32()))] : [];

    [Test, Order(1)]
    public async Task A_public_ems_extract_without_triage_or_position_columns_imports_every_row()
    {
        using var office = await Api.AsAsync("dinkes1");
        var before = await RowCountAsync();
        var dry = await ImportAsync(office, "nyc-ems.csv", Mapping("nyc-ems-mapping.json"), "?dryRun=true");
        Assert.That(await RowCountAsync(), Is.EqualTo(before), "a dry run writes nothing");
        Assert.That((dry.GetProperty("rows").GetInt32(), dry.GetProperty("imported").GetInt32(), dry.GetProperty("rejectedCount").GetInt32()), Is.EqualTo((4, 4, 0)));
        Assert.That(Flagged(dry), Is.EqualTo(new Dictionary<string, int> { ["location"] = 4, ["unit"] = 4, ["triage"] = 1 }));
        Assert.That(Unknown(dry, "triage"), Is.EqualTo(new[] { ("9", 1) }));
        var first = dry.GetProperty("preview")[0];
        Assert.That(first.GetProperty("triage").GetString(), Is.EqualTo("Merah"), "severity 1 mapped to merah");
        Assert.That(first.GetProperty("callReceived").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2019, 1, 5, 15, 0, 0, TimeSpan.Zero)), "10:00 AM EST");
        Assert.That(first.GetProperty("lat").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(first.GetProperty("missing").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "location", "unit" }));

        var done = await ImportAsync(office, "nyc-ems.csv", Mapping("nyc-ems-mapping.json"));
        Assert.That(done.GetProperty("imported").GetInt32(), Is.EqualTo(4));
        Assert.That(await RowCountAsync(), Is.EqualTo(before + 8), "4 calls and 4 incidents, no unit so no response");
    }

    [Test]
    public async Task Flagged_rows_are_read_back_by_reports_exports_search_detail_and_personal_data()
    {
        using var office = await Api.AsAsync("dinkes1");
        await ImportAsync(office, "nyc-ems.csv", Mapping("nyc-ems-mapping.json"));
        // WIB days: 10:00 AM EST on 5 Jan is 22:00 WIB; 11:50 PM EST is 11:50 WIB on 6 Jan.
        var report = await ApiClient.OkJsonAsync(await office.GetAsync("/api/reports/response-times?from=2019-01-05&to=2019-01-06"));
        Assert.That(report.GetProperty("incidents").GetInt64(), Is.EqualTo(4));
        var compliance = report.GetProperty("compliance");
        Assert.That(compliance.GetProperty("merah").GetProperty("onTarget").GetInt64(), Is.EqualTo(1), "7 minutes");
        Assert.That(compliance.GetProperty("kuning").GetProperty("onTarget").GetInt64(), Is.Zero, "40 minutes against 30");
        var unknown = compliance.GetProperty("unknown");
        Assert.That((unknown.GetProperty("incidents").GetInt64(), unknown.GetProperty("measured").GetInt64(), unknown.GetProperty("onTarget").GetInt64()), Is.EqualTo((1L, 1L, 0L)));
        Assert.That(unknown.GetProperty("share").ValueKind, Is.EqualTo(JsonValueKind.Null), "no target without a triage");
        Assert.That(report.GetProperty("volumes").GetProperty("incidentsByTriage").GetProperty("unknown").GetInt64(), Is.EqualTo(1));
        var response = report.GetProperty("intervals").GetProperty("callToOnScene");
        Assert.That((response.GetProperty("count").GetInt64(), response.GetProperty("invalid").GetInt64()), Is.EqualTo((3L, 1L)), "190010003 has no on-scene time");
        Assert.That(response.GetProperty("mean").GetDouble(), Is.EqualTo((420 + 2400 + 900) / 3.0).Within(1e-9));
        Assert.That(report.GetProperty("byKelurahan").EnumerateArray().Single().GetProperty("incidents").GetInt64(), Is.EqualTo(4), "no position: no kelurahan");

        var csv = (await (await office.GetAsync("/api/exports/incidents.csv?from=2019-01-05&to=2019-01-06")).Content.ReadAsStringAsync()).Split('\n');
        var header = csv[0].Split(',');
        var row = csv.Single(l => l.Contains("import:190010004")).Split(',');
        Assert.That((row[Array.IndexOf(header, "triage")], row[Array.IndexOf(header, "priority")], row[Array.IndexOf(header, "lat")], row[Array.IndexOf(header, "lon")]),
            Is.EqualTo(("", "", "", "")));
        var national = await ApiClient.OkJsonAsync(await office.GetAsync("/api/exports/kemenkes?from=2019-01-05&to=2019-01-06"));
        Assert.That(national.EnumerateArray().All(r => r.GetProperty("latitude").ValueKind == JsonValueKind.Null), Is.True);

        var id = await IncidentIdAsync("190010004");
        using var admin = await Api.AsAsync("admin");
        var detail = await ApiClient.OkJsonAsync(await admin.GetAsync($"/api/incidents/{id}"));
        Assert.That((detail.GetProperty("triage").ValueKind, detail.GetProperty("location").ValueKind), Is.EqualTo((JsonValueKind.Null, JsonValueKind.Null)));
        Assert.That(detail.GetProperty("missing").GetString(), Is.EqualTo("triage,location,unit"));
        var found = await ApiClient.OkJsonAsync(await admin.GetAsync("/api/incidents/search?from=2019-01-06&to=2019-01-06"));
        Assert.That(found.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetInt64() == id && i.GetProperty("triage").ValueKind == JsonValueKind.Null), Is.True);
        await ApiClient.OkJsonAsync(await admin.GetAsync($"/api/admin/personal-data?incidentId={id}"));
        var erased = await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/personal-data/erase", new { incidentId = id, reason = "uji impor tanpa posisi" }));
        Assert.That(erased.GetProperty("incidents").GetInt32(), Is.EqualTo(1));
        Assert.That(await ScalarAsync($"SELECT COUNT(*) FROM incidents WHERE id = {id} AND lat IS NULL AND erased_at IS NOT NULL"), Is.EqualTo(1));
    }
}
