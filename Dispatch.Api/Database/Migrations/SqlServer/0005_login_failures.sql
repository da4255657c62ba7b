-- Failed sign-ins per user name and client address, shared by every API node. The key is a
-- SHA-256 of the two (hex), so neither is stored. Times are UTC milliseconds, as everywhere.
CREATE TABLE login_failures (
    key_hash NVARCHAR(64) NOT NULL CONSTRAINT pk_login_failures PRIMARY KEY,
    failures INT NOT NULL,
    first_at BIGINT NOT NULL,
    locked_until BIGINT NOT NULL
);
CREATE INDEX ix_login_failures_first ON login_failures (first_at);
