using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Dispatch.Api.Audit;
using Dispatch.Api.Tests.Infrastructure;
using Dispatch.Tests.Shared;

namespace Dispatch.Api.Tests.Audit;

/// <summary>
/// The hash chains of incident_log and access_log: intact on a busy log and under concurrent
/// writers; a row changed or deleted behind the app's back (append-only triggers dropped) is found
/// by GET /api/admin/log-integrity and by the verify-log command; rows from before the chain are
/// sealed and chained once, by the upgrade that creates the chain. Each tampering test spoils its own app's database.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class LogIntegrityTests(string database)
{
    private static async Task<JsonElement> IntegrityAsync(ApiClient api)
    {
        using var admin = await api.AsAsync("admin");
        return await ApiClient.OkJsonAsync(await admin.GetAsync("/api/admin/log-integrity"));
    }

    private static async Task<(int Exit, string Output)> VerifyLogAsync(TestApp app)
    {
        var output = new StringWriter();
        var exit = await VerifyLogCommand.RunAsync(app.Services, output);
        return (exit, output.ToString());
    }

    /// <summary>Calls, incidents, reads and a search: rows in both chained tables.</summary>
    private static async Task BusyAsync(ApiClient api, int incidents)
    {
        using var op = await api.AsAsync("operator1");
        for (var i = 0; i < incidents; i++)
        {
            var id = await api.OpenIncidentAsync(op, $"chain-{Guid.NewGuid():n}");
            await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{id}"));
            await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{id}/notes", new { text = $"catatan {i}" }));
        }
        await ApiClient.OkJsonAsync(await op.GetAsync("/api/incidents/search?q=nyeri"));
    }

    private static List<long> Ids(DbConnection db, string table) => db.Query<long>($"SELECT id FROM {table} ORDER BY id").ToList();

    private string DropTriggers(string table) => database == TestApp.Postgres
        ? $"DROP TRIGGER {table}_no_update_or_delete ON {table}"
        : $"DROP TRIGGER {table}_no_update; DROP TRIGGER IF EXISTS {table}_no_delete";

    [Test]
    public async Task A_busy_log_verifies_and_so_does_one_written_by_concurrent_writers()
    {
        using var app = new TestApp(database: database).Start();
        var api = new ApiClient(app);
        await BusyAsync(api, 3);

        var quiet = await IntegrityAsync(api);
        Assert.That((quiet.GetProperty("ok").GetBoolean(), quiet.GetProperty("firstMismatch").ValueKind), Is.EqualTo((true, JsonValueKind.Null)), quiet.ToString());

        // Twelve writers at once, each writing log rows (ingest) and access rows (reads).
        using var op1 = await api.AsAsync("operator1");
        using var op2 = await api.AsAsync("operator2");
        await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            var op = i % 2 == 0 ? op1 : op2;
            var call = (await api.IngestAsync($"parallel-{i}-{Guid.NewGuid():n}")).GetProperty("id").GetInt64();
            await ApiClient.OkJsonAsync(await op.GetAsync($"/api/calls/{call}"));
        }));

        var report = await IntegrityAsync(api);
        using var db = app.OpenDatabase();
        var rows = Ids(db, "incident_log").Count + Ids(db, "access_log").Count;
        Assert.That(report.GetProperty("ok").GetBoolean(), Is.True, report.ToString());
        Assert.That(report.GetProperty("rows").GetInt64(), Is.EqualTo(rows), "every row of both tables checked");
        Assert.That(db.ExecuteScalar<long>("SELECT COUNT(*) FROM incident_log WHERE hash IS NULL") + db.ExecuteScalar<long>("SELECT COUNT(*) FROM access_log WHERE hash IS NULL"), Is.Zero);
        var (exit, output) = await VerifyLogAsync(app);
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain($"incident_log: {Ids(db, "incident_log").Count} rows checked, all match"));
        // The chain's end, to keep outside the server: the last row's id and its stored hash.
        var lastId = Ids(db, "incident_log").Max();
        var lastHash = db.ExecuteScalar<string>($"SELECT hash FROM incident_log WHERE id = {lastId}");
        Assert.That(output, Does.Contain($"incident_log: ends at id {lastId}, hash {lastHash}"));
        var end = report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "incident_log");
        Assert.That((end.GetProperty("lastId").GetInt64(), end.GetProperty("lastHash").GetString()), Is.EqualTo((lastId, lastHash)));
    }

    [Test]
    public async Task A_changed_row_is_the_first_mismatch_of_its_table()
    {
        using var app = new TestApp(database: database).Start();
        var api = new ApiClient(app);
        await BusyAsync(api, 2);
        using var db = app.OpenDatabase();
        var logIds = Ids(db, "incident_log");
        var accessIds = Ids(db, "access_log");
        var changed = logIds[logIds.Count / 2];
        var changedAccess = accessIds[accessIds.Count / 2];

        await db.ExecuteAsync(DropTriggers("incident_log"));
        await db.ExecuteAsync("UPDATE incident_log SET details = '{\"status\":\"cancelled\"}' WHERE id = @changed", new { changed });
        var report = await IntegrityAsync(api);
        Assert.That((report.GetProperty("ok").GetBoolean(), report.GetProperty("firstMismatch").GetInt64(), report.GetProperty("table").GetString()),
            Is.EqualTo((false, changed, "incident_log")), report.ToString());
        var log = report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "incident_log");
        Assert.That(log.GetProperty("mismatches").GetInt64(), Is.EqualTo(1), "only the changed row: the rows after it still link to its stored hash");
        var (exit, output) = await VerifyLogAsync(app);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain($"first mismatch at id {changed}").And.Contain($"incident_log id {changed}"));

        await db.ExecuteAsync(DropTriggers("access_log"));
        await db.ExecuteAsync("UPDATE access_log SET actor = 'someone-else' WHERE id = @changedAccess", new { changedAccess });
        var access = (await IntegrityAsync(api)).GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "access_log");
        Assert.That(access.GetProperty("firstMismatch").GetInt64(), Is.EqualTo(changedAccess));
    }

    [Test]
    public async Task A_deleted_row_makes_the_row_after_it_the_first_mismatch()
    {
        using var app = new TestApp(database: database).Start();
        var api = new ApiClient(app);
        await BusyAsync(api, 2);
        using var db = app.OpenDatabase();
        var ids = Ids(db, "incident_log");
        var deleted = ids[ids.Count / 2];
        var next = ids[ids.Count / 2 + 1];

        await db.ExecuteAsync(DropTriggers("incident_log"));
        await db.ExecuteAsync("DELETE FROM incident_log WHERE id = @deleted", new { deleted });

        var report = await IntegrityAsync(api);
        Assert.That((report.GetProperty("ok").GetBoolean(), report.GetProperty("firstMismatch").GetInt64()), Is.EqualTo((false, next)), report.ToString());
        var (exit, output) = await VerifyLogAsync(app);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain($"incident_log id {next}"));
    }

    [Test]
    public async Task Rows_written_before_the_chain_are_sealed_and_chained_once_by_the_upgrade()
    {
        using var app = new TestApp(database: database);
        // A database as the release before the chain left it, with log rows holding a person's data.
        PreviousSchema.Apply(database, app.ConnectionString, "0013");
        const string address = "Jl. Lama Sekali 5", number = "+6281399990000";
        using (var old = app.OpenDatabase())
        {
            await old.ExecuteAsync("INSERT INTO incident_log (at, actor, action, incident_id, details) VALUES (1700000000000, 'legacy', 'incident.created', 77, @details)",
                new { details = JsonSerializer.Serialize(new { address = new { from = (string?)null, to = address }, callerNumber = number, triage = new { from = (string?)null, to = "merah" } }) });
            for (var i = 0; i < 3; i++)
                await old.ExecuteAsync("INSERT INTO incident_log (at, actor, action, details) VALUES (@at, 'legacy', 'incident.legacy', @details)",
                    new { at = 1_700_000_000_001L + i, details = $"{{\"n\":{i}}}" });
            // Events of the feed from before: migration 0015 names their subjects, so an erasure deletes them.
            await old.ExecuteAsync("INSERT INTO events (at, type, audience, data) VALUES (1700000000000, 'IncidentChanged', 'operators', @data)",
                new { data = JsonSerializer.Serialize(new { id = 77, address }) });
            await old.ExecuteAsync("INSERT INTO events (at, type, audience, data) VALUES (1700000000000, 'CallReceived', 'operators', @data)",
                new { data = JsonSerializer.Serialize(new { id = 78, callerNumber = number, incidentId = (long?)null }) });
        }

        app.Start(); // migrates 0013-: the old rows are sealed and chained in this start
        var api = new ApiClient(app);
        using var db = app.OpenDatabase();
        Assert.That(db.ExecuteScalar<long>("SELECT COUNT(*) FROM incident_log WHERE hash IS NULL"), Is.Zero);
        var sealedDetails = db.ExecuteScalar<string>("SELECT details FROM incident_log WHERE incident_id = 77");
        Assert.That(sealedDetails, Does.Not.Contain(address).And.Not.Contain(number[3..]).And.Contain("pd1:"), "an erasure reaches the old rows too");
        Assert.That(sealedDetails, Does.Contain("merah"), "what the PSC did stays plain");
        Assert.That(db.ExecuteScalar<long>("SELECT COUNT(*) FROM subject_keys WHERE subject = 'i:77'"), Is.EqualTo(1));
        Assert.That(db.Query<(long?, long?)>("SELECT incident_id, call_id FROM events WHERE at = 1700000000000 ORDER BY seq"),
            Is.EqualTo(new (long?, long?)[] { (77, null), (null, 78) }), "old events name their subjects");
        await BusyAsync(api, 1);
        Assert.That((await IntegrityAsync(api)).GetProperty("ok").GetBoolean(), Is.True, "new rows chain on after the old ones");
        Assert.That(async () => await db.ExecuteAsync("UPDATE incident_log SET hash = NULL WHERE actor = 'legacy'"), Throws.InstanceOf<DbException>(),
            "a chained row's hash cannot be taken away");
        Assert.That(async () => await db.ExecuteAsync("UPDATE incident_log SET details = '{}' WHERE actor = 'legacy'"), Throws.InstanceOf<DbException>(),
            "nor its details changed");

        // Someone with database rights changes a row and takes its hash away, hoping a restart re-chains it: it does not.
        var changed = Ids(db, "incident_log")[^2];
        await db.ExecuteAsync(DropTriggers("incident_log"));
        await db.ExecuteAsync($"UPDATE incident_log SET details = '{{}}', hash = NULL WHERE id = {changed}");
        var settings = new Dictionary<string, string?> { ["Database:ConnectionString"] = app.ConnectionString };
        using var restarted = new TestApp(settings, database).Start();
        Assert.That(db.ExecuteScalar<long>($"SELECT COUNT(*) FROM incident_log WHERE id = {changed} AND hash IS NULL"), Is.EqualTo(1), "not re-chained");
        var report = await IntegrityAsync(new ApiClient(restarted));
        Assert.That((report.GetProperty("ok").GetBoolean(), report.GetProperty("firstMismatch").GetInt64()), Is.EqualTo((false, changed)), report.ToString());
    }
}
