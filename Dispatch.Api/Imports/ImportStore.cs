using Dispatch.Api.Database;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Imports;

/// <summary>
/// Writes imported history: a closed call and a closed incident marked as imported, per row, and
/// when the row names a unit, its completed response (so imported history counts in unit workload
/// like live history).
/// </summary>
public sealed class ImportStore
{
    public static readonly (string Field, string Column)[] TimeColumns =
    [
        ("callReceived", "call_received_at"), ("callAnswered", "call_answered_at"), ("incidentCreated", "created_at"),
        ("unitNotified", "unit_notified_at"), ("unitAcknowledged", "acknowledged_at"), ("enRoute", "en_route_at"),
        ("onScene", "on_scene_at"), ("leftScene", "left_scene_at"), ("atDestination", "at_destination_at"),
        ("handover", "handover_at"), ("backInService", "back_in_service_at"), ("closed", "closed_at"),
    ];

    private static readonly SqlText Existing = SqlText.Of("ImportStore.Existing", d => $"SELECT external_id FROM calls WHERE {d.InList("external_id", "@Ids")}");

    private static readonly SqlText InsertCall = SqlText.Of("ImportStore.InsertCall", d => d.InsertReturning("calls",
        "external_id, received_at, source, flags, status, outcome, closed_at, ingested_at",
        "@ExternalId, @ReceivedAt, @Source, '', 'Closed', 'Incident', @ClosedAt, @IngestedAt"));

    private static readonly SqlText InsertIncident = SqlText.Of("ImportStore.InsertIncident", d => d.InsertReturning("incidents",
        "call_id, status, triage, is_emergency, category, patient_count, lat, lon, complaint, kelurahan_code, kelurahan_name, " +
        "kecamatan_code, kecamatan_name, unit_id, created_by, is_imported, source, missing, " + string.Join(", ", TimeColumns.Select(t => t.Column)),
        "@CallId, 'Closed', @Triage, @IsEmergency, @Category, 1, @Lat, @Lon, @Complaint, @KelurahanCode, @KelurahanName, " +
        "@KecamatanCode, @KecamatanName, @UnitId, @CreatedBy, @IsImported, @Source, @Missing, " + string.Join(", ", TimeColumns.Select(t => "@" + t.Column))));

    private static readonly SqlText InsertResponse = SqlText.Of("ImportStore.InsertResponse",
        "INSERT INTO responses (incident_id, unit_id, call_sign, status, notified_by, notified_at, acknowledged_at, en_route_at, on_scene_at, " +
        "left_scene_at, at_destination_at, handover_at, back_in_service_at, ended_at, end_reason, call_received_at) " +
        "SELECT @IncidentId, u.id, u.call_sign, @Status, @CreatedBy, @NotifiedAt, @AcknowledgedAt, @EnRouteAt, @OnSceneAt, " +
        "@LeftSceneAt, @AtDestinationAt, @HandoverAt, @BackInServiceAt, @EndedAt, @EndReason, " +
        "(SELECT i.call_received_at FROM incidents i WHERE i.id = @IncidentId) FROM units u WHERE u.id = @UnitId");

    private static readonly SqlText LinkCall = SqlText.Of("ImportStore.LinkCall", "UPDATE calls SET incident_id = @IncidentId WHERE id = @CallId");

    public static string Key(string externalId) => $"import:{externalId}";

    /// <summary>Which of <paramref name="externalIds"/> (as in the file) were imported before: one query for a batch.</summary>
    public async Task<HashSet<string>> ExistingAsync(DbSession s, IEnumerable<string> externalIds) =>
        [.. (await s.QueryAsync<string>(Existing, new { Ids = externalIds.Select(Key).ToArray() })).Select(k => k[Key("").Length..])];

    public async Task<long> AddAsync(DbSession s, ParsedRow row)
    {
        var received = row.Times["callReceived"];
        var callId = await s.InsertAsync(InsertCall, new
        {
            ExternalId = Key(row.ExternalId), ReceivedAt = received, row.Source,
            ClosedAt = row.Times.GetValueOrDefault("closed", received), IngestedAt = s.Now,
        });
        var args = new Dapper.DynamicParameters(new
        {
            CallId = callId, row.Triage, row.Category, row.Lat, row.Lon, row.Complaint, KelurahanCode = row.Area.Kelurahan?.Code,
            KelurahanName = row.Area.Kelurahan?.Name, KecamatanCode = row.Area.Kecamatan?.Code, KecamatanName = row.Area.Kecamatan?.Name,
            row.UnitId, CreatedBy = s.Actor, row.Source, Missing = row.Missing.Count == 0 ? null : string.Join(",", row.Missing),
            // Booleans as parameters: a literal 1 is no boolean on PostgreSQL.
            IsEmergency = true, IsImported = true,
        });
        foreach (var (field, column) in TimeColumns) args.Add(column, row.Times.TryGetValue(field, out var t) ? t.ToUnixTimeMilliseconds() : null);
        var incidentId = await s.InsertAsync(InsertIncident, args);
        await s.ExecuteAsync(LinkCall, new { IncidentId = incidentId, CallId = callId });
        if (row.UnitId is { } unitId) await AddResponseAsync(s, incidentId, unitId, row.Times);
        s.Log("incident.imported", callId, incidentId, row.UnitId, new { externalId = row.ExternalId, line = row.Line, missing = row.Missing });
        return incidentId;
    }

    /// <summary>
    /// The unit's completed response with the row's unit time points. It was notified at the first
    /// time the row has from unit notified back to the call; it ended at the last unit time point.
    /// </summary>
    private static Task AddResponseAsync(DbSession s, long incidentId, long unitId, Dictionary<string, DateTimeOffset> times)
    {
        long? At(string field) => times.TryGetValue(field, out var t) ? t.ToUnixTimeMilliseconds() : null;
        var notified = At("unitNotified") ?? At("incidentCreated") ?? At("callAnswered") ?? At("callReceived");
        var ended = At("backInService") ?? At("closed") ?? At("handover") ?? At("atDestination") ?? At("leftScene") ?? At("onScene") ?? notified;
        return s.ExecuteAsync(InsertResponse, new
        {
            IncidentId = incidentId, UnitId = unitId, Status = nameof(ResponseStatus.Ended), CreatedBy = s.Actor, NotifiedAt = notified,
            AcknowledgedAt = At("unitAcknowledged"), EnRouteAt = At("enRoute"), OnSceneAt = At("onScene"), LeftSceneAt = At("leftScene"),
            AtDestinationAt = At("atDestination"), HandoverAt = At("handover"), BackInServiceAt = At("backInService"), EndedAt = ended,
            EndReason = nameof(ResponseEnd.Completed),
        });
    }
}
