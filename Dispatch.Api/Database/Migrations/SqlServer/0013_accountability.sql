-- Accountability (issue 14): the incident log and the new access log are hash-chained
-- (hash = SHA-256(previous row's hash || HMAC-SHA256(Audit:ChainKey, this row's columns)), hex), so a row
-- changed or deleted behind the application's back shows up in verify-log. Rows written before
-- this migration have no hash until the app chains them, once, in the start that applies this
-- migration: setting a NULL hash (and sealing the personal values of that row's details), every
-- other column unchanged, is the one change the append-only triggers allow.
ALTER TABLE incident_log ADD hash VARCHAR(64) NULL;
GO
CREATE INDEX ix_incident_log_unchained ON incident_log (id) WHERE hash IS NULL;
GO
ALTER TRIGGER incident_log_append_only ON incident_log
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT EXISTS (SELECT 1 FROM inserted)
       OR EXISTS (SELECT 1 FROM deleted WHERE hash IS NOT NULL)
       OR EXISTS (SELECT 1 FROM inserted WHERE hash IS NULL)
       OR EXISTS (SELECT i.id, i.at, i.actor, i.action, i.call_id, i.incident_id, i.unit_id FROM inserted i
                  EXCEPT SELECT d.id, d.at, d.actor, d.action, d.call_id, d.incident_id, d.unit_id FROM deleted d)
        THROW 50000, N'incident_log is append-only', 1;
    UPDATE l SET hash = i.hash, details = i.details FROM incident_log l JOIN inserted i ON i.id = l.id;
END;
GO

-- Who read or exported which person's data: one row per read of an incident's personal data (one
-- per incident for a page of search results), one per export with its period. details is small
-- JSON and never holds a caller's number, address or complaint.
CREATE TABLE access_log (
    id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_access_log PRIMARY KEY,
    at BIGINT NOT NULL,
    actor NVARCHAR(100) NOT NULL,
    action NVARCHAR(64) NOT NULL,
    incident_id BIGINT NULL,
    call_id BIGINT NULL,
    range_from BIGINT NULL,
    range_to BIGINT NULL,
    details NVARCHAR(MAX) NULL,
    hash VARCHAR(64) NULL
);
CREATE INDEX ix_access_log_incident ON access_log (incident_id, id);
CREATE INDEX ix_access_log_actor ON access_log (actor, id);
CREATE INDEX ix_access_log_range ON access_log (range_from, range_to, id) WHERE range_from IS NOT NULL;
CREATE INDEX ix_access_log_unchained ON access_log (id) WHERE hash IS NULL;
GO
CREATE TRIGGER access_log_append_only ON access_log
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT EXISTS (SELECT 1 FROM inserted)
       OR EXISTS (SELECT 1 FROM deleted WHERE hash IS NOT NULL)
       OR EXISTS (SELECT 1 FROM inserted WHERE hash IS NULL)
       OR EXISTS (SELECT i.id, i.at, i.actor, i.action, i.incident_id, i.call_id, i.range_from, i.range_to, i.details FROM inserted i
                  EXCEPT SELECT d.id, d.at, d.actor, d.action, d.incident_id, d.call_id, d.range_from, d.range_to, d.details FROM deleted d)
        THROW 50000, N'access_log is append-only', 1;
    UPDATE l SET hash = i.hash FROM access_log l JOIN inserted i ON i.id = l.id;
END;
GO
