-- Reports and history import.
-- Imported incidents are marked; the call's source is kept on the incident so reports need no join;
-- one covering index serves every report query from the index alone (a time-range seek).
ALTER TABLE incidents ADD is_imported BIT NOT NULL CONSTRAINT df_incidents_is_imported DEFAULT 0;
ALTER TABLE incidents ADD source NVARCHAR(16) NOT NULL CONSTRAINT df_incidents_source DEFAULT N'Line119';
GO
UPDATE i SET source = c.source FROM incidents i JOIN calls c ON c.id = i.call_id;
CREATE INDEX ix_calls_received ON calls (received_at) INCLUDE (source, outcome);
CREATE INDEX ix_incidents_report ON incidents (call_received_at)
    INCLUDE (triage, kecamatan_code, kelurahan_code, unit_id, is_emergency, source, call_answered_at, unit_notified_at,
             en_route_at, on_scene_at, at_destination_at, back_in_service_at, kelurahan_name);
