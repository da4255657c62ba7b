using System.Text.Json;
using Dispatch.Api.Database;
using Dispatch.Core.Incidents;
using Dispatch.Core.Patients;

namespace Dispatch.Api.Patients;

/// <summary>Patients and their observations (migration 0017); the plaintext of their personal data lives here only.</summary>
public sealed class PatientStore
{
    private const string Columns = "id, incident_id, name, age, age_group, sex, triage, icd10, treatments, outcome, destination_id, sisrute_ref, handover_at, received_by, updated_at, version";
    private const string ObservationColumns = "id, patient_id, at, recorded_by, systolic, diastolic, pulse, resp_rate, spo2, gcs, temperature, glucose";

    private static readonly SqlText ById = SqlText.Of("PatientStore.ById", $"SELECT {Columns} FROM patients WHERE id = @Id");
    private static readonly SqlText ForIncident = SqlText.Of("PatientStore.ForIncident", $"SELECT {Columns} FROM patients WHERE incident_id = @IncidentId ORDER BY created_at, id");
    private static readonly SqlText Insert = SqlText.Of("PatientStore.Insert",
        $"INSERT INTO patients ({Columns}, created_at, created_by) VALUES (@Id, @IncidentId, @Name, @Age, @AgeGroup, @Sex, @Triage, @Icd10, @Treatments, " +
        "@Outcome, @DestinationId, @SisruteRef, @HandoverAt, @ReceivedBy, @UpdatedAt, 1, @UpdatedAt, @Actor)");
    private static readonly SqlText Update = SqlText.Of("PatientStore.Update",
        "UPDATE patients SET name = @Name, age = @Age, age_group = @AgeGroup, sex = @Sex, triage = @Triage, icd10 = @Icd10, treatments = @Treatments, " +
        "outcome = @Outcome, destination_id = @DestinationId, sisrute_ref = @SisruteRef, handover_at = @HandoverAt, received_by = @ReceivedBy, " +
        "updated_at = @UpdatedAt, version = version + 1 WHERE id = @Id AND version = @Version");
    private static readonly SqlText Touch = SqlText.Of("PatientStore.Touch", "UPDATE patients SET updated_at = @UpdatedAt, version = version + 1 WHERE id = @Id");
    private static readonly SqlText ObservationById = SqlText.Of("PatientStore.ObservationById", "SELECT patient_id FROM patient_observations WHERE id = @Id");
    private static readonly SqlText ObservationsOfIncident = SqlText.Of("PatientStore.ObservationsOfIncident",
        $"SELECT {ObservationColumns} FROM patient_observations WHERE incident_id = @IncidentId ORDER BY at, id");
    private static readonly SqlText InsertObservation = SqlText.Of("PatientStore.InsertObservation",
        $"INSERT INTO patient_observations ({ObservationColumns}, incident_id) VALUES (@Id, @PatientId, @At, @RecordedBy, @Systolic, @Diastolic, @Pulse, " +
        "@RespRate, @Spo2, @Gcs, @Temperature, @Glucose, @IncidentId)");

    // Erasure (issue 14) keeps what reports need: the START tag, the age group, the diagnosis, the
    // outcome, the destination and handover time, and the count of patients (deploy/personal-data.md).
    private static readonly SqlText ErasePatients = SqlText.Of("PatientStore.Erase",
        "UPDATE patients SET name = NULL, age = NULL, sex = NULL, treatments = '[]', received_by = NULL, sisrute_ref = NULL, version = version + 1 " +
        "WHERE incident_id = @IncidentId");
    private static readonly SqlText DeleteObservations = SqlText.Of("PatientStore.DeleteObservations",
        "DELETE FROM patient_observations WHERE incident_id = @IncidentId");

    /// <summary>Overwrites the personal data of an incident's patients and deletes their observations; returns the patients touched.</summary>
    private static readonly SqlText Erased = SqlText.Of("PatientStore.Erased", "SELECT COUNT(*) FROM incidents WHERE id = @Id AND erased_at IS NOT NULL");

    /// <summary>Whether the incident's personal data was erased: no patient data may come back (a phone replaying days later).</summary>
    public async Task<bool> IncidentErasedAsync(DbSession s, long incidentId) => await s.SingleOrDefaultAsync<long>(Erased, new { Id = incidentId }) > 0;

    public async Task<int> EraseAsync(DbSession s, long incidentId)
    {
        await s.ExecuteAsync(DeleteObservations, new { IncidentId = incidentId });
        return await s.ExecuteAsync(ErasePatients, new { IncidentId = incidentId });
    }

