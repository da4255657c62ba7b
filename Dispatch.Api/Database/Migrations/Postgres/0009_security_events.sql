-- Security events: sign-ins, refusals, administration changes, exports and imports (who, when,
-- from which address, what). Never a caller's personal data. Times are UTC milliseconds.
CREATE TABLE security_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_security_events PRIMARY KEY,
    at BIGINT NOT NULL,
    kind VARCHAR(64) NOT NULL,
    actor VARCHAR(100) NULL,
    address VARCHAR(64) NULL,
    details VARCHAR(2000) NULL
);
CREATE INDEX ix_security_events_at ON security_events (at, id);
