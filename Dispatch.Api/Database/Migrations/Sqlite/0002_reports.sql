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
-- One partial expression index per reported interval, ordered by the interval's value: the
-- percentile queries walk it in order (no sort) and filter from the index alone.
CREATE INDEX ix_interval_call_to_answer ON incidents ((call_answered_at - call_received_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE call_answered_at >= call_received_at;
CREATE INDEX ix_interval_answer_to_dispatch ON incidents ((unit_notified_at - call_answered_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE unit_notified_at >= call_answered_at;
CREATE INDEX ix_interval_dispatch_to_en_route ON incidents ((en_route_at - unit_notified_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE en_route_at >= unit_notified_at;
CREATE INDEX ix_interval_en_route_to_on_scene ON incidents ((on_scene_at - en_route_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE on_scene_at >= en_route_at;
CREATE INDEX ix_interval_call_to_on_scene ON incidents ((on_scene_at - call_received_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE on_scene_at >= call_received_at;
CREATE INDEX ix_interval_on_scene_to_destination ON incidents ((at_destination_at - on_scene_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE at_destination_at >= on_scene_at;
CREATE INDEX ix_interval_dispatch_to_back_in_service ON incidents ((back_in_service_at - unit_notified_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE back_in_service_at >= unit_notified_at;
