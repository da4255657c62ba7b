using System.Data.Common;
using System.Globalization;
using Dapper;
using Dispatch.Api.Incidents;
using Dispatch.Core.Incidents;
using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Tests.Shared;

namespace Dispatch.Data.Tests;

/// <summary>
/// Migration 0010 (an incident has many responses) on a database as the previous release left it:
/// incidents in every status, written with SQL the way the old code stored them (the incident held
/// its unit and time points; <c>assignments</c> held who was offered when and how it ended; imported
/// history has a unit and no assignment). After the upgrade nothing is lost: each incident's own
/// columns are unchanged, its unit and time points became its response, and the app reads it.
/// Bound to each database by the subclasses (ResponsesMigrationFixtures.cs).
/// </summary>
public abstract class ResponsesMigrationContract
{
    private const string FirstNewScript = "0010";
    private const string Operator = "operator.ani";
    private const string Importer = "import.2024";
    /// <summary>2025-03-14 02:00 UTC in milliseconds; the old schema keeps UTC milliseconds.</summary>
    private const long T = 1_741_917_600_000;

    private static long M(int minutes) => T + (minutes * 60_000L);

    /// <summary>The columns the previous schema's incidents had: they must all come through unchanged.</summary>
    private const string OldIncidentColumns =
        "id, call_id, status, triage, is_emergency, category, patient_count, lat, lon, address, complaint, kelurahan_code, kelurahan_name, " +
        "kecamatan_code, kecamatan_name, unit_id, destination_id, cancel_reason, created_by, version, call_received_at, call_answered_at, " +
        "created_at, unit_notified_at, acknowledged_at, en_route_at, on_scene_at, left_scene_at, at_destination_at, handover_at, " +
        "back_in_service_at, closed_at, cancelled_at, is_imported, source";

    private TestDatabase? _database;
    private Dictionary<string, long> _incidentIds = [];
    private Dictionary<string, long> _unitIds = [];
    private Dictionary<string, long> _stationIds = [];
    private Dictionary<long, string> _rowsBefore = [];

    protected abstract string Provider { get; }

    /// <summary>Provides an empty database and returns its connection string (or ignores the fixture).</summary>
    protected abstract string CreateDatabase();

    protected abstract Task DropDatabaseAsync();

    private TestDatabase Database => _database ?? throw new InvalidOperationException("The database is not started.");

    /// <summary>One old incident: its status, unit, times (minutes after T; null = not reached), destination and assignments.</summary>
    private sealed record Old(
        string Key, string Status, string? Unit, int?[] Times, string? Destination = null, Assignment[]? Assignments = null,
        bool Imported = false, string? CancelReason = null);

    /// <summary>An old assignment row: offered, acknowledged, ended (minutes after T) and end_reason as the old code wrote it.</summary>
    private sealed record Assignment(string Unit, int Offered, int? Acknowledged = null, int? Ended = null, string? Reason = null);

