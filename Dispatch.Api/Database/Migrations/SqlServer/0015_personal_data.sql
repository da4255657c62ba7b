-- Personal data (issue 14, UU 27/2022). The plaintext of a subject lives in one place (the call and
-- incident rows, the notes); copies in incident_log.details are sealed with a key per subject
-- ('i:<incident id>' or 'c:<call id>'), and destroying the key erases every copy (crypto-shredding).
CREATE TABLE subject_keys (
    subject NVARCHAR(40) NOT NULL CONSTRAINT pk_subject_keys PRIMARY KEY,
    sealing_key VARBINARY(32) NOT NULL,
    created_at BIGINT NOT NULL
);

-- Events name the subject whose personal data they carry, so that erasure can delete them.
ALTER TABLE events ADD incident_id BIGINT NULL, call_id BIGINT NULL;
GO
CREATE INDEX ix_events_incident ON events (incident_id);
CREATE INDEX ix_events_call ON events (call_id);
GO
-- Events stored before this migration get their subject from their payload (IncidentChanged: its
-- id; the others: incidentId; CallReceived/CallUpdated: the call's id), so erasure reaches them too.
UPDATE events SET
    incident_id = CASE WHEN type = N'IncidentChanged' THEN TRY_CAST(JSON_VALUE(data, '$.id') AS BIGINT) ELSE TRY_CAST(JSON_VALUE(data, '$.incidentId') AS BIGINT) END,
    call_id = CASE WHEN type IN (N'CallReceived', N'CallUpdated') THEN TRY_CAST(JSON_VALUE(data, '$.id') AS BIGINT) END;

-- When the personal data of a call or an incident was erased (UTC milliseconds), else NULL.
ALTER TABLE calls ADD erased_at BIGINT NULL;
ALTER TABLE incidents ADD erased_at BIGINT NULL;
