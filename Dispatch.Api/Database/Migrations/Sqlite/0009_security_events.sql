-- Security events: sign-ins, refusals, administration changes, exports and imports (who, when,
-- from which address, what). Never a caller's personal data. Times are UTC milliseconds.
CREATE TABLE security_events (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NULL,
    address TEXT NULL,
    details TEXT NULL
);
CREATE INDEX ix_security_events_at ON security_events (at, id);
