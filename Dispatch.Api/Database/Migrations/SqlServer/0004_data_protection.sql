-- The data-protection key ring (it protects session cookies and bearer tokens), kept in the
-- database so that every API node accepts what another issued and a restart keeps sessions.
CREATE TABLE data_protection_keys (
    id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_data_protection_keys PRIMARY KEY,
    friendly_name NVARCHAR(200) NOT NULL,
    xml NVARCHAR(MAX) NOT NULL
);
