using Dispatch.Api.Calls;
using Dispatch.Api.Database;
using Dispatch.Api.Incidents;
using Dispatch.Core.Calls;
using Dispatch.Core.Common;

namespace Dispatch.Api.Privacy;

/// <summary>A call as held about a person: the call record, when its data was erased, and its own log (a call without incident).</summary>
public sealed record PersonalCall(CallView Call, DateTimeOffset? ErasedAt, IReadOnlyList<IncidentLogStore.Entry> Log);

/// <summary>An incident as held about a person: the incident with its responses, its notes with their authors, its patients with their observations, and its log, opened.</summary>
public sealed record PersonalIncident(IncidentView Incident, DateTimeOffset? ErasedAt, IReadOnlyList<NoteView> Notes, IReadOnlyList<Patients.PatientView> Patients,
    IReadOnlyList<IncidentLogStore.Entry> Log);

/// <summary>Everything held about a phone number or an incident (UU 27/2022: the person's right of access).</summary>
public sealed record PersonalDataExport(DateTimeOffset GeneratedAt, string? Phone, long? IncidentId, IReadOnlyList<PersonalCall> Calls, IReadOnlyList<PersonalIncident> Incidents);

/// <summary>What an erasure changed: calls and incidents erased, notes emptied, events deleted.</summary>
public sealed record ErasureCounts(int Calls, int Incidents, int Notes, int Events);

/// <summary>
/// The person's rights over their data: access (one JSON document) and erasure. Erasure overwrites
/// the one place each value lives (the call and incident rows, the notes), destroys the subjects'
/// sealing keys (every sealed copy in the incident log then reads as erased) and deletes their
/// events; times, triage, units, areas and counts stay, so reports give the same figures.
/// </summary>
public sealed class PersonalDataDesk(Db db, CallStore calls, IncidentStore incidents, Patients.PatientStore patients, Patients.Icd10Catalog icd10)
{
    private static readonly SqlText CallsOfNumber = SqlText.Of("PersonalDataDesk.CallsOfNumber",
        "SELECT id FROM calls WHERE caller_number = @Phone ORDER BY id");

    private static readonly SqlText CallsOfIncident = SqlText.Of("PersonalDataDesk.CallsOfIncident",
        "SELECT id FROM calls WHERE incident_id = @Id OR id = (SELECT call_id FROM incidents WHERE id = @Id) ORDER BY id");

    private static readonly SqlText IncidentErasedAt = SqlText.Of("PersonalDataDesk.IncidentErasedAt",
        "SELECT erased_at FROM incidents WHERE id = @Id");

    private static readonly SqlText CallErasedAt = SqlText.Of("PersonalDataDesk.CallErasedAt",
        "SELECT erased_at FROM calls WHERE id = @Id");

    private static readonly SqlText EraseCall = SqlText.Of("PersonalDataDesk.EraseCall",
        "UPDATE calls SET caller_number = NULL, lat = @Lat, lon = @Lon, erased_at = @At, version = version + 1 WHERE id = @Id");

    private static readonly SqlText EraseIncident = SqlText.Of("PersonalDataDesk.EraseIncident",
        "UPDATE incidents SET address = NULL, complaint = NULL, cancel_reason = NULL, lat = @Lat, lon = @Lon, erased_at = @At, version = version + 1 WHERE id = @Id");

    private static readonly SqlText EraseNotes = SqlText.Of("PersonalDataDesk.EraseNotes",
        "UPDATE incident_notes SET text = '' WHERE incident_id = @Id AND text <> ''");

    // Why a unit was released or declined is an operator's free text that may describe the person.
    private static readonly SqlText EraseEndNotes = SqlText.Of("PersonalDataDesk.EraseEndNotes",
        "UPDATE responses SET end_note = NULL WHERE incident_id = @Id AND end_note IS NOT NULL");

    private static readonly SqlText DeleteEvents = SqlText.Of("PersonalDataDesk.DeleteEvents", d =>
        $"DELETE FROM events WHERE {d.InList("incident_id", "@Incidents")} OR {d.InList("call_id", "@Calls")}");

    /// <summary>Coordinates kept after erasure: 0.01 degree (about 1.1 km), enough for area reports, not for a house.</summary>
    public static double Coarse(double degrees) => Math.Round(degrees, 2, MidpointRounding.AwayFromZero);

    /// <summary>An optional position's coarse form (imported history may have none).</summary>
    public static double? Coarse(double? degrees) => degrees is { } d ? Coarse(d) : null;

