-- Sessions live on the server: signing out deletes the row, so a copied cookie or token ends with
-- it; expires_at is the absolute end however often the cookie slides. Times are UTC milliseconds.
CREATE TABLE user_sessions (
    session_id TEXT NOT NULL PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX ix_user_sessions_user ON user_sessions (user_id);
CREATE INDEX ix_user_sessions_expires ON user_sessions (expires_at);

-- Set when an administrator sets or resets the password: the user chooses their own at next sign-in.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
-- The second factor's secret (protected with the data-protection key ring), the one being enrolled,
-- and the last time step used (a code is accepted once).
ALTER TABLE users ADD COLUMN totp_secret TEXT NULL;
ALTER TABLE users ADD COLUMN totp_pending TEXT NULL;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NULL;
