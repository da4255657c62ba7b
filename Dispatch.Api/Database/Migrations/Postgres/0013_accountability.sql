-- Accountability (issue 14): the incident log and the new access log are hash-chained
-- (hash = SHA-256(previous row's hash || HMAC-SHA256(Audit:ChainKey, this row's columns)), hex), so a row
-- changed or deleted behind the application's back shows up in verify-log. Rows written before
-- this migration have no hash until the app chains them, once, in the start that applies this
-- migration: setting a NULL hash (and sealing the personal values of that row's details), every
-- other column unchanged, is the one change the append-only triggers allow.
ALTER TABLE incident_log ADD COLUMN hash VARCHAR(64) NULL;
CREATE INDEX ix_incident_log_unchained ON incident_log (id) WHERE hash IS NULL;

CREATE OR REPLACE FUNCTION incident_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.hash IS NULL AND NEW.hash IS NOT NULL AND (to_jsonb(NEW) - 'hash' - 'details') = (to_jsonb(OLD) - 'hash' - 'details') THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

-- Who read or exported which person's data: one row per read of an incident's personal data (one
-- per incident for a page of search results), one per export with its period. details is small
-- JSON and never holds a caller's number, address or complaint.
CREATE TABLE access_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_access_log PRIMARY KEY,
    at BIGINT NOT NULL,
    actor VARCHAR(100) NOT NULL,
    action VARCHAR(64) NOT NULL,
    incident_id BIGINT NULL,
    call_id BIGINT NULL,
    range_from BIGINT NULL,
    range_to BIGINT NULL,
    details TEXT NULL,
    hash VARCHAR(64) NULL
);
CREATE INDEX ix_access_log_incident ON access_log (incident_id, id);
CREATE INDEX ix_access_log_actor ON access_log (actor, id);
CREATE INDEX ix_access_log_range ON access_log (range_from, range_to, id) WHERE range_from IS NOT NULL;
CREATE INDEX ix_access_log_unchained ON access_log (id) WHERE hash IS NULL;
CREATE TRIGGER access_log_no_update_or_delete BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION incident_log_refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION incident_log_refuse_change();
