-- What-if simulations of the health office (issue 16): one row per run, kept so that any node
-- answers GET /api/planning/simulations/{id} and a run outlives a restart. request and result are
-- JSON (kelurahan-level figures only: no personal data). runner names the host that runs it, so
-- that a restarted host marks its own interrupted runs failed. Times are UTC milliseconds.
CREATE TABLE planning_simulations (
    id VARCHAR(36) NOT NULL CONSTRAINT pk_planning_simulations PRIMARY KEY,
    name VARCHAR(200) NULL,
    created_by VARCHAR(100) NOT NULL,
    created_at BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL,
    progress DOUBLE PRECISION NOT NULL,
    runner VARCHAR(200) NOT NULL,
    request TEXT NOT NULL,
    result TEXT NULL,
    error VARCHAR(2000) NULL,
    finished_at BIGINT NULL
);
CREATE INDEX ix_planning_simulations_created ON planning_simulations (created_at);
