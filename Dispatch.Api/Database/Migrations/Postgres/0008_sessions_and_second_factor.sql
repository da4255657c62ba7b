-- Sessions live on the server: signing out deletes the row, so a copied cookie or token ends with
-- it; expires_at is the absolute end however often the cookie slides. Times are UTC milliseconds.
CREATE TABLE user_sessions (
    session_id VARCHAR(32) NOT NULL CONSTRAINT pk_user_sessions PRIMARY KEY,
    user_id BIGINT NOT NULL CONSTRAINT fk_user_sessions_user REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX ix_user_sessions_user ON user_sessions (user_id);
CREATE INDEX ix_user_sessions_expires ON user_sessions (expires_at);

-- Set when an administrator sets or resets the password: the user chooses their own at next sign-in.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
-- The second factor's secret (protected with the data-protection key ring), the one being enrolled,
-- and the last time step used (a code is accepted once).
ALTER TABLE users ADD COLUMN totp_secret VARCHAR(1000) NULL;
ALTER TABLE users ADD COLUMN totp_pending VARCHAR(1000) NULL;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NULL;