    public async Task<PatientRecord?> FindAsync(DbSession s, string id) =>
        (await s.QueryAsync<Row>(ById, new { Id = id })).FirstOrDefault()?.ToRecord();

    /// <summary>The patients of one incident with their observations, oldest first.</summary>
    public async Task<IReadOnlyList<PatientView>> ListAsync(DbSession s, long incidentId, Func<string?, bool?> listed)
    {
        var rows = await s.QueryAsync<Row>(ForIncident, new { IncidentId = incidentId });
        var observations = (await s.QueryAsync<ObservationRow>(ObservationsOfIncident, new { IncidentId = incidentId })).ToLookup(o => o.PatientId);
        return rows.Select(r => r.ToView(listed, observations[r.Id].Select(o => o.ToView()).ToList())).ToList();
    }

    public Task AddAsync(DbSession s, PatientRecord p) => s.ExecuteAsync(Insert, Args(s, p));

    /// <summary>Saves <paramref name="p"/> over the row of version <see cref="PatientRecord.Version"/>; ConcurrencyConflict when it moved on.</summary>
    public Task SaveAsync(DbSession s, PatientRecord p) => s.UpdateVersionedAsync(Update, Args(s, p), $"Patient {p.Id}");

    /// <summary>The patient an observation id was recorded for, or null for a new id.</summary>
    public Task<string?> ObservationPatientAsync(DbSession s, string observationId) => s.SingleOrDefaultAsync<string>(ObservationById, new { Id = observationId });

    public async Task AddObservationAsync(DbSession s, PatientRecord p, Observation o)
    {
        await s.ExecuteAsync(InsertObservation, new
        {
            o.Id, PatientId = p.Id, p.IncidentId, o.At, RecordedBy = s.Actor, o.Systolic, o.Diastolic, o.Pulse, o.RespRate, o.Spo2, o.Gcs, o.Temperature, o.Glucose,
        });
        await s.ExecuteAsync(Touch, new { p.Id, UpdatedAt = s.Now });
    }

    private static object Args(DbSession s, PatientRecord p) => new
    {
        p.Id, p.IncidentId, p.Name, p.Age, AgeGroup = p.AgeGroup?.ToString(), Sex = p.Sex?.ToString(), Triage = p.Triage?.ToString(), p.Icd10,
        Treatments = JsonSerializer.Serialize(p.Treatments), Outcome = p.Outcome?.ToString(), p.DestinationId, p.SisruteRef, p.HandoverAt, p.ReceivedBy,
        UpdatedAt = s.Now, p.Version, Actor = s.Actor,
    };

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public long IncidentId { get; init; }
        public string? Name { get; init; }
        public int? Age { get; init; }
        public AgeGroup? AgeGroup { get; init; }
        public Sex? Sex { get; init; }
        public Triage? Triage { get; init; }
        public string? Icd10 { get; init; }
        public string Treatments { get; init; } = "[]";
        public PatientOutcome? Outcome { get; init; }
        public long? DestinationId { get; init; }
        public string? SisruteRef { get; init; }
        public DateTimeOffset? HandoverAt { get; init; }
        public string? ReceivedBy { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public int Version { get; init; }

        private List<string> TreatmentList => JsonSerializer.Deserialize<List<string>>(Treatments) ?? [];

        public PatientRecord ToRecord() => new(Id, IncidentId, Name, Age, AgeGroup, Sex, Triage, Icd10, TreatmentList, Outcome, DestinationId, SisruteRef, HandoverAt, ReceivedBy, Version);

        public PatientView ToView(Func<string?, bool?> listed, IReadOnlyList<ObservationView> observations) =>
            new(Id, IncidentId, Name, Age, AgeGroup, Sex, Triage, Icd10, listed(Icd10), TreatmentList, Outcome, DestinationId, SisruteRef, HandoverAt, ReceivedBy,
                UpdatedAt, Version, observations, ToRecord().Missing());
    }

    private sealed class ObservationRow
    {
        public string Id { get; init; } = "";
        public string PatientId { get; init; } = "";
        public DateTimeOffset At { get; init; }
        public string RecordedBy { get; init; } = "";
        public int? Systolic { get; init; }
        public int? Diastolic { get; init; }
        public int? Pulse { get; init; }
        public int? RespRate { get; init; }
        public int? Spo2 { get; init; }
        public int? Gcs { get; init; }
        public double? Temperature { get; init; }
        public int? Glucose { get; init; }

        public ObservationView ToView() => new(Id, At, RecordedBy, Systolic, Diastolic, Pulse, RespRate, Spo2, Gcs, Temperature, Glucose);
    }
}
