-- Incident search by caller number (GET /api/incidents/search?phone=) and the calls of an incident
-- (its caller numbers, its log): both were full scans of calls.
CREATE INDEX ix_calls_caller_number ON calls (caller_number, incident_id);
CREATE INDEX ix_calls_incident ON calls (incident_id);
