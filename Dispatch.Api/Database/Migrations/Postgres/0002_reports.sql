-- Reports and history import.
-- Imported incidents are marked; the call's source is kept on the incident so reports need no join;
-- one covering index serves every report query from the index alone (a time-range scan).
ALTER TABLE incidents ADD COLUMN is_imported BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE incidents ADD COLUMN source VARCHAR(16) NOT NULL DEFAULT 'Line119';
UPDATE incidents i SET source = c.source FROM calls c WHERE c.id = i.call_id;
CREATE INDEX ix_calls_received ON calls (received_at) INCLUDE (source, outcome);
CREATE INDEX ix_incidents_report ON incidents (call_received_at)
    INCLUDE (triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source, call_answered_at, unit_notified_at,
             en_route_at, on_scene_at, at_destination_at, back_in_service_at, kelurahan_name);
-- One partial expression index per reported interval, ordered by the interval's value (as on
-- SQLite): a long period's percentiles walk it in order instead of sorting. The filter columns
-- and both time points are included so the walk is an index-only scan.
CREATE INDEX ix_interval_call_to_answer ON incidents ((call_answered_at - call_received_at))
    INCLUDE (call_received_at, call_answered_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source)
    WHERE call_answered_at >= call_received_at;
CREATE INDEX ix_interval_answer_to_dispatch ON incidents ((unit_notified_at - call_answered_at))
    INCLUDE (call_received_at, call_answered_at, unit_notified_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source)
    WHERE unit_notified_at >= call_answered_at;
CREATE INDEX ix_interval_dispatch_to_en_route ON incidents ((en_route_at - unit_notified_at))
    INCLUDE (call_received_at, unit_notified_at, en_route_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source)
    WHERE en_route_at >= unit_notified_at;
CREATE INDEX ix_interval_en_route_to_on_scene ON incidents ((on_scene_at - en_route_at))
    INCLUDE (call_received_at, en_route_at, on_scene_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source)
    WHERE on_scene_at >= en_route_at;
CREATE INDEX ix_interval_call_to_on_scene ON incidents ((on_scene_at - call_received_at))
    INCLUDE (call_received_at, on_scene_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source)
    WHERE on_scene_at >= call_received_at;
CREATE INDEX ix_interval_on_scene_to_destination ON incidents ((at_destination_at - on_scene_at))
    INCLUDE (call_received_at, on_scene_at, at_destination_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source)
    WHERE at_destination_at >= on_scene_at;
CREATE INDEX ix_interval_dispatch_to_back_in_service ON incidents ((back_in_service_at - unit_notified_at))
    INCLUDE (call_received_at, unit_notified_at, back_in_service_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source)
    WHERE back_in_service_at >= unit_notified_at;
