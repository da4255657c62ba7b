-- Patient records by the crew (issue 15). A patient belongs to one incident (its subject for
-- personal data: name, age, sex, observations, treatments, diagnosis, receiving staff, SISRUTE
-- reference are specific personal data, UU 27/2022 Pasal 4). The id is chosen by the phone (a
-- UUID), so a record made offline is referenced before it reaches the server.
CREATE TABLE patients (
    id TEXT NOT NULL PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    name TEXT NULL,
    age INTEGER NULL,
    age_group TEXT NULL,
    sex TEXT NULL,
    triage TEXT NULL,
    icd10 TEXT NULL,
    -- JSON array of short texts (each at most TextLimits.Treatment, at most PatientFields.MaxTreatments).
    treatments TEXT NOT NULL,
    outcome TEXT NULL,
    destination_id INTEGER NULL REFERENCES stations(id),
    sisrute_ref TEXT NULL,
    handover_at INTEGER NULL,
    received_by TEXT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX ix_patients_incident ON patients (incident_id);
CREATE INDEX ix_patients_sisrute ON patients (sisrute_ref);

-- Observations over time; the id is the phone's (a UUID) so that a replay records nothing twice.
CREATE TABLE patient_observations (
    id TEXT NOT NULL PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    at INTEGER NOT NULL,
    recorded_by TEXT NOT NULL,
    systolic INTEGER NULL,
    diastolic INTEGER NULL,
    pulse INTEGER NULL,
    resp_rate INTEGER NULL,
    spo2 INTEGER NULL,
    gcs INTEGER NULL,
    temperature REAL NULL,
    glucose INTEGER NULL
);
CREATE INDEX ix_patient_observations_patient ON patient_observations (patient_id, at);
CREATE INDEX ix_patient_observations_incident ON patient_observations (incident_id);