    public Task<PersonalDataExport> ExportAsync(string? phone, long? incidentId, CancellationToken ct) =>
        db.ReadAsync(async s =>
        {
            var (callIds, incidentIds) = await FindAsync(s, phone, incidentId);
            var callViews = new List<PersonalCall>();
            foreach (var id in callIds)
            {
                var call = await calls.GetAsync(s, id);
                var erasedAt = Time(await s.SingleOrDefaultAsync<long?>(CallErasedAt, new { Id = id }));
                callViews.Add(new PersonalCall(CallView.From(call), erasedAt, call.IncidentId is null ? await IncidentLogStore.ForCallAsync(s, id) : []));
            }
            var incidentViews = new List<PersonalIncident>();
            foreach (var id in incidentIds)
            {
                var incident = await incidents.GetAsync(s, id);
                var erasedAt = Time(await s.SingleOrDefaultAsync<long?>(IncidentErasedAt, new { Id = id }));
                incidentViews.Add(new PersonalIncident(IncidentView.From(incident), erasedAt, await NoteDesk.ReadAsync(s, id),
                    await patients.ListAsync(s, id, icd10.IsListed), await IncidentLogStore.ForIncidentAsync(s, id)));
            }
            return new PersonalDataExport(s.Now, phone, incidentId, callViews, incidentViews);
        }, ct);

    /// <summary>
    /// Erases by phone (every call from the number and the personal data of every incident they
    /// opened or joined) or by incident (the incident and the numbers of all its calls), in one
    /// transaction. 404 when nothing matches; 409 <c>incident-active</c> / <c>call-active</c>
    /// while a unit may still be on its way or the call is still in the queue.
    /// </summary>
    public Task<ErasureCounts> EraseAsync(string? phone, long? incidentId, string reason, string actor, CancellationToken ct) =>
        db.WriteAsync(actor, async s =>
        {
            var (callIds, incidentIds) = await FindAsync(s, phone, incidentId);
            if (callIds.Count == 0 && incidentIds.Count == 0) throw new NotFound(phone is not null ? "A call from this number" : $"Incident {incidentId}");
            return await EraseAsync(s, callIds, incidentIds, reason);
        }, ct);

    /// <summary>Erases these calls and incidents in the session's transaction (erasure requests and retention rules).</summary>
    internal async Task<ErasureCounts> EraseAsync(DbSession s, IReadOnlyList<long> callIds, IReadOnlyList<long> incidentIds, string reason)
    {
        var at = s.Now.ToUnixTimeMilliseconds();
        var notes = 0;
        foreach (var id in incidentIds)
        {
            var incident = await incidents.GetAsync(s, id);
            if (incident.IsActive)
                throw new RuleViolation("incident-active", $"Incident {id} is {incident.Status}: its data cannot be erased while it is active.", new Dictionary<string, object?> { ["incidentId"] = id });
            await s.ExecuteAsync(EraseIncident, new { Id = id, Lat = Coarse(incident.Lat), Lon = Coarse(incident.Lon), At = at });
            var emptied = await s.ExecuteAsync(EraseNotes, new { Id = id });
            await s.ExecuteAsync(EraseEndNotes, new { Id = id });
            var patientsErased = await patients.EraseAsync(s, id);
            notes += emptied;
            s.Log("personal-data.erased", incidentId: id, details: new { reason, notesEmptied = emptied, patientsErased });
        }
        foreach (var id in callIds)
        {
            var call = await calls.GetAsync(s, id);
            if (call.Status != CallStatus.Closed)
                throw new RuleViolation("call-active", $"Call {id} is {call.Status}: its data cannot be erased before it is closed.", new Dictionary<string, object?> { ["callId"] = id });
            await s.ExecuteAsync(EraseCall, new { Id = id, Lat = call.Location is { } p ? Coarse(p.Lat) : (double?)null, Lon = call.Location is { } q ? Coarse(q.Lon) : (double?)null, At = at });
            s.Log("personal-data.erased", callId: id, details: new { reason });
        }
        // In chunks: a number with thousands of calls (a prank caller) stays under SQL Server's 2,100 parameters a statement.
        var events = 0;
        foreach (var chunk in incidentIds.Chunk(ListChunk))
        {
            await SubjectKeys.DestroyAsync(s, chunk.Select(PersonalFields.IncidentSubject).ToList());
            events += await s.ExecuteAsync(DeleteEvents, new { Incidents = chunk, Calls = Array.Empty<long>() });
        }
        foreach (var chunk in callIds.Chunk(ListChunk))
        {
            await SubjectKeys.DestroyAsync(s, chunk.Select(PersonalFields.CallSubject).ToList());
            events += await s.ExecuteAsync(DeleteEvents, new { Incidents = Array.Empty<long>(), Calls = chunk });
        }
        return new ErasureCounts(callIds.Count, incidentIds.Count, notes, events);
    }

    private const int ListChunk = 1000;

    private static DateTimeOffset? Time(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;

    // The calls and incidents of a phone number (its calls and the incidents they opened or joined) or of an incident.
    private async Task<(List<long> Calls, List<long> Incidents)> FindAsync(DbSession s, string? phone, long? incidentId)
    {
        if (phone is not null)
        {
            var callIds = (await s.QueryAsync<long>(CallsOfNumber, new { Phone = phone })).ToList();
            var incidentIds = new SortedSet<long>();
            foreach (var id in callIds)
                if ((await calls.GetAsync(s, id)).IncidentId is { } i) incidentIds.Add(i);
            return (callIds, [.. incidentIds]);
        }
        var incident = await incidents.GetAsync(s, incidentId!.Value); // 404 for an unknown incident
        return ((await s.QueryAsync<long>(CallsOfIncident, new { Id = incident.Id })).ToList(), [incident.Id]);
    }
}
