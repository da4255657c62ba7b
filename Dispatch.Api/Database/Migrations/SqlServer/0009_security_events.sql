-- Security events: sign-ins, refusals, administration changes, exports and imports (who, when,
-- from which address, what). Never a caller's personal data. Times are UTC milliseconds.
CREATE TABLE security_events (
    id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_security_events PRIMARY KEY,
    at BIGINT NOT NULL,
    kind NVARCHAR(64) NOT NULL,
    actor NVARCHAR(100) NULL,
    address NVARCHAR(64) NULL,
    details NVARCHAR(2000) NULL
);
CREATE INDEX ix_security_events_at ON security_events (at, id);
