-- PSC 119 dispatch schema, PostgreSQL dialect (same shape as the SQLite and SQL Server scripts;
-- text lengths as on SQL Server, so both server databases refuse the same oversized values).
-- Every *_at column holds UTC milliseconds since the Unix epoch.
-- Enum columns hold the enum's name (e.g. 'EnRoute').

-- User names compare and stay unique without regard to case, as on SQLite (NOCASE) and SQL Server.
CREATE COLLATION psc119_nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

CREATE TABLE stations (
    id BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_stations PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    is_sample BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE units (
    id BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_units PRIMARY KEY,
    call_sign VARCHAR(50) NOT NULL CONSTRAINT uq_units_call_sign UNIQUE,
    plate VARCHAR(50) NOT NULL,
    type VARCHAR(16) NOT NULL,
    home_station_id BIGINT NULL CONSTRAINT fk_units_station REFERENCES stations(id),
    status VARCHAR(32) NOT NULL,
    incident_id BIGINT NULL,
    last_lat DOUBLE PRECISION NULL,
    last_lon DOUBLE PRECISION NULL,
    last_accuracy_meters DOUBLE PRECISION NULL,
    last_position_at BIGINT NULL,
    version INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_users PRIMARY KEY,
    user_name VARCHAR(100) COLLATE psc119_nocase NOT NULL CONSTRAINT uq_users_user_name UNIQUE,
    display_name VARCHAR(200) NOT NULL,
    role VARCHAR(32) NOT NULL,
    unit_id BIGINT NULL CONSTRAINT fk_users_unit REFERENCES units(id),
    password_hash VARCHAR(400) NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    version INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE calls (
    id BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_calls PRIMARY KEY,
    external_id VARCHAR(200) NOT NULL CONSTRAINT uq_calls_external_id UNIQUE,
    caller_number VARCHAR(100) NULL,
    received_at BIGINT NOT NULL,
    source VARCHAR(16) NOT NULL,
    lat DOUBLE PRECISION NULL,
    lon DOUBLE PRECISION NULL,
    accuracy_meters DOUBLE PRECISION NULL,
    flags VARCHAR(400) NOT NULL DEFAULT '',
    status VARCHAR(16) NOT NULL,
    answered_by VARCHAR(100) NULL,
    answered_at BIGINT NULL,
    outcome VARCHAR(32) NULL,
    closed_at BIGINT NULL,
    incident_id BIGINT NULL,
    ingested_at BIGINT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_calls_status ON calls (status, received_at);

CREATE TABLE incidents (
    id BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_incidents PRIMARY KEY,
    call_id BIGINT NOT NULL CONSTRAINT fk_incidents_call REFERENCES calls(id),
    status VARCHAR(32) NOT NULL,
    triage VARCHAR(16) NOT NULL,
    is_emergency BOOLEAN NOT NULL,
    category VARCHAR(16) NOT NULL,
    patient_count INTEGER NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    address VARCHAR(2000) NULL,
    complaint VARCHAR(4000) NULL,
    kelurahan_code VARCHAR(32) NULL,
    kelurahan_name VARCHAR(200) NULL,
    kecamatan_code VARCHAR(32) NULL,
    kecamatan_name VARCHAR(200) NULL,
    unit_id BIGINT NULL CONSTRAINT fk_incidents_unit REFERENCES units(id),
    destination_id BIGINT NULL CONSTRAINT fk_incidents_destination REFERENCES stations(id),
    cancel_reason VARCHAR(1000) NULL,
    created_by VARCHAR(100) NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
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
    WHERE status IN ('Dispatched', 'Acknowledged', 'EnRoute', 'OnScene', 'Transporting', 'AtDestination', 'Handover');

CREATE TABLE assignments (
    id BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_assignments PRIMARY KEY,
    incident_id BIGINT NOT NULL CONSTRAINT fk_assignments_incident REFERENCES incidents(id),
    unit_id BIGINT NOT NULL CONSTRAINT fk_assignments_unit REFERENCES units(id),
    offered_at BIGINT NOT NULL,
    offered_by VARCHAR(100) NOT NULL,
    acknowledged_at BIGINT NULL,
    ended_at BIGINT NULL,
    end_reason VARCHAR(1000) NULL
);
CREATE INDEX ix_assignments_unit ON assignments (unit_id, ended_at);
CREATE UNIQUE INDEX ux_assignments_open_unit ON assignments (unit_id) WHERE ended_at IS NULL;

-- Append-only audit trail: who did what, when, and the values it changed.
CREATE TABLE incident_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_incident_log PRIMARY KEY,
    at BIGINT NOT NULL,
    actor VARCHAR(100) NOT NULL,
    action VARCHAR(64) NOT NULL,
    call_id BIGINT NULL,
    incident_id BIGINT NULL,
    unit_id BIGINT NULL,
    details TEXT NULL
);
CREATE INDEX ix_incident_log_incident ON incident_log (incident_id, id);
CREATE INDEX ix_incident_log_call ON incident_log (call_id, id);

CREATE FUNCTION incident_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'incident_log is append-only';
END;
$$;
CREATE TRIGGER incident_log_no_update_or_delete BEFORE UPDATE OR DELETE ON incident_log
    FOR EACH ROW EXECUTE FUNCTION incident_log_refuse_change();
-- TRUNCATE fires no row trigger; it is refused on its own.
CREATE TRIGGER incident_log_no_truncate BEFORE TRUNCATE ON incident_log
    FOR EACH STATEMENT EXECUTE FUNCTION incident_log_refuse_change();

-- Pushed events in one global order; clients that reconnect read what they missed.
CREATE TABLE events (
    seq BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_events PRIMARY KEY,
    at BIGINT NOT NULL,
    type VARCHAR(32) NOT NULL,
    audience VARCHAR(64) NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX ix_events_audience ON events (audience, seq);
