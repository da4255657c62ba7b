using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Api.Imports;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Reports;

public sealed partial class ImportTests
{
    [Test, Order(2)]
    public async Task A_messy_sheet_dry_run_lists_unknown_values_and_flags_and_writes_nothing()
    {
        using var office = await Api.AsAsync("dinkes1");
        var before = await RowCountAsync();
        var dry = await ImportAsync(office, "messy.csv", Mapping("messy-mapping.json"), "?dryRun=true");
        Assert.That(await RowCountAsync(), Is.EqualTo(before));
        Assert.That((dry.GetProperty("rows").GetInt32(), dry.GetProperty("imported").GetInt32(), dry.GetProperty("flaggedRows").GetInt32()), Is.EqualTo((6, 5, 4)));
        var rejected = dry.GetProperty("rejected").EnumerateArray().Single();
        Assert.That((rejected.GetProperty("line").GetInt32(), rejected.GetProperty("code").GetString(), rejected.GetProperty("field").GetString()),
            Is.EqualTo((6, "bad-time", "callReceived")), "M5 has a time and no date");
        Assert.That(Flagged(dry), Is.EqualTo(new Dictionary<string, int> { ["location"] = 1, ["triage"] = 2, ["unit"] = 2, ["closed"] = 1 }));
        Assert.That(Unknown(dry, "triage"), Is.EqualTo(new[] { ("Code 9", 2) }));
        Assert.That(Unknown(dry, "unit"), Is.EqualTo(new[] { ("Ambulans 9", 1) }));
        var m2 = dry.GetProperty("preview")[1];
        Assert.That(m2.GetProperty("triage").GetString(), Is.EqualTo("Merah"), "\"1\" mapped");
        Assert.That(m2.GetProperty("timePoints").GetProperty("onScene").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2025, 6, 5, 17, 7, 0, TimeSpan.Zero)),
            "00:07 WIB after a call at 23:55 WIB is the next day");
    }

    [Test, Order(3)]
    public async Task A_saved_mapping_with_the_unknown_value_mapped_imports_the_sheet()
    {
        using var office = await Api.AsAsync("dinkes1");
        var mapping = JsonNode.Parse(Mapping("messy-mapping.json"))!;
        mapping["values"]!["triage"]!["Code 9"] = "kuning";
        var saved = await ApiClient.OkJsonAsync(await office.PutAsync("/api/imports/mappings/Dinas%20contoh", ApiClient.RawJson(mapping.ToJsonString())));
        Assert.That(saved.GetProperty("updatedBy").GetString(), Is.EqualTo("dinkes1"));
        var list = await ApiClient.OkJsonAsync(await office.GetAsync("/api/imports/mappings"));
        var reused = list.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Dinas contoh").GetProperty("mapping").GetRawText();

        var done = await ImportAsync(office, "messy.csv", reused);
        Assert.That(done.GetProperty("imported").GetInt32(), Is.EqualTo(5));
        Assert.That(Flagged(done).ContainsKey("triage"), Is.False);
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM incidents i JOIN calls c ON c.id = i.call_id WHERE c.external_id IN ('import:M3', 'import:M4') AND i.triage = 'Kuning'"), Is.EqualTo(2));
        var m1 = await IncidentIdAsync("M1");
        // 08:00 and 08:09 WIB on 5 June; closed 02:00 UTC (its own column's zone).
        Assert.That(await ScalarAsync($"SELECT call_received_at FROM incidents WHERE id = {m1}"), Is.EqualTo(new DateTimeOffset(2025, 6, 5, 1, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()));
        Assert.That(await ScalarAsync($"SELECT on_scene_at FROM incidents WHERE id = {m1}"), Is.EqualTo(new DateTimeOffset(2025, 6, 5, 1, 9, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()));
        Assert.That(await ScalarAsync($"SELECT closed_at FROM incidents WHERE id = {m1}"), Is.EqualTo(new DateTimeOffset(2025, 6, 5, 2, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()));
        Assert.That(await ScalarAsync($"SELECT COUNT(*) FROM responses WHERE incident_id = {m1}"), Is.EqualTo(1), "\"Ambulans 1\" mapped to AMB-01 (contoh)");
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM incidents i JOIN calls c ON c.id = i.call_id WHERE c.external_id = 'import:M6' AND i.closed_at IS NULL AND i.missing = 'closed'"), Is.EqualTo(1));

        var report = await ApiClient.OkJsonAsync(await office.GetAsync("/api/reports/response-times?from=2025-06-05&to=2025-06-07"));
        var merah = report.GetProperty("compliance").GetProperty("merah");
        Assert.That((merah.GetProperty("measured").GetInt64(), merah.GetProperty("onTarget").GetInt64()), Is.EqualTo((2L, 1L)), "M1 in 9 minutes, M2 in 12");

        // The command reuses the saved mapping by name (a dry run: the file is already in).
        var rows = await RowCountAsync();
        var code = await ImportCommand.RunAsync(App.Services, [Path.Combine(Data, "messy.csv"), "--mapping-name", "Dinas contoh", "--dry-run"]);
        Assert.That((code, await RowCountAsync()), Is.EqualTo((1, rows)), "1: the report has a rejected row (M5)");
        Assert.That(await ImportCommand.RunAsync(App.Services, [Path.Combine(Data, "messy.csv"), "--mapping-name", "tidak ada"]), Is.EqualTo(2));
    }

    [Test]
    public async Task Saved_mappings_are_checked_and_deleted()
    {
        using var office = await Api.AsAsync("dinkes1");
        var bad = await office.PutAsync("/api/imports/mappings/rusak", ApiClient.RawJson("""{ "columns": { "No": "nomor" } }"""));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").TryGetProperty("mapping.columns", out _), Is.True);
        await ApiClient.OkJsonAsync(await office.PutAsync("/api/imports/mappings/sementara", ApiClient.RawJson(Mapping("mapping.json"))));
        Assert.That((await office.DeleteAsync("/api/imports/mappings/sementara")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await office.DeleteAsync("/api/imports/mappings/sementara")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_large_import_runs_as_a_job_whose_progress_can_be_polled()
    {
        using var office = await Api.AsAsync("dinkes1");
        using var form = Form("messy.csv", Mapping("messy-mapping.json"));
        var started = await office.PostAsync("/api/imports/incidents?async=true&dryRun=true", form);
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var jobId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
        JsonElement job;
        var waited = 0;
        do
        {
            await Task.Delay(100);
            job = await ApiClient.OkJsonAsync(await office.GetAsync($"/api/imports/incidents/jobs/{jobId}"));
        } while (job.GetProperty("status").GetString() == "running" && ++waited < 200);
        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(job.GetProperty("progress").GetProperty("rows").GetInt32(), Is.EqualTo(6));
        Assert.That(job.GetProperty("report").GetProperty("rejectedCount").GetInt32(), Is.EqualTo(1));
        Assert.That((await office.GetAsync($"/api/imports/incidents/jobs/{Guid.NewGuid()}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
