-- History that imports as it is (issue 16): an imported row without triage or position is kept,
-- so incidents.triage, lat and lon accept NULL, and `missing` lists what the row lacked
-- (comma-separated: triage, location, unit, time points). Named import mappings are kept.
--
-- SQLite cannot drop NOT NULL in place: the table is rebuilt with its documented procedure
-- (https://www.sqlite.org/lang_altertable.html#otheralter): create the new table, copy every
-- column, drop the old one, rename, recreate every index, check the foreign keys. Migrations run
-- with foreign keys off (Sqlite.Migrate), as the procedure requires; the children's
-- REFERENCES incidents(id) are untouched and point to the new table by name.
CREATE TABLE incidents_new (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls(id),
    status TEXT NOT NULL,
    triage TEXT,
    is_emergency INTEGER NOT NULL,
    category TEXT NOT NULL,
    patient_count INTEGER NOT NULL,
    lat REAL,
    lon REAL,
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
    cancelled_at INTEGER,
    is_imported INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT 'Line119',
    is_major INTEGER NOT NULL DEFAULT 0,
    erased_at INTEGER,
    missing TEXT
);
INSERT INTO incidents_new (id, call_id, status, triage, is_emergency, category, patient_count, lat, lon, address, complaint,
    kelurahan_code, kelurahan_name, kecamatan_code, kecamatan_name, unit_id, destination_id, cancel_reason, created_by, version,
    call_received_at, call_answered_at, created_at, unit_notified_at, acknowledged_at, en_route_at, on_scene_at, left_scene_at,
    at_destination_at, handover_at, back_in_service_at, closed_at, cancelled_at, is_imported, source, is_major, erased_at)
SELECT id, call_id, status, triage, is_emergency, category, patient_count, lat, lon, address, complaint,
    kelurahan_code, kelurahan_name, kecamatan_code, kecamatan_name, unit_id, destination_id, cancel_reason, created_by, version,
    call_received_at, call_answered_at, created_at, unit_notified_at, acknowledged_at, en_route_at, on_scene_at, left_scene_at,
    at_destination_at, handover_at, back_in_service_at, closed_at, cancelled_at, is_imported, source, is_major, erased_at
FROM incidents;
DROP TABLE incidents;
ALTER TABLE incidents_new RENAME TO incidents;
CREATE INDEX ix_incidents_status ON incidents (status);
CREATE INDEX ix_incidents_call_received ON incidents (call_received_at);
CREATE INDEX ix_incidents_report ON incidents (
    call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source,
    call_answered_at, unit_notified_at, en_route_at, on_scene_at, at_destination_at, back_in_service_at);
CREATE INDEX ix_interval_call_to_answer ON incidents ((call_received_at / 2592000000), (call_answered_at - call_received_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE call_answered_at >= call_received_at;
CREATE INDEX ix_interval_answer_to_dispatch ON incidents ((call_received_at / 2592000000), (unit_notified_at - call_answered_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE unit_notified_at >= call_answered_at;
CREATE INDEX ix_interval_dispatch_to_en_route ON incidents ((call_received_at / 2592000000), (en_route_at - unit_notified_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE en_route_at >= unit_notified_at;
CREATE INDEX ix_interval_en_route_to_on_scene ON incidents ((call_received_at / 2592000000), (on_scene_at - en_route_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE on_scene_at >= en_route_at;
CREATE INDEX ix_interval_call_to_on_scene ON incidents ((call_received_at / 2592000000), (on_scene_at - call_received_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE on_scene_at >= call_received_at;
CREATE INDEX ix_interval_on_scene_to_destination ON incidents ((call_received_at / 2592000000), (at_destination_at - on_scene_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE at_destination_at >= on_scene_at;
CREATE INDEX ix_interval_dispatch_to_back_in_service ON incidents ((call_received_at / 2592000000), (back_in_service_at - unit_notified_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE back_in_service_at >= unit_notified_at;
-- The procedure's foreign-key check: any violation aborts the script (json() of a non-JSON text raises).
SELECT CASE WHEN EXISTS (SELECT 1 FROM pragma_foreign_key_check) THEN json('0020: foreign key check failed') END;

-- Saved import mappings (the mapping JSON as sent), with who saved them last and when (UTC ms).
CREATE TABLE import_mappings (
    name TEXT NOT NULL PRIMARY KEY,
    mapping TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
