-- History that imports as it is (issue 16): an imported row without triage or position is kept,
-- so incidents.triage, lat and lon accept NULL, and `missing` lists what the row lacked
-- (comma-separated: triage, location, unit, source, complaint, time fields; every flag at once is
-- 166 characters, so 200 fits). Named import mappings are kept.
-- triage is included in ix_incidents_report: the index is dropped and rebuilt around the change.
DROP INDEX ix_incidents_report ON incidents;
ALTER TABLE incidents ALTER COLUMN triage NVARCHAR(16) NULL;
ALTER TABLE incidents ALTER COLUMN lat FLOAT NULL;
ALTER TABLE incidents ALTER COLUMN lon FLOAT NULL;
ALTER TABLE incidents ADD missing NVARCHAR(200) NULL;
CREATE INDEX ix_incidents_report ON incidents (call_received_at)
    INCLUDE (triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source, call_answered_at, unit_notified_at,
             en_route_at, on_scene_at, at_destination_at, back_in_service_at, kelurahan_name);

-- Saved import mappings (the mapping JSON as sent), with who saved them last and when (UTC ms).
CREATE TABLE import_mappings (
    name NVARCHAR(100) NOT NULL CONSTRAINT pk_import_mappings PRIMARY KEY,
    mapping NVARCHAR(MAX) NOT NULL,
    updated_by NVARCHAR(100) NOT NULL,
    updated_at BIGINT NOT NULL
);
