using System.Data.Common;
using System.Globalization;
using Dapper;
using Dispatch.Api.Incidents;
using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Tests.Shared;

namespace Dispatch.Data.Tests;

/// <summary>
/// Migration 0020 (incidents.triage, lat and lon may be NULL; SQLite rebuilds the table) on a
/// database as release 0019 left it: live and imported incidents with responses, notes and log
/// rows pointing at them. After the upgrade every incident keeps every column, its children still
/// point at it, every index is back, the app reads it, and a row without triage or position can be stored.
/// </summary>
public abstract class ImportsMigrationContract
{
    private const string FirstNewScript = "0020";
    private const string Columns =
        "id, call_id, status, triage, is_emergency, category, patient_count, lat, lon, address, complaint, kelurahan_code, kelurahan_name, " +
        "kecamatan_code, kecamatan_name, unit_id, destination_id, cancel_reason, created_by, version, call_received_at, call_answered_at, " +
        "created_at, unit_notified_at, acknowledged_at, en_route_at, on_scene_at, left_scene_at, at_destination_at, handover_at, " +
        "back_in_service_at, closed_at, cancelled_at, is_imported, source, is_major, erased_at";

    private TestDatabase? _database;
    private Dictionary<long, string> _before = [];
    private readonly List<long> _ids = [];
    private long _children;

    protected abstract string Provider { get; }
    protected abstract string CreateDatabase();
    protected abstract Task DropDatabaseAsync();
    private TestDatabase Database => _database ?? throw new InvalidOperationException("The database is not started.");

    [OneTimeSetUp]
    public async Task UpgradeA0019Database()
    {
        var connectionString = CreateDatabase();
        PreviousSchema.Apply(Provider, connectionString, FirstNewScript);
        _database = TestDatabase.Create(Provider, connectionString);
        await using (var connection = await Database.OpenRawAsync())
        {
            await SeedAsync(connection);
            _before = await RowsAsync(connection);
            _children = await ChildrenAsync(connection);
        }
        Database.Migrate();
    }

    [OneTimeTearDown]
    public async Task StopDatabase()
    {
        if (_database is not null) await _database.DisposeAsync();
        _database = null;
        await DropDatabaseAsync();
    }

    [Test]
    public async Task Every_incident_keeps_every_column_and_its_children()
    {
        await using var connection = await Database.OpenRawAsync();
        Assert.That(await RowsAsync(connection), Is.EqualTo(_before));
        Assert.That(await ChildrenAsync(connection), Is.EqualTo(_children).And.EqualTo(_ids.Count * 3), "responses, notes and log rows joined to their incident");
        if (Provider == "sqlite")
        {
            Assert.That((await connection.QueryAsync("PRAGMA foreign_key_check")).ToList(), Is.Empty);
            var indexes = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents' AND sql IS NOT NULL")).ToList();
            Assert.That(indexes, Has.Count.EqualTo(10).And.Contains("ix_incidents_report").And.Contains("ix_interval_call_to_on_scene"));
        }
    }

    [Test]
    public async Task The_app_reads_the_old_incidents_and_stores_one_without_triage_or_position()
    {
        var store = Database.Get<IncidentStore>();
        foreach (var id in _ids)
        {
            var incident = await Database.Db.ReadAsync(s => store.GetAsync(s, id), CancellationToken.None);
            Assert.That((incident.Triage, incident.Lat), Is.EqualTo(((Core.Incidents.Triage?)Core.Incidents.Triage.Kuning, (double?)-0.7925)));
        }
        await using var connection = await Database.OpenRawAsync();
        var callId = _ids[0];
        await connection.ExecuteAsync("UPDATE incidents SET triage = NULL, lat = NULL, lon = NULL, missing = 'triage,location' WHERE id = @Id", new { Id = callId });
        var read = await Database.Db.ReadAsync(s => store.GetAsync(s, callId), CancellationToken.None);
        Assert.That((read.Triage, read.Location, read.Missing), Is.EqualTo((default(Core.Incidents.Triage?), default(Core.Geography.GeoPoint?), "triage,location")));
    }

    private static async Task<Dictionary<long, string>> RowsAsync(DbConnection connection) =>
        (await connection.QueryAsync($"SELECT {Columns} FROM incidents")).Cast<IDictionary<string, object?>>().ToDictionary(
            r => Convert.ToInt64(r["id"], CultureInfo.InvariantCulture),
            r => string.Join(" | ", r.Select(c => $"{c.Key}={Convert.ToString(c.Value, CultureInfo.InvariantCulture)}")));

    private static Task<long> ChildrenAsync(DbConnection connection) => connection.ExecuteScalarAsync<long>(
        "SELECT (SELECT COUNT(*) FROM responses r JOIN incidents i ON i.id = r.incident_id) + (SELECT COUNT(*) FROM incident_notes n JOIN incidents i ON i.id = n.incident_id) " +
        "+ (SELECT COUNT(*) FROM incident_log l JOIN incidents i ON i.id = l.incident_id)");

