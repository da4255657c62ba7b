-- Hospital availability and pre-notification (issue 15, part 3).
-- A facility user (role 'facility') is bound to one facility, from facility_bound_at on (UTC ms).
ALTER TABLE users ADD COLUMN facility_id BIGINT NULL REFERENCES stations(id);
ALTER TABLE users ADD COLUMN facility_bound_at BIGINT NULL;
-- The hospital's own code (e.g. its Kemenkes code) by which a bulk CSV update finds it.
ALTER TABLE stations ADD COLUMN code VARCHAR(40) NULL;
CREATE UNIQUE INDEX ux_stations_code ON stations (code) WHERE code IS NOT NULL;

-- One row per facility and item: 'ed' (status in ed_status) or a bed kind (free beds in free).
CREATE TABLE facility_availability (
    facility_id BIGINT NOT NULL REFERENCES stations(id),
    item VARCHAR(32) NOT NULL,
    ed_status VARCHAR(16) NULL,
    free INTEGER NULL,
    updated_at BIGINT NOT NULL,
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT pk_facility_availability PRIMARY KEY (facility_id, item)
);

-- When a hospital acknowledged a pre-notification (a response heading to it).
CREATE TABLE prenotification_acks (
    response_id BIGINT NOT NULL REFERENCES responses(id),
    facility_id BIGINT NOT NULL REFERENCES stations(id),
    at BIGINT NOT NULL,
    acknowledged_by VARCHAR(100) NOT NULL,
    CONSTRAINT pk_prenotification_acks PRIMARY KEY (response_id, facility_id)
);
