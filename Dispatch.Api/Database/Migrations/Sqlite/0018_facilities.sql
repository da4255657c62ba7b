-- Hospital availability and pre-notification (issue 15, part 3).
-- A facility user (role 'facility') is bound to one facility, from facility_bound_at on (UTC ms).
ALTER TABLE users ADD COLUMN facility_id INTEGER NULL REFERENCES stations(id);
ALTER TABLE users ADD COLUMN facility_bound_at INTEGER NULL;
-- The hospital's own code (e.g. its Kemenkes code) by which a bulk CSV update finds it.
ALTER TABLE stations ADD COLUMN code TEXT NULL;
CREATE UNIQUE INDEX ux_stations_code ON stations (code) WHERE code IS NOT NULL;

-- One row per facility and item: 'ed' (status in ed_status) or a bed kind (free beds in free).
CREATE TABLE facility_availability (
    facility_id INTEGER NOT NULL REFERENCES stations(id),
    item TEXT NOT NULL,
    ed_status TEXT NULL,
    free INTEGER NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (facility_id, item)
);

-- When a hospital acknowledged a pre-notification (a response heading to it).
CREATE TABLE prenotification_acks (
    response_id INTEGER NOT NULL REFERENCES responses(id),
    facility_id INTEGER NOT NULL REFERENCES stations(id),
    at INTEGER NOT NULL,
    acknowledged_by TEXT NOT NULL,
    PRIMARY KEY (response_id, facility_id)
);
