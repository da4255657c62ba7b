-- Accountability (issue 14): the incident log and the new access log are hash-chained
-- (hash = SHA-256(previous row's hash || HMAC-SHA256(Audit:ChainKey, this row's columns)), hex), so a row
-- changed or deleted behind the application's back shows up in verify-log. Rows written before
-- this migration have no hash until the app chains them, once, in the start that applies this
-- migration: setting a NULL hash (and sealing the personal values of that row's details) is the
-- one change the append-only triggers allow.
ALTER TABLE incident_log ADD COLUMN hash TEXT;
CREATE INDEX ix_incident_log_unchained ON incident_log (id) WHERE hash IS NULL;
DROP TRIGGER incident_log_no_update;
CREATE TRIGGER incident_log_no_update BEFORE UPDATE ON incident_log
WHEN NOT (OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.id = OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor
          AND NEW.action IS OLD.action AND NEW.call_id IS OLD.call_id AND NEW.incident_id IS OLD.incident_id
          AND NEW.unit_id IS OLD.unit_id)
BEGIN SELECT RAISE(ABORT, 'incident_log is append-only'); END;

-- Who read or exported which person's data: one row per read of an incident's personal data (one
-- per incident for a page of search results), one per export with its period. details is small
-- JSON and never holds a caller's number, address or complaint.
CREATE TABLE access_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    incident_id INTEGER,
    call_id INTEGER,
    range_from INTEGER,
    range_to INTEGER,
    details TEXT,
    hash TEXT
);
CREATE INDEX ix_access_log_incident ON access_log (incident_id, id);
CREATE INDEX ix_access_log_actor ON access_log (actor, id);
CREATE INDEX ix_access_log_range ON access_log (range_from, range_to, id) WHERE range_from IS NOT NULL;
CREATE INDEX ix_access_log_unchained ON access_log (id) WHERE hash IS NULL;
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
WHEN NOT (OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.id = OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor
          AND NEW.action IS OLD.action AND NEW.incident_id IS OLD.incident_id AND NEW.call_id IS OLD.call_id
          AND NEW.range_from IS OLD.range_from AND NEW.range_to IS OLD.range_to AND NEW.details IS OLD.details)
BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