    private async Task SeedAsync(DbConnection connection)
    {
        await connection.ExecuteAsync("INSERT INTO stations (name, kind, lat, lon) VALUES ('MIG20-H', 'Hospital', -0.79, 100.65)");
        var station = await connection.ExecuteScalarAsync<long>("SELECT id FROM stations WHERE name = 'MIG20-H'");
        await connection.ExecuteAsync("INSERT INTO units (call_sign, plate, type, home_station_id, status) VALUES ('MIG20-U', 'BA 20', 'Als', @Station, 'AvailableAtStation')", new { Station = station });
        var unit = await connection.ExecuteScalarAsync<long>("SELECT id FROM units WHERE call_sign = 'MIG20-U'");
        const long t = 1_741_917_600_000;
        for (var n = 0; n < 3; n++)
        {
            var externalId = $"mig20-{n}";
            await connection.ExecuteAsync("INSERT INTO calls (external_id, received_at, source, status, ingested_at) VALUES (@ExternalId, @T, 'Line119', 'Closed', @T)",
                new { ExternalId = externalId, T = t + n });
            var callId = await connection.ExecuteScalarAsync<long>("SELECT id FROM calls WHERE external_id = @ExternalId", new { ExternalId = externalId });
            await connection.ExecuteAsync(
                "INSERT INTO incidents (call_id, status, triage, is_emergency, category, patient_count, lat, lon, address, complaint, kelurahan_code, " +
                "kelurahan_name, unit_id, destination_id, created_by, version, call_received_at, on_scene_at, closed_at, is_imported, source, is_major, erased_at) VALUES " +
                "(@CallId, 'Closed', 'Kuning', @Emergency, 'Trauma', 2, -0.7925, 100.6562, 'Jl. Lama', 'jatuh', '13.72.02.1001', 'Koto Panjang', @Unit, @Station, " +
                "'operator.ani', 4, @T, @OnScene, @Closed, @Imported, 'Ncc', @Major, @Erased)",
                new { CallId = callId, Emergency = n != 1, Unit = unit, Station = station, T = t, OnScene = t + 600_000 + n, Closed = t + 3_600_000, Imported = n == 2, Major = n == 0, Erased = n == 1 ? t : (long?)null });
            var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM incidents WHERE call_id = @CallId", new { CallId = callId });
            _ids.Add(id);
            await connection.ExecuteAsync("UPDATE calls SET incident_id = @Id WHERE id = @CallId", new { Id = id, CallId = callId });
            await connection.ExecuteAsync("INSERT INTO responses (incident_id, unit_id, call_sign, status, notified_by, notified_at, ended_at, end_reason) " +
                                          "VALUES (@Id, @Unit, 'MIG20-U', 'Ended', 'operator.ani', @T, @T, 'Completed')", new { Id = id, Unit = unit, T = t });
            await connection.ExecuteAsync("INSERT INTO incident_notes (incident_id, at, author, text) VALUES (@Id, @T, 'operator.ani', 'catatan')", new { Id = id, T = t });
            await connection.ExecuteAsync("INSERT INTO incident_log (at, actor, action, incident_id, details) VALUES (@T, 'operator.ani', 'incident.closed', @Id, '{}')", new { Id = id, T = t });
        }
    }
}

/// <summary>Migration 0020 on a fresh SQLite file.</summary>
[TestFixture]
public sealed class SqliteImportsMigration : ImportsMigrationContract
{
    private TempSqliteFile? _file;
    protected override string Provider => "sqlite";
    protected override string CreateDatabase() => (_file = new TempSqliteFile()).ConnectionString;
    protected override Task DropDatabaseAsync() { _file?.Dispose(); return Task.CompletedTask; }
}

/// <summary>Migration 0020 on its own PostgreSQL database (PSC119_TEST_POSTGRES).</summary>
[TestFixture]
public sealed class PostgresImportsMigration : ImportsMigrationContract
{
    private TestPostgres? _database;
    protected override string Provider => "postgres";
    protected override string CreateDatabase() => (_database = TestPostgres.CreateOrIgnore()).ConnectionString;
    protected override async Task DropDatabaseAsync() { if (_database is not null) await _database.DisposeAsync(); }
}

/// <summary>Migration 0020 on its own SQL Server database (PSC119_TEST_SQLSERVER).</summary>
[TestFixture]
public sealed class SqlServerImportsMigration : ImportsMigrationContract
{
    private TestSqlServer? _database;
    protected override string Provider => "sqlserver";
    protected override string CreateDatabase() => (_database = TestSqlServer.CreateOrIgnore()).ConnectionString;
    protected override async Task DropDatabaseAsync() { if (_database is not null) await _database.DisposeAsync(); }
}
