-- What-if simulations of the health office (issue 16): one row per run, kept so that any node
-- answers GET /api/planning/simulations/{id} and a run outlives a restart. request and result are
-- JSON (kelurahan-level figures only: no personal data). runner names the host that runs it, so
-- that a restarted host marks its own interrupted runs failed. Times are UTC milliseconds.
CREATE TABLE planning_simulations (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    progress REAL NOT NULL,
    runner TEXT NOT NULL,
    request TEXT NOT NULL,
    result TEXT NULL,
    error TEXT NULL,
    finished_at INTEGER NULL
);
CREATE INDEX ix_planning_simulations_created ON planning_simulations (created_at);
