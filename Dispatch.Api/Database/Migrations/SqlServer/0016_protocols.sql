-- Protocol cards (issue 15): every version of every card as JSON, who changed it and when (UTC
-- milliseconds). The shipped files are stored by 'shipped'; an administrator's edit by their name.
-- The card in use is the newest version that validates.
CREATE TABLE protocol_cards (
    card_id NVARCHAR(64) NOT NULL,
    version INT NOT NULL,
    json NVARCHAR(MAX) NOT NULL,
    changed_by NVARCHAR(100) NOT NULL,
    changed_at BIGINT NOT NULL,
    CONSTRAINT pk_protocol_cards PRIMARY KEY (card_id, version)
);

-- Each time an operator ran a card on an incident: the card, its version and the suggested triage.
-- No answers here (they are health data): the sealed copy is in incident_log.
CREATE TABLE protocol_uses (
    id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_protocol_uses PRIMARY KEY,
    incident_id BIGINT NOT NULL CONSTRAINT fk_protocol_uses_incident REFERENCES incidents (id),
    card_id NVARCHAR(64) NOT NULL,
    card_version INT NOT NULL,
    suggested_triage NVARCHAR(16) NOT NULL,
    at BIGINT NOT NULL,
    actor NVARCHAR(100) NOT NULL
);
CREATE INDEX ix_protocol_uses_incident ON protocol_uses (incident_id, id);
CREATE INDEX ix_protocol_uses_at ON protocol_uses (at);
