-- Patient records by the crew (issue 15). A patient belongs to one incident (its subject for
-- personal data: name, age, sex, observations, treatments, diagnosis, receiving staff, SISRUTE
-- reference are specific personal data, UU 27/2022 Pasal 4). The id is chosen by the phone (a
-- UUID), so a record made offline is referenced before it reaches the server.
CREATE TABLE patients (
    id NVARCHAR(64) NOT NULL CONSTRAINT pk_patients PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    name NVARCHAR(200) NULL,
    age INT NULL,
    age_group NVARCHAR(16) NULL,
    sex NVARCHAR(16) NULL,
    triage NVARCHAR(16) NULL,
    icd10 NVARCHAR(8) NULL,
    -- JSON array of short texts (each at most TextLimits.Treatment, at most PatientFields.MaxTreatments).
    treatments NVARCHAR(MAX) NOT NULL,
    outcome NVARCHAR(20) NULL,
    destination_id BIGINT NULL REFERENCES stations(id),
    sisrute_ref NVARCHAR(64) NULL,
    handover_at BIGINT NULL,
    received_by NVARCHAR(200) NULL,
    created_at BIGINT NOT NULL,
    created_by NVARCHAR(100) NOT NULL,
    updated_at BIGINT NOT NULL,
    version INT NOT NULL
);
CREATE INDEX ix_patients_incident ON patients (incident_id);
CREATE INDEX ix_patients_sisrute ON patients (sisrute_ref);

-- Observations over time; the id is the phone's (a UUID) so that a replay records nothing twice.
CREATE TABLE patient_observations (
    id NVARCHAR(64) NOT NULL CONSTRAINT pk_patient_observations PRIMARY KEY,
    patient_id NVARCHAR(64) NOT NULL REFERENCES patients(id),
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    at BIGINT NOT NULL,
    recorded_by NVARCHAR(100) NOT NULL,
    systolic INT NULL,
    diastolic INT NULL,
    pulse INT NULL,
    resp_rate INT NULL,
    spo2 INT NULL,
    gcs INT NULL,
    temperature FLOAT NULL,
    glucose INT NULL
);
CREATE INDEX ix_patient_observations_patient ON patient_observations (patient_id, at);
CREATE INDEX ix_patient_observations_incident ON patient_observations (incident_id);