    // Times: received, answered, created, notified, acknowledged, en route, on scene, left scene,
    // at destination, handover, back in service, closed, cancelled.
    private static readonly Old[] OldIncidents =
    [
        new("pending", "Pending", null, [0, 1, 2, null, null, null, null, null, null, null, null, null, null]),
        new("dispatched", "Dispatched", "U1", [0, 1, 2, 3, null, null, null, null, null, null, null, null, null],
            Assignments: [new("U1", 3)]),
        new("acknowledged", "Acknowledged", "U2", [0, 1, 2, 3, 4, null, null, null, null, null, null, null, null],
            Assignments: [new("U2", 3, 4)]),
        // The crew tapped en route without acknowledging first (allowed then and now).
        new("en-route", "EnRoute", "U3", [0, 1, 2, 3, null, 5, null, null, null, null, null, null, null],
            Assignments: [new("U3", 3)]),
        new("on-scene", "OnScene", "U4", [0, 1, 2, 3, 4, 5, 10, null, null, null, null, null, null],
            Assignments: [new("U4", 3, 4)]),
        new("transporting", "Transporting", "U5", [0, 1, 2, 3, 4, 5, 10, 20, null, null, null, null, null], "H1",
            [new("U5", 3, 4)]),
        new("at-destination", "AtDestination", "U6", [0, 1, 2, 3, 4, 5, 10, 20, 30, null, null, null, null], "H2",
            [new("U6", 3, 4)]),
        new("handover", "Handover", "U7", [0, 1, 2, 3, 4, 5, 10, 20, 30, 35, null, null, null], "H1",
            [new("U7", 3, 4)]),
        new("cleared", "Cleared", "U8", [0, 1, 2, 3, 4, 5, 10, 20, 30, 35, 40, null, null], "H1",
            [new("U8", 3, 4, 40, "completed")]),
        // Cleared from the scene (no transport), then closed; the same unit as above, later.
        new("closed", "Closed", "U8", [50, 51, 52, 53, 54, 55, 60, null, null, null, 70, 75, null],
            Assignments: [new("U8", 53, 54, 70, "completed")]),
        new("cancelled-waiting", "Cancelled", null, [0, 1, 2, null, null, null, null, null, null, null, null, null, 6],
            CancelReason: "caller reports patient taken by family"),
        new("cancelled-en-route", "Cancelled", "U9", [0, 1, 2, 3, 4, 5, null, null, null, null, null, null, 6],
            Assignments: [new("U9", 3, 4, 6, "incident cancelled: duplicate of another incident")], CancelReason: "duplicate of another incident"),
        // A unit taken off before setting out (the old domain's ReleaseUnit) and another sent.
        new("reassigned", "EnRoute", "U10", [0, 1, 2, 3, 4, 8, null, null, null, null, null, null, null],
            Assignments: [new("U11", 3, 4, 5, "unit broke down"), new("U10", 6, 7)]),
        // Imported history: a unit and every time point, no assignment row.
        new("imported", "Closed", "U12", [-600, -599, -598, -597, -596, -595, -590, -580, -570, -565, -560, -555, null], "H2",
            Imported: true),
    ];

    /// <summary>The response each old incident must have after the upgrade (same order as notified).</summary>
    private sealed record Expected(
        string Unit, string Status, string NotifiedBy, int Notified, int? Acknowledged, int? EnRoute, int? OnScene, int? LeftScene,
        int? AtDestination, int? Handover, int? BackInService, string? Destination, int? Ended, string? EndReason, string? EndNote);

    private static readonly Dictionary<string, Expected[]> ExpectedResponses = new()
    {
        ["pending"] = [],
        ["dispatched"] = [new("U1", "Dispatched", Operator, 3, null, null, null, null, null, null, null, null, null, null, null)],
        ["acknowledged"] = [new("U2", "Acknowledged", Operator, 3, 4, null, null, null, null, null, null, null, null, null, null)],
        ["en-route"] = [new("U3", "EnRoute", Operator, 3, null, 5, null, null, null, null, null, null, null, null, null)],
        ["on-scene"] = [new("U4", "OnScene", Operator, 3, 4, 5, 10, null, null, null, null, null, null, null, null)],
        ["transporting"] = [new("U5", "Transporting", Operator, 3, 4, 5, 10, 20, null, null, null, "H1", null, null, null)],
        ["at-destination"] = [new("U6", "AtDestination", Operator, 3, 4, 5, 10, 20, 30, null, null, "H2", null, null, null)],
        ["handover"] = [new("U7", "Handover", Operator, 3, 4, 5, 10, 20, 30, 35, null, "H1", null, null, null)],
        ["cleared"] = [new("U8", "Ended", Operator, 3, 4, 5, 10, 20, 30, 35, 40, "H1", 40, "Completed", null)],
        ["closed"] = [new("U8", "Ended", Operator, 53, 54, 55, 60, null, null, null, 70, null, 70, "Completed", null)],
        ["cancelled-waiting"] = [],
        ["cancelled-en-route"] = [new("U9", "Ended", Operator, 3, 4, 5, null, null, null, null, null, null, 6, "Cancelled", null)],
        ["reassigned"] =
        [
            new("U11", "Ended", Operator, 3, 4, null, null, null, null, null, null, null, 5, "Released", "unit broke down"),
            new("U10", "EnRoute", Operator, 6, 7, 8, null, null, null, null, null, null, null, null, null),
        ],
        ["imported"] = [new("U12", "Ended", Importer, -597, -596, -595, -590, -580, -570, -565, -560, "H2", -560, "Completed", null)],
    };

