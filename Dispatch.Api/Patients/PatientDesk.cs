using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Incidents;
using Dispatch.Api.Units;
using Dispatch.Core.Common;
using Dispatch.Core.Incidents;
using Dispatch.Core.Patients;
using Dispatch.Core.Units;

namespace Dispatch.Api.Patients;

/// <summary>
/// The crew's patient records: one method per action, each one transaction with its incident log
/// row (personal values sealed) and a <c>PatientChanged</c> event to the operators and the units on
/// the incident. Replays are answered, never doubled: a patient id or an observation id already
/// recorded returns what is stored.
/// </summary>
public sealed class PatientDesk(Db db, IncidentStore incidents, PatientStore patients, StationStore stations, Icd10Catalog icd10,
    Facilities.PreNotifier preNotifier)
{
    private const string Refusal = "Crews read and write the patients of their own unit's incidents only, from the time they joined the unit.";
    private const int Attempts = 3;

    /// <summary>The incident's patients; <c>Past</c> when the incident is over (a read the endpoint records in the access log).</summary>
    public Task<(IReadOnlyList<PatientView> Patients, bool Past)> ListAsync(long incidentId, CurrentUser user, CancellationToken ct) =>
        db.ReadAsync(async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            await CrewAccess.EnsureAsync(s, incidentId, user, Refusal);
            return (await patients.ListAsync(s, incidentId, icd10.IsListed), !incident.IsActive);
        }, ct);

    /// <summary>Adds a patient, or answers the one already recorded under this id for this incident (<c>Created</c> false).</summary>
    public Task<(PatientView Patient, bool Created)> AddAsync(long incidentId, string? id, PatientChange change, CurrentUser user, CancellationToken ct) =>
        db.WriteAsync(user.Name, async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            var unitId = await CrewAccess.EnsureAsync(s, incidentId, user, Refusal);
            await EnsureNotErasedAsync(s, incidentId);
            var patientId = id ?? Guid.NewGuid().ToString();
            if (await patients.FindAsync(s, patientId) is { } existing)
            {
                if (existing.IncidentId != incidentId)
                    throw new RuleViolation("patient-id-taken", "This patient id is already used on another incident.");
                return (await ViewAsync(s, existing), false);
            }
            var patient = PatientRecord.New(patientId, incidentId).With(change);
            await EnsureDestinationAsync(s, patient);
            await patients.AddAsync(s, patient);
            return (await RecordAsync(s, incident, unitId, patient, "patient.add", Details(patientId, change)), true);
        }, ct);

    /// <summary>
    /// Changes the fields sent. With <paramref name="version"/> the change applies only to that
    /// version (409 concurrency otherwise); without, the fields sent win over what is stored
    /// (last writer wins per field: two phones changing different fields both keep theirs).
    /// </summary>
    public async Task<PatientView> ChangeAsync(long incidentId, string patientId, PatientChange change, int? version, CurrentUser user, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.WriteAsync(user.Name, async s =>
                {
                    var (incident, unitId, stored) = await OpenAsync(s, incidentId, patientId, user);
                    if (version is { } v && v != stored.Version) throw new ConcurrencyConflict($"Patient {patientId}");
                    var patient = stored.With(change);
                    await EnsureDestinationAsync(s, patient);
                    await patients.SaveAsync(s, patient);
                    return await RecordAsync(s, incident, unitId, patient, "patient.change", Details(patientId, change));
                }, ct);
            }
            catch (ConcurrencyConflict) when (version is null && attempt < Attempts)
            {
                // Another writer saved between our read and write: read again and apply the fields sent on top.
            }
        }
    }

    /// <summary>Records observations, or answers the patient as is when this observation id was recorded before.</summary>
    public Task<(PatientView Patient, bool Created)> ObserveAsync(long incidentId, string patientId, Observation observation, CurrentUser user, CancellationToken ct) =>
        db.WriteAsync(user.Name, async s =>
        {
            var (incident, unitId, patient) = await OpenAsync(s, incidentId, patientId, user);
            if (await patients.ObservationPatientAsync(s, observation.Id) is { } recordedFor)
            {
                if (recordedFor != patientId) throw new RuleViolation("observation-id-taken", "This observation id is already used for another patient.");
                return (await ViewAsync(s, patient), false);
            }
            await patients.AddObservationAsync(s, patient, observation);
            var details = new Dictionary<string, object?> { ["patientId"] = patientId, ["observationId"] = observation.Id, ["observation"] = observation };
            return (await RecordAsync(s, incident, unitId, patient, "patient.observation", details), true);
        }, ct);

    private async Task<(Incident Incident, long? UnitId, PatientRecord Patient)> OpenAsync(DbSession s, long incidentId, string patientId, CurrentUser user)
    {
        var incident = await incidents.GetAsync(s, incidentId);
        var unitId = await CrewAccess.EnsureAsync(s, incidentId, user, Refusal);
        await EnsureNotErasedAsync(s, incidentId);
        var patient = await patients.FindAsync(s, patientId);
        if (patient is null || patient.IncidentId != incidentId) throw new NotFound($"Patient {patientId} of incident {incidentId}");
        return (incident, unitId, patient);
    }

    private async Task EnsureNotErasedAsync(DbSession s, long incidentId)
    {
        if (await patients.IncidentErasedAsync(s, incidentId))
            throw new RuleViolation("incident-erased", "The personal data of this incident was erased; no patient data is recorded on it any more.");
    }

    private async Task EnsureDestinationAsync(DbSession s, PatientRecord patient)
    {
        if (patient.DestinationId is not { } id) return;
        if (!(await stations.ListAsync(s)).Any(f => f.Id == id && f.Kind != StationKind.PscPost))
            throw new RuleViolation("unknown-destination", $"Facility {id} is not a known hospital or puskesmas.");
    }

    // The log row (its personal values sealed under the incident's key) and the event to the
    // operators, the units on the incident and the writer's own unit (whose response may be over).
    private async Task<PatientView> RecordAsync(DbSession s, Incident incident, long? unitId, PatientRecord patient, string action, Dictionary<string, object?> details)
    {
        s.Log(action, incident.CallId, incident.Id, unitId, details);
        var view = await ViewAsync(s, patient);
        s.Emit(EventTypes.PatientChanged, Audiences.Operators, view, incident.Id);
        var units = incident.Responses.Where(r => r.IsActive).Select(r => r.UnitId).Append(unitId ?? 0).Where(u => u != 0).Distinct();
        foreach (var u in units) s.Emit(EventTypes.PatientChanged, Audiences.Unit(u), view, incident.Id);
        await preNotifier.AfterPatientAsync(s, incident);
        return view;
    }

    private async Task<PatientView> ViewAsync(DbSession s, PatientRecord patient) =>
        (await patients.ListAsync(s, patient.IncidentId, icd10.IsListed)).Single(p => p.Id == patient.Id);

    // The fields sent, under the names PersonalFields seals (name, age, sex, icd10, treatments, ...).
    private static Dictionary<string, object?> Details(string patientId, PatientChange change)
    {
        var all = new Dictionary<PatientField, object?>
        {
            [PatientField.Name] = change.Name, [PatientField.Age] = change.Age, [PatientField.AgeGroup] = change.AgeGroup, [PatientField.Sex] = change.Sex,
            [PatientField.Triage] = change.Triage, [PatientField.Icd10] = change.Icd10, [PatientField.Treatments] = change.Treatments,
            [PatientField.Outcome] = change.Outcome, [PatientField.DestinationId] = change.DestinationId, [PatientField.SisruteRef] = change.SisruteRef,
            [PatientField.HandoverAt] = change.HandoverAt, [PatientField.ReceivedBy] = change.ReceivedBy,
        };
        var details = new Dictionary<string, object?> { ["patientId"] = patientId };
        foreach (var (field, value) in all.Where(f => change.Has(f.Key))) details[char.ToLowerInvariant(field.ToString()[0]) + field.ToString()[1..]] = value;
        return details;
    }
}
