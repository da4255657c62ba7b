-- Accepted road-speed calibrations (issue 16): each row is an accepted factor (speeds x factor) on its
-- basis ('road' or 'straightLine'), or a return to the configured speeds (factor NULL). The newest
-- row is in force; every node re-reads it periodically. Times are UTC milliseconds.
CREATE TABLE road_calibrations (
    id BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_road_calibrations PRIMARY KEY,
    basis VARCHAR(16) NOT NULL,
    factor DOUBLE PRECISION NULL,
    observations INTEGER NOT NULL,
    changed_by VARCHAR(100) NOT NULL,
    changed_at BIGINT NOT NULL
);
