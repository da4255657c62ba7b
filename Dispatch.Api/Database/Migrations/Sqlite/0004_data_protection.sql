-- The data-protection key ring (it protects session cookies and bearer tokens), kept in the
-- database so that every API node accepts what another issued and a restart keeps sessions.
CREATE TABLE data_protection_keys (
    id INTEGER PRIMARY KEY,
    friendly_name TEXT NOT NULL,
    xml TEXT NOT NULL
);
