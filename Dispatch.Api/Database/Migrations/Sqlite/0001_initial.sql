-- PSC 119 dispatch schema, SQLite dialect.
-- Every *_at column holds UTC milliseconds since the Unix epoch.
-- Enum columns hold the enum's name (e.g. 'EnRoute'); booleans are 0/1.

CREATE TABLE stations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    is_sample INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    call_sign TEXT NOT NULL UNIQUE,
    plate TEXT NOT NULL,
    type TEXT NOT NULL,
    home_station_id INTEGER REFERENCES stations(id),
    status TEXT NOT NULL,
    incident_id INTEGER,
    last_lat REAL,
    last_lon REAL,
    last_accuracy_meters REAL,
    last_position_at INTEGER,
    version INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    user_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    unit_id INTEGER REFERENCES units(id),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE calls (
    id INTEGER PRIMARY KEY,
    external_id TEXT NOT NULL UNIQUE,
    caller_number TEXT,
    received_at INTEGER NOT NULL,
    source TEXT NOT NULL,
    lat REAL,
    lon REAL,
    accuracy_meters REAL,
    flags TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    answered_by TEXT,
    answered_at INTEGER,
    outcome TEXT,
    closed_at INTEGER,
    incident_id INTEGER,
    ingested_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_calls_status ON calls (status, received_at);

CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls(id),
    status TEXT NOT NULL,
    triage TEXT NOT NULL,
    is_emergency INTEGER NOT NULL,
    category TEXT NOT NULL,
    patient_count INTEGER NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    address TEXT,
    complaint TEXT,
    kelurahan_code TEXT,
    kelurahan_name TEXT,
    kecamatan_code TEXT,
    kecamatan_name TEXT,
    unit_id INTEGER REFERENCES units(id),
    destination_id INTEGER REFERENCES stations(id),
    cancel_reason TEXT,
    created_by TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    call_received_at INTEGER,
    call_answered_at INTEGER,
    created_at INTEGER,
    unit_notified_at INTEGER,
    acknowledged_at INTEGER,
    en_route_at INTEGER,
    on_scene_at INTEGER,
    left_scene_at INTEGER,
    at_destination_at INTEGER,
    handover_at INTEGER,
    back_in_service_at INTEGER,
    closed_at INTEGER,
    cancelled_at INTEGER
);
CREATE INDEX ix_incidents_status ON incidents (status);
CREATE INDEX ix_incidents_call_received ON incidents (call_received_at);
-- The database itself guarantees one unit is never on two active incidents.
CREATE UNIQUE INDEX ux_incidents_busy_unit ON incidents (unit_id)
    WHERE status IN ('Dispatched', 'Acknowledged', 'EnRoute', 'OnScene', 'Transporting', 'AtDestination', 'Handover');

CREATE TABLE assignments (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    offered_at INTEGER NOT NULL,
    offered_by TEXT NOT NULL,
    acknowledged_at INTEGER,
    ended_at INTEGER,
    end_reason TEXT
);
CREATE INDEX ix_assignments_unit ON assignments (unit_id, ended_at);
CREATE UNIQUE INDEX ux_assignments_open_unit ON assignments (unit_id) WHERE ended_at IS NULL;

-- Append-only audit trail: who did what, when, and the values it changed.
CREATE TABLE incident_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    call_id INTEGER,
    incident_id INTEGER,
    unit_id INTEGER,
    details TEXT
);
CREATE INDEX ix_incident_log_incident ON incident_log (incident_id, id);
CREATE INDEX ix_incident_log_call ON incident_log (call_id, id);
CREATE TRIGGER incident_log_no_update BEFORE UPDATE ON incident_log
BEGIN SELECT RAISE(ABORT, 'incident_log is append-only'); END;
CREATE TRIGGER incident_log_no_delete BEFORE DELETE ON incident_log
BEGIN SELECT RAISE(ABORT, 'incident_log is append-only'); END;

-- Pushed events in one global order; clients that reconnect read what they missed.
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    type TEXT NOT NULL,
    audience TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX ix_events_audience ON events (audience, seq);
