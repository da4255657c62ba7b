-- Changes when an administrator resets the password; sessions carry it and end when it differs.
-- Sessions opened before this column existed carry none and must sign in again once.
ALTER TABLE users ADD session_stamp NVARCHAR(32) NOT NULL CONSTRAINT df_users_session_stamp DEFAULT '';
