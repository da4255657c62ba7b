-- Personal data (issue 14, UU 27/2022). The plaintext of a subject lives in one place (the call and
-- incident rows, the notes); copies in incident_log.details are sealed with a key per subject
-- ('i:<incident id>' or 'c:<call id>'), and destroying the key erases every copy (crypto-shredding).
CREATE TABLE subject_keys (
    subject VARCHAR(40) NOT NULL CONSTRAINT pk_subject_keys PRIMARY KEY,
    sealing_key BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);

-- Events name the subject whose personal data they carry, so that erasure can delete them.
ALTER TABLE events ADD COLUMN incident_id BIGINT NULL;
ALTER TABLE events ADD COLUMN call_id BIGINT NULL;
CREATE INDEX ix_events_incident ON events (incident_id);
CREATE INDEX ix_events_call ON events (call_id);
-- Events stored before this migration get their subject from their payload (IncidentChanged: its
-- id; the others: incidentId; CallReceived/CallUpdated: the call's id), so erasure reaches them too.
UPDATE events SET
    incident_id = CASE WHEN type = 'IncidentChanged' THEN (data::jsonb ->> 'id')::bigint ELSE (data::jsonb ->> 'incidentId')::bigint END,
    call_id = CASE WHEN type IN ('CallReceived', 'CallUpdated') THEN (data::jsonb ->> 'id')::bigint END;

-- When the personal data of a call or an incident was erased (UTC milliseconds), else NULL.
ALTER TABLE calls ADD COLUMN erased_at BIGINT NULL;
ALTER TABLE incidents ADD COLUMN erased_at BIGINT NULL;
