-- Protocol cards (issue 15): every version of every card as JSON, who changed it and when (UTC
-- milliseconds). The shipped files are stored by 'shipped'; an administrator's edit by their name.
-- The card in use is the newest version that validates.
CREATE TABLE protocol_cards (
    card_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    json TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at INTEGER NOT NULL,
    PRIMARY KEY (card_id, version)
);

-- Each time an operator ran a card on an incident: the card, its version and the suggested triage.
-- No answers here (they are health data): the sealed copy is in incident_log.
CREATE TABLE protocol_uses (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    card_id TEXT NOT NULL,
    card_version INTEGER NOT NULL,
    suggested_triage TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL
);
CREATE INDEX ix_protocol_uses_incident ON protocol_uses (incident_id, id);
CREATE INDEX ix_protocol_uses_at ON protocol_uses (at);
