-- The ordered interval indexes lead with a 30-day time bucket (call_received_at / 2592000000 ms):
-- a report reads each bucket of its range already in order and merges them, so its work follows
-- the range asked for, not the whole history (an index ordered by value alone is walked end to end).
-- The bucket width is Sqlite.OrderedBucketMs; both must change together.
DROP INDEX ix_interval_call_to_answer;
DROP INDEX ix_interval_answer_to_dispatch;
DROP INDEX ix_interval_dispatch_to_en_route;
DROP INDEX ix_interval_en_route_to_on_scene;
DROP INDEX ix_interval_call_to_on_scene;
DROP INDEX ix_interval_on_scene_to_destination;
DROP INDEX ix_interval_dispatch_to_back_in_service;
CREATE INDEX ix_interval_call_to_answer ON incidents ((call_received_at / 2592000000), (call_answered_at - call_received_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE call_answered_at >= call_received_at;
CREATE INDEX ix_interval_answer_to_dispatch ON incidents ((call_received_at / 2592000000), (unit_notified_at - call_answered_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE unit_notified_at >= call_answered_at;
CREATE INDEX ix_interval_dispatch_to_en_route ON incidents ((call_received_at / 2592000000), (en_route_at - unit_notified_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE en_route_at >= unit_notified_at;
CREATE INDEX ix_interval_en_route_to_on_scene ON incidents ((call_received_at / 2592000000), (on_scene_at - en_route_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE on_scene_at >= en_route_at;
CREATE INDEX ix_interval_call_to_on_scene ON incidents ((call_received_at / 2592000000), (on_scene_at - call_received_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE on_scene_at >= call_received_at;
CREATE INDEX ix_interval_on_scene_to_destination ON incidents ((call_received_at / 2592000000), (at_destination_at - on_scene_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE at_destination_at >= on_scene_at;
CREATE INDEX ix_interval_dispatch_to_back_in_service ON incidents ((call_received_at / 2592000000), (back_in_service_at - unit_notified_at), call_received_at, triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source) WHERE back_in_service_at >= unit_notified_at;
