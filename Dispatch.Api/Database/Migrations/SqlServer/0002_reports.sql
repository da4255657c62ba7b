-- Reports and history import: imported incidents are marked, and reports filter by source.
ALTER TABLE incidents ADD is_imported BIT NOT NULL CONSTRAINT df_incidents_is_imported DEFAULT 0;
CREATE INDEX ix_calls_received ON calls (received_at);
