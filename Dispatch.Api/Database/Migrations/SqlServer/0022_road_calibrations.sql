-- Accepted road-speed calibrations (issue 16): each row is an accepted factor (speeds x factor) on its
-- basis ('road' or 'straightLine'), or a return to the configured speeds (factor NULL). The newest
-- row is in force; every node re-reads it periodically. Times are UTC milliseconds.
CREATE TABLE road_calibrations (
    id BIGINT IDENTITY(1,1) CONSTRAINT pk_road_calibrations PRIMARY KEY,
    basis NVARCHAR(16) NOT NULL,
    factor FLOAT NULL,
    observations INT NOT NULL,
    changed_by NVARCHAR(100) NOT NULL,
    changed_at BIGINT NOT NULL
);
