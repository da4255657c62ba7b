-- Retention (issue 14, UU 27/2022: personal data kept no longer than needed). A background job
-- that must run on one node at a time claims its lease here with a conditional UPDATE: of several
-- nodes sharing the database, the one whose UPDATE changed the row runs the pass. Times are UTC
-- milliseconds; last_run_at is the start of the last complete pass.
CREATE TABLE job_runs (
    name NVARCHAR(64) NOT NULL CONSTRAINT pk_job_runs PRIMARY KEY,
    holder NVARCHAR(100) NULL,
    lease_until BIGINT NULL,
    last_run_at BIGINT NULL
);
INSERT INTO job_runs (name) VALUES ('retention');

-- When a crew member was bound to their unit: they receive the unit's events and read its
-- incidents from then on, never what the unit did before they joined it. Existing crews are bound
-- from now (the migration), which hides nothing they need for the assignment in hand.
ALTER TABLE users ADD unit_bound_at BIGINT NULL;
GO
UPDATE users SET unit_bound_at = DATEDIFF_BIG(MILLISECOND, '1970-01-01', SYSUTCDATETIME()) WHERE unit_id IS NOT NULL;
