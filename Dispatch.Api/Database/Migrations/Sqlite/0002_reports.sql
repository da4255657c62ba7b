-- Reports and history import: imported incidents are marked, and reports filter by source.
ALTER TABLE incidents ADD COLUMN is_imported INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_calls_received ON calls (received_at);