    [OneTimeSetUp]
    public async Task UpgradeAnOldDatabase()
    {
        var connectionString = CreateDatabase();
        PreviousSchema.Apply(Provider, connectionString, FirstNewScript);
        _database = TestDatabase.Create(Provider, connectionString);
        await using (var connection = await Database.OpenRawAsync())
        {
            await SeedOldRowsAsync(connection);
            _rowsBefore = await IncidentRowsAsync(connection);
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
    public async Task The_upgrade_applied_the_responses_migration_once()
    {
        var scripts = (await QueryAsync<string>("SELECT scriptname FROM SchemaVersions")).ToList();

        Assert.That(scripts.Count(n => n.EndsWith($".{FirstNewScript}_responses.sql", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(await Database.ScalarAsync<long>("SELECT COUNT(*) FROM incidents"), Is.EqualTo(OldIncidents.Length));
        Assert.That(await Database.ScalarAsync<long>("SELECT COUNT(*) FROM responses"), Is.EqualTo(ExpectedResponses.Values.Sum(e => e.Length)));
    }

    [Test]
    public async Task Every_incident_keeps_every_column_it_had()
    {
        await using var connection = await Database.OpenRawAsync();
        var after = await IncidentRowsAsync(connection);

        Assert.That(after, Is.EqualTo(_rowsBefore));
        Assert.That(await Database.ScalarAsync<long>("SELECT COUNT(*) FROM incidents WHERE is_major = @No", new { No = false }), Is.EqualTo(OldIncidents.Length));
    }

    [TestCaseSource(nameof(Keys))]
    public async Task The_incidents_unit_and_time_points_became_its_responses(string key)
    {
        var rows = await ResponsesOfAsync(_incidentIds[key]);
        var expected = ExpectedResponses[key].Select(e => new ResponseRow
        {
            UnitId = _unitIds[e.Unit],
            CallSign = $"MIG-{e.Unit}",
            Status = e.Status,
            NotifiedBy = e.NotifiedBy,
            NotifiedAt = M(e.Notified),
            AcknowledgedAt = Ms(e.Acknowledged),
            EnRouteAt = Ms(e.EnRoute),
            OnSceneAt = Ms(e.OnScene),
            LeftSceneAt = Ms(e.LeftScene),
            AtDestinationAt = Ms(e.AtDestination),
            HandoverAt = Ms(e.Handover),
            BackInServiceAt = Ms(e.BackInService),
            DestinationId = e.Destination is null ? null : _stationIds[e.Destination],
            EndedAt = Ms(e.Ended),
            EndReason = e.EndReason,
            EndNote = e.EndNote,
        }).ToList();

        Assert.That(rows, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Keys))]
    public async Task Every_time_point_of_the_incident_is_its_first_units(string key)
    {
        // The first-unit definitions (DOMAIN.md): the incident's time point is the earliest of its
        // responses'; back in service is when the last unit that completed came back.
        var old = OldIncidents.Single(o => o.Key == key);
        var rows = await ResponsesOfAsync(_incidentIds[key]);
        Func<ResponseRow, long?>[] points = [r => r.NotifiedAt, r => r.AcknowledgedAt, r => r.EnRouteAt, r => r.OnSceneAt, r => r.LeftSceneAt, r => r.AtDestinationAt, r => r.HandoverAt];

        var derived = points.Select(p => rows.Min(p)).Append(rows.Where(r => r.EndReason == "Completed").Max(r => r.BackInServiceAt));
        var stored = old.Times[3..11].Select(Ms);

        Assert.That(derived, Is.EqualTo(stored));
        if (rows.Count == 1)
        {
            var only = rows[0];
            Assert.That(new[] { only.NotifiedAt, only.AcknowledgedAt, only.EnRouteAt, only.OnSceneAt, only.LeftSceneAt, only.AtDestinationAt, only.HandoverAt, only.BackInServiceAt },
                Is.EqualTo(stored), "a single unit's response carries every time point of the incident");
            Assert.That(only.DestinationId, Is.EqualTo(old.Destination is null ? null : _stationIds[old.Destination]));
        }
    }

    [Test]
    public async Task At_most_one_active_response_per_unit_and_one_per_active_incident()
    {
        var active = (await QueryAsync<ResponseRow>($"SELECT {ResponseColumns} FROM responses WHERE ended_at IS NULL")).ToList();

        Assert.That(active.Select(r => r.UnitId), Is.Unique);
        Assert.That(active.Select(r => r.UnitId), Is.EquivalentTo(new[] { "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U10" }.Select(u => _unitIds[u])));
        Assert.That(active.Select(r => r.Via), Is.All.Null, "nothing was reported through the new paths yet");
    }

    [TestCaseSource(nameof(Keys))]
    public async Task The_app_reads_every_migrated_incident_with_its_responses(string key)
    {
        var incident = await Database.Db.ReadAsync(s => Database.Get<IncidentStore>().GetAsync(s, _incidentIds[key]), CancellationToken.None);
        var expected = ExpectedResponses[key];

        Assert.Multiple(() =>
        {
            Assert.That(incident.Status.ToString(), Is.EqualTo(OldIncidents.Single(o => o.Key == key).Status));
            Assert.That(incident.Responses.Select(r => (r.UnitId, r.Status.ToString(), r.EndReason?.ToString(), r.EndNote)),
                Is.EqualTo(expected.Select(e => (_unitIds[e.Unit], e.Status, e.EndReason, e.EndNote))));
            Assert.That(incident.Responses.Select(r => r.CallSign), Is.EqualTo(expected.Select(e => $"MIG-{e.Unit}")));
            Assert.That(incident.IsMajor, Is.False);
        });
    }

    private static IEnumerable<string> Keys() => OldIncidents.Select(o => o.Key);

    private static long? Ms(int? minutes) => minutes is { } m ? M(m) : null;

    private const string ResponseColumns =
        "unit_id AS UnitId, call_sign AS CallSign, status AS Status, notified_by AS NotifiedBy, notified_at AS NotifiedAt, " +
        "acknowledged_at AS AcknowledgedAt, en_route_at AS EnRouteAt, on_scene_at AS OnSceneAt, left_scene_at AS LeftSceneAt, " +
        "at_destination_at AS AtDestinationAt, handover_at AS HandoverAt, back_in_service_at AS BackInServiceAt, " +
        "destination_id AS DestinationId, ended_at AS EndedAt, end_reason AS EndReason, end_note AS EndNote, " +
        "diverted_to_incident_id AS DivertedToIncidentId, via AS Via";

    private sealed record ResponseRow
    {
        public long UnitId { get; init; }
        public string CallSign { get; init; } = "";
        public string Status { get; init; } = "";
        public string NotifiedBy { get; init; } = "";
        public long NotifiedAt { get; init; }
        public long? AcknowledgedAt { get; init; }
        public long? EnRouteAt { get; init; }
        public long? OnSceneAt { get; init; }
        public long? LeftSceneAt { get; init; }
        public long? AtDestinationAt { get; init; }
        public long? HandoverAt { get; init; }
        public long? BackInServiceAt { get; init; }
        public long? DestinationId { get; init; }
        public long? EndedAt { get; init; }
        public string? EndReason { get; init; }
        public string? EndNote { get; init; }
        public long? DivertedToIncidentId { get; init; }
        public string? Via { get; init; }
    }

    private async Task<List<ResponseRow>> ResponsesOfAsync(long incidentId) =>
        [.. await QueryAsync<ResponseRow>($"SELECT {ResponseColumns} FROM responses WHERE incident_id = @Id ORDER BY notified_at, id", new { Id = incidentId })];

    private async Task<IEnumerable<TRow>> QueryAsync<TRow>(string sql, object? args = null)
    {
        await using var connection = await Database.OpenRawAsync();
        return (await connection.QueryAsync<TRow>(sql, args)).ToList();
    }

    /// <summary>Every old column of every incident, as text, by id.</summary>
    private static async Task<Dictionary<long, string>> IncidentRowsAsync(DbConnection connection)
    {
        var rows = await connection.QueryAsync($"SELECT {OldIncidentColumns} FROM incidents");
        return rows.Cast<IDictionary<string, object?>>().ToDictionary(
            r => Convert.ToInt64(r["id"], CultureInfo.InvariantCulture),
            r => string.Join(" | ", r.Select(c => $"{c.Key}={Convert.ToString(c.Value, CultureInfo.InvariantCulture)}")));
    }

    /// <summary>Writes the old rows with SQL, as the previous release's stores did.</summary>
    private async Task SeedOldRowsAsync(DbConnection connection)
    {
        foreach (var (name, lat) in new[] { ("H1", -0.79), ("H2", -0.80) })
        {
            await connection.ExecuteAsync("INSERT INTO stations (name, kind, lat, lon) VALUES (@Name, 'Hospital', @Lat, 100.65)", new { Name = $"MIG-{name}", Lat = lat });
            _stationIds[name] = await connection.ExecuteScalarAsync<long>("SELECT id FROM stations WHERE name = @Name", new { Name = $"MIG-{name}" });
        }
        foreach (var unit in Enumerable.Range(1, 12).Select(i => $"U{i}"))
        {
            var busy = OldIncidents.Any(o => o.Unit == unit && o.Assignments?.Any(a => a.Unit == unit && a.Ended is null) == true);
            await connection.ExecuteAsync(
                "INSERT INTO units (call_sign, plate, type, home_station_id, status) VALUES (@CallSign, @Plate, 'Als', @Home, @Status)",
                new { CallSign = $"MIG-{unit}", Plate = $"BA {unit}", Home = _stationIds["H1"], Status = busy ? "Assigned" : "AvailableAtStation" });
            _unitIds[unit] = await connection.ExecuteScalarAsync<long>("SELECT id FROM units WHERE call_sign = @CallSign", new { CallSign = $"MIG-{unit}" });
        }
        foreach (var old in OldIncidents)
        {
            var t = old.Times.Select(Ms).ToArray();
            var externalId = $"mig-{old.Key}-{Guid.NewGuid():n}";
            await connection.ExecuteAsync(
                "INSERT INTO calls (external_id, caller_number, received_at, source, status, answered_by, answered_at, ingested_at) " +
                "VALUES (@ExternalId, '081234567890', @Received, 'Line119', 'Closed', @By, @Answered, @Received)",
                new { ExternalId = externalId, Received = t[0], By = old.Imported ? Importer : Operator, Answered = t[1] });
            var callId = await connection.ExecuteScalarAsync<long>("SELECT id FROM calls WHERE external_id = @ExternalId", new { ExternalId = externalId });
            await connection.ExecuteAsync(
                "INSERT INTO incidents (call_id, status, triage, is_emergency, category, patient_count, lat, lon, address, complaint, " +
                "kelurahan_code, kelurahan_name, kecamatan_code, kecamatan_name, unit_id, destination_id, cancel_reason, created_by, version, " +
                "call_received_at, call_answered_at, created_at, unit_notified_at, acknowledged_at, en_route_at, on_scene_at, left_scene_at, " +
                "at_destination_at, handover_at, back_in_service_at, closed_at, cancelled_at, is_imported, source) VALUES " +
                "(@CallId, @Status, 'Merah', @Emergency, 'Trauma', 2, -0.7925, 100.6562, @Address, 'sesak napas', " +
                "'13.72.02.1001', 'Koto Panjang', '13.72.02', 'Tanjung Harapan', @UnitId, @DestinationId, @CancelReason, @CreatedBy, @Version, " +
                "@T0, @T1, @T2, @T3, @T4, @T5, @T6, @T7, @T8, @T9, @T10, @T11, @T12, @Imported, 'Line119')",
                new
                {
                    CallId = callId, old.Status, Emergency = !old.Imported, Address = $"Jl. {old.Key}",
                    UnitId = old.Unit is null ? (long?)null : _unitIds[old.Unit],
                    DestinationId = old.Destination is null ? (long?)null : _stationIds[old.Destination],
                    old.CancelReason, CreatedBy = old.Imported ? Importer : Operator, Version = old.Times.Count(x => x is not null),
                    T0 = t[0], T1 = t[1], T2 = t[2], T3 = t[3], T4 = t[4], T5 = t[5], T6 = t[6], T7 = t[7], T8 = t[8], T9 = t[9], T10 = t[10], T11 = t[11], T12 = t[12],
                    old.Imported,
                });
            var incidentId = await connection.ExecuteScalarAsync<long>("SELECT id FROM incidents WHERE call_id = @CallId", new { CallId = callId });
            _incidentIds[old.Key] = incidentId;
            await connection.ExecuteAsync("UPDATE calls SET incident_id = @IncidentId WHERE id = @CallId", new { IncidentId = incidentId, CallId = callId });
            foreach (var a in old.Assignments ?? [])
                await connection.ExecuteAsync(
                    "INSERT INTO assignments (incident_id, unit_id, offered_at, offered_by, acknowledged_at, ended_at, end_reason) " +
                    "VALUES (@IncidentId, @UnitId, @Offered, @By, @Acknowledged, @Ended, @Reason)",
                    new { IncidentId = incidentId, UnitId = _unitIds[a.Unit], Offered = M(a.Offered), By = Operator, Acknowledged = Ms(a.Acknowledged), Ended = Ms(a.Ended), a.Reason });
        }
        foreach (var old in OldIncidents.Where(o => o.Assignments?.Any(a => a.Ended is null) == true))
            await connection.ExecuteAsync("UPDATE units SET incident_id = @IncidentId WHERE id = @UnitId", new { IncidentId = _incidentIds[old.Key], UnitId = _unitIds[old.Unit!] });
    }
}
