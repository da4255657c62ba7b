-- Patient records by the crew (issue 15). A patient belongs to one incident (its subject for
-- personal data: name, age, sex, observations, treatments, diagnosis, receiving staff, SISRUTE
-- reference are specific personal data, UU 27/2022 Pasal 4). The id is chosen by the phone (a
-- UUID), so a record made offline is referenced before it reaches the server.
CREATE TABLE patients (
    id VARCHAR(64) NOT NULL CONSTRAINT pk_patients PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    name VARCHAR(200) NULL,
    age INTEGER NULL,
    age_group VARCHAR(16) NULL,
    sex VARCHAR(16) NULL,
    triage VARCHAR(16) NULL,
    icd10 VARCHAR(8) NULL,
    -- JSON array of short texts (each at most TextLimits.Treatment, at most PatientFields.MaxTreatments).
    treatments TEXT NOT NULL,
    outcome VARCHAR(20) NULL,
    destination_id BIGINT NULL REFERENCES stations(id),
    sisrute_ref VARCHAR(64) NULL,
    handover_at BIGINT NULL,
    received_by VARCHAR(200) NULL,
    created_at BIGINT NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX ix_patients_incident ON patients (incident_id);
CREATE INDEX ix_patients_sisrute ON patients (sisrute_ref);

-- Observations over time; the id is the phone's (a UUID) so that a replay records nothing twice.
CREATE TABLE patient_observations (
    id VARCHAR(64) NOT NULL CONSTRAINT pk_patient_observations PRIMARY KEY,
    patient_id VARCHAR(64) NOT NULL REFERENCES patients(id),
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    at BIGINT NOT NULL,
    recorded_by VARCHAR(100) NOT NULL,
    systolic INTEGER NULL,
    diastolic INTEGER NULL,
    pulse INTEGER NULL,
    resp_rate INTEGER NULL,
    spo2 INTEGER NULL,
    gcs INTEGER NULL,
    temperature DOUBLE PRECISION NULL,
    glucose INTEGER NULL
);
CREATE INDEX ix_patient_observations_patient ON patient_observations (patient_id, at);
CREATE INDEX ix_patient_observations_incident ON patient_observations (incident_id);
