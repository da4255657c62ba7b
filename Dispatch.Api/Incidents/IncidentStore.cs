using Dispatch.Api.Database;
using Dispatch.Core.Calls;
using Dispatch.Core.Geography;
using Dispatch.Core.Common;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Incidents;

public sealed class IncidentStore(ResponseStore responses)
{
    private const string TimeColumns =
        "call_received_at, call_answered_at, created_at, unit_notified_at, acknowledged_at, en_route_at, on_scene_at, " +
        "left_scene_at, at_destination_at, handover_at, back_in_service_at, closed_at, cancelled_at";

    private const string Columns =
        "id, call_id, status, triage, is_emergency, category, patient_count, lat, lon, address, complaint, kelurahan_code, " +
        "kelurahan_name, kecamatan_code, kecamatan_name, unit_id, destination_id, cancel_reason, created_by, is_major, version, missing, " + TimeColumns;

    private static readonly SqlText ById = SqlText.Of("IncidentStore.ById", $"SELECT {Columns} FROM incidents WHERE id = @Id");
    private static readonly SqlText Active = SqlText.Of("IncidentStore.Active",
        $"SELECT {Columns} FROM incidents WHERE status NOT IN ('Closed', 'Cancelled') ORDER BY id");

    // Each active incident once per number that called about it (the opening call and attached ones).
    private static readonly SqlText ActiveWithNumbers = SqlText.Of("IncidentStore.ActiveWithNumbers",
        "SELECT i.id, i.lat, i.lon, i.created_at, c.caller_number FROM incidents i LEFT JOIN calls c ON c.incident_id = i.id " +
        "WHERE i.status NOT IN ('Closed', 'Cancelled')");

    private static readonly SqlText ActiveTriage = SqlText.Of("IncidentStore.ActiveTriage",
        "SELECT id, triage FROM incidents WHERE status NOT IN ('Closed', 'Cancelled')");

    private static readonly SqlText Insert = SqlText.Of("IncidentStore.Insert", d => d.InsertReturning("incidents",
        "call_id, status, triage, is_emergency, category, patient_count, lat, lon, address, complaint, kelurahan_code, " +
        "kelurahan_name, kecamatan_code, kecamatan_name, created_by, call_received_at, call_answered_at, created_at, source",
        "@CallId, @Status, @Triage, @IsEmergency, @Category, @PatientCount, @Lat, @Lon, @Address, @Complaint, @KelurahanCode, " +
        "@KelurahanName, @KecamatanCode, @KecamatanName, @CreatedBy, @CallReceivedAt, @CallAnsweredAt, @CreatedAt, " +
        "(SELECT c.source FROM calls c WHERE c.id = @CallId)"));

    private static readonly SqlText Update = SqlText.Of("IncidentStore.Update",
        "UPDATE incidents SET status = @Status, unit_id = @UnitId, destination_id = @DestinationId, cancel_reason = @CancelReason, " +
        "triage = @Triage, is_emergency = @IsEmergency, is_major = @IsMajor, category = @Category, patient_count = @PatientCount, " +
        "lat = @Lat, lon = @Lon, address = @Address, complaint = @Complaint, kelurahan_code = @KelurahanCode, kelurahan_name = @KelurahanName, " +
        "kecamatan_code = @KecamatanCode, kecamatan_name = @KecamatanName, " +
        "unit_notified_at = @UnitNotifiedAt, acknowledged_at = @AcknowledgedAt, en_route_at = @EnRouteAt, on_scene_at = @OnSceneAt, " +
        "left_scene_at = @LeftSceneAt, at_destination_at = @AtDestinationAt, handover_at = @HandoverAt, " +
        "back_in_service_at = @BackInServiceAt, closed_at = @ClosedAt, cancelled_at = @CancelledAt, version = version + 1 " +
        "WHERE id = @Id AND version = @Version");

    /// <summary>The incident with its responses.</summary>
    public async Task<Incident> GetAsync(DbSession s, long id)
    {
        var incident = await s.SingleOrDefaultAsync<Incident>(ById, new { Id = id }) ?? throw new NotFound($"Incident {id}");
        incident.Load(await responses.ForIncidentAsync(s, id));
        return incident;
    }

    /// <summary>Active incidents with their responses (two queries, whatever their number).</summary>
    public async Task<IReadOnlyList<Incident>> ListActiveAsync(DbSession s)
    {
        var list = (await s.QueryAsync<Incident>(Active)).ToList();
        var byIncident = await responses.ForActiveIncidentsAsync(s);
        foreach (var incident in list) incident.Load(byIncident[incident.Id]);
        return list;
    }

    /// <summary>The triage of every active incident (the recommendation's divert candidates).</summary>
    public async Task<IReadOnlyDictionary<long, Triage>> ActiveTriagesAsync(DbSession s) =>
        (await s.QueryAsync<TriageRow>(ActiveTriage)).ToDictionary(r => r.Id, r => r.Triage);

    private sealed class TriageRow
    {
        public long Id { get; init; }
        public Triage Triage { get; init; }
    }

    public async Task<IReadOnlyList<ActiveIncident>> ListActiveForDuplicatesAsync(DbSession s) =>
        (await s.QueryAsync<NumberRow>(ActiveWithNumbers))
            .GroupBy(r => r.Id)
            .Select(g => new ActiveIncident(g.Key, new GeoPoint(g.First().Lat, g.First().Lon), g.First().CreatedAt,
                g.Select(r => r.CallerNumber).OfType<string>().ToHashSet()))
            .ToList();

    private sealed class NumberRow
    {
        public long Id { get; init; }
        public double Lat { get; init; }
        public double Lon { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string? CallerNumber { get; init; }
    }

    public async Task<Incident> AddAsync(DbSession s, Incident i) => await GetAsync(s, await s.InsertAsync(Insert, new
    {
        i.CallId, Status = i.Status.ToString(), Triage = i.Triage?.ToString(), i.IsEmergency, Category = i.Category.ToString(),
        i.PatientCount, i.Lat, i.Lon, i.Address, i.Complaint, i.KelurahanCode, i.KelurahanName, i.KecamatanCode, i.KecamatanName,
        i.CreatedBy, i.CallReceivedAt, i.CallAnsweredAt, i.CreatedAt,
    }));

    /// <summary>Saves the incident and its responses if nobody changed it since it was read; returns it as stored.</summary>
    public async Task<Incident> SaveAsync(DbSession s, Incident i)
    {
        await s.UpdateVersionedAsync(Update, new
        {
            i.Id, Status = i.Status.ToString(), i.UnitId, i.DestinationId, i.CancelReason, Triage = i.Triage?.ToString(), i.IsEmergency, i.IsMajor,
            Category = i.Category.ToString(), i.PatientCount, i.Lat, i.Lon, i.Address, i.Complaint, i.KelurahanCode, i.KelurahanName,
            i.KecamatanCode, i.KecamatanName, i.UnitNotifiedAt, i.AcknowledgedAt,
            i.EnRouteAt, i.OnSceneAt, i.LeftSceneAt, i.AtDestinationAt, i.HandoverAt, i.BackInServiceAt, i.ClosedAt, i.CancelledAt, i.Version,
        }, $"Incident {i.Id}");
        await responses.SaveAsync(s, i);
        return await GetAsync(s, i.Id);
    }
}
