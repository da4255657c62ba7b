-- Reports and history import.
-- Imported incidents are marked; the call's source is kept on the incident so reports need no join;
-- one covering index serves every report query from the index alone (a time-range scan).
ALTER TABLE incidents ADD COLUMN is_imported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN source TEXT NOT NULL DEFAULT 'Line119';
UPDATE incidents SET source = (SELECT c.source FROM calls c WHERE c.id = incidents.call_id);
CREATE INDEX ix_calls_received ON calls (received_at, source, outcome);
CREATE INDEX ix_incidents_report ON incidents (
    call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source,
    call_answered_at, unit_notified_at, en_route_at, on_scene_at, at_destination_at, back_in_service_at);
