-- Accepted road-speed calibrations (issue 16): each row is an accepted factor (speeds x factor) on its
-- basis ('road' or 'straightLine'), or a return to the configured speeds (factor NULL). The newest
-- row is in force; every node re-reads it periodically. Times are UTC milliseconds.
CREATE TABLE road_calibrations (
    id INTEGER PRIMARY KEY,
    basis TEXT NOT NULL,
    factor REAL NULL,
    observations INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at INTEGER NOT NULL
);
