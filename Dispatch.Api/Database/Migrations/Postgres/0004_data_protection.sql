-- The data-protection key ring (it protects session cookies and bearer tokens), kept in the
-- database so that every API node accepts what another issued and a restart keeps sessions.
CREATE TABLE data_protection_keys (
    id BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_data_protection_keys PRIMARY KEY,
    friendly_name VARCHAR(200) NOT NULL,
    xml TEXT NOT NULL
);
