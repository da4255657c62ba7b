-- Reports count every response (issue 13): unit workload and busy time join each incident of the
-- report's time range to its responses. This index answers that probe, and the report's unit
-- filter (any response of the incident was that unit), from the index alone.
CREATE INDEX ix_responses_report ON responses (incident_id, unit_id, notified_at, back_in_service_at, ended_at, end_reason);

-- The one-year report without incident filters reads its responses by the call time alone, in
-- order, from this index (no probe per incident).
CREATE INDEX ix_responses_received ON responses (call_received_at, unit_id, notified_at, back_in_service_at, ended_at, end_reason);
