-- What-if simulations of the health office (issue 16): one row per run, kept so that any node
-- answers GET /api/planning/simulations/{id} and a run outlives a restart. request and result are
-- JSON (kelurahan-level figures only: no personal data). runner names the host that runs it, so
-- that a restarted host marks its own interrupted runs failed. Times are UTC milliseconds.
CREATE TABLE planning_simulations (
    id NVARCHAR(36) NOT NULL CONSTRAINT pk_planning_simulations PRIMARY KEY,
    name NVARCHAR(200) NULL,
    created_by NVARCHAR(100) NOT NULL,
    created_at BIGINT NOT NULL,
    status NVARCHAR(16) NOT NULL,
    progress FLOAT NOT NULL,
    runner NVARCHAR(200) NOT NULL,
    request NVARCHAR(MAX) NOT NULL,
    result NVARCHAR(MAX) NULL,
    error NVARCHAR(2000) NULL,
    finished_at BIGINT NULL
);
CREATE INDEX ix_planning_simulations_created ON planning_simulations (created_at);
