-- PSC 119 dispatch schema, SQL Server dialect (same shape as the SQLite script).
-- Every *_at column holds UTC milliseconds since the Unix epoch.
-- Enum columns hold the enum's name (e.g. 'EnRoute').

CREATE TABLE stations (
    id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_stations PRIMARY KEY,
    name NVARCHAR(200) NOT NULL,
    kind NVARCHAR(32) NOT NULL,
    lat FLOAT NOT NULL,
    lon FLOAT NOT NULL,
    is_sample BIT NOT NULL CONSTRAINT df_stations_is_sample DEFAULT 0
);

CREATE TABLE units (
    id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_units PRIMARY KEY,
    call_sign NVARCHAR(50) NOT NULL CONSTRAINT uq_units_call_sign UNIQUE,
    plate NVARCHAR(50) NOT NULL,
    type NVARCHAR(16) NOT NULL,
    home_station_id BIGINT NULL CONSTRAINT fk_units_station REFERENCES stations(id),
    status NVARCHAR(32) NOT NULL,
    incident_id BIGINT NULL,
    last_lat FLOAT NULL,
    last_lon FLOAT NULL,
    last_accuracy_meters FLOAT NULL,
    last_position_at BIGINT NULL,
    version INT NOT NULL CONSTRAINT df_units_version DEFAULT 0
);

CREATE TABLE users (
    id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_users PRIMARY KEY,
    user_name NVARCHAR(100) NOT NULL CONSTRAINT uq_users_user_name UNIQUE,
    display_name NVARCHAR(200) NOT NULL,
    role NVARCHAR(32) NOT NULL,
    unit_id BIGINT NULL CONSTRAINT fk_users_unit REFERENCES units(id),
    password_hash NVARCHAR(400) NOT NULL,
    disabled BIT NOT NULL CONSTRAINT df_users_disabled DEFAULT 0,
    version INT NOT NULL CONSTRAINT df_users_version DEFAULT 0
);

CREATE TABLE calls (
    id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_calls PRIMARY KEY,
    external_id NVARCHAR(200) NOT NULL CONSTRAINT uq_calls_external_id UNIQUE,
    caller_number NVARCHAR(100) NULL,
    received_at BIGINT NOT NULL,
    source NVARCHAR(16) NOT NULL,
    lat FLOAT NULL,
    lon FLOAT NULL,
    accuracy_meters FLOAT NULL,
    flags NVARCHAR(400) NOT NULL CONSTRAINT df_calls_flags DEFAULT N'',
    status NVARCHAR(16) NOT NULL,
    answered_by NVARCHAR(100) NULL,
    answered_at BIGINT NULL,
    outcome NVARCHAR(32) NULL,
    closed_at BIGINT NULL,
    incident_id BIGINT NULL,
    ingested_at BIGINT NOT NULL,
    version INT NOT NULL CONSTRAINT df_calls_version DEFAULT 0
);
CREATE INDEX ix_calls_status ON calls (status, received_at);

CREATE TABLE incidents (
    id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_incidents PRIMARY KEY,
    call_id BIGINT NOT NULL CONSTRAINT fk_incidents_call REFERENCES calls(id),
    status NVARCHAR(32) NOT NULL,
    triage NVARCHAR(16) NOT NULL,
    is_emergency BIT NOT NULL,
    category NVARCHAR(16) NOT NULL,
    patient_count INT NOT NULL,
    lat FLOAT NOT NULL,
    lon FLOAT NOT NULL,
    address NVARCHAR(2000) NULL,
    complaint NVARCHAR(4000) NULL,
    kelurahan_code NVARCHAR(32) NULL,
    kelurahan_name NVARCHAR(200) NULL,
    kecamatan_code NVARCHAR(32) NULL,
    kecamatan_name NVARCHAR(200) NULL,
    unit_id BIGINT NULL CONSTRAINT fk_incidents_unit REFERENCES units(id),
    destination_id BIGINT NULL CONSTRAINT fk_incidents_destination REFERENCES stations(id),
    cancel_reason NVARCHAR(1000) NULL,
    created_by NVARCHAR(100) NOT NULL,
    version INT NOT NULL CONSTRAINT df_incidents_version DEFAULT 0,
    call_received_at BIGINT NULL,
    call_answered_at BIGINT NULL,
    created_at BIGINT NULL,
    unit_notified_at BIGINT NULL,
    acknowledged_at BIGINT NULL,
    en_route_at BIGINT NULL,
    on_scene_at BIGINT NULL,
    left_scene_at BIGINT NULL,
    at_destination_at BIGINT NULL,
    handover_at BIGINT NULL,
    back_in_service_at BIGINT NULL,
    closed_at BIGINT NULL,
    cancelled_at BIGINT NULL
);
CREATE INDEX ix_incidents_status ON incidents (status);
CREATE INDEX ix_incidents_call_received ON incidents (call_received_at);
-- The database itself guarantees one unit is never on two active incidents.
CREATE UNIQUE INDEX ux_incidents_busy_unit ON incidents (unit_id)
    WHERE status IN (N'Dispatched', N'Acknowledged', N'EnRoute', N'OnScene', N'Transporting', N'AtDestination', N'Handover');

CREATE TABLE assignments (
    id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_assignments PRIMARY KEY,
    incident_id BIGINT NOT NULL CONSTRAINT fk_assignments_incident REFERENCES incidents(id),
    unit_id BIGINT NOT NULL CONSTRAINT fk_assignments_unit REFERENCES units(id),
    offered_at BIGINT NOT NULL,
    offered_by NVARCHAR(100) NOT NULL,
    acknowledged_at BIGINT NULL,
    ended_at BIGINT NULL,
    end_reason NVARCHAR(1000) NULL
);
CREATE INDEX ix_assignments_unit ON assignments (unit_id, ended_at);
CREATE UNIQUE INDEX ux_assignments_open_unit ON assignments (unit_id) WHERE ended_at IS NULL;

-- Append-only audit trail: who did what, when, and the values it changed.
CREATE TABLE incident_log (
    id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_incident_log PRIMARY KEY,
    at BIGINT NOT NULL,
    actor NVARCHAR(100) NOT NULL,
    action NVARCHAR(64) NOT NULL,
    call_id BIGINT NULL,
    incident_id BIGINT NULL,
    unit_id BIGINT NULL,
    details NVARCHAR(MAX) NULL
);
CREATE INDEX ix_incident_log_incident ON incident_log (incident_id, id);
CREATE INDEX ix_incident_log_call ON incident_log (call_id, id);
GO
CREATE TRIGGER incident_log_append_only ON incident_log
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 50000, N'incident_log is append-only', 1;
END;
GO

-- Pushed events in one global order; clients that reconnect read what they missed.
CREATE TABLE events (
    seq BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_events PRIMARY KEY,
    at BIGINT NOT NULL,
    type NVARCHAR(32) NOT NULL,
    audience NVARCHAR(64) NOT NULL,
    data NVARCHAR(MAX) NOT NULL
);
CREATE INDEX ix_events_audience ON events (audience, seq);
