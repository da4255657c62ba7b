-- An assignment ended by a cancellation records "incident cancelled: <reason>"; the reason alone
-- may fill incidents.cancel_reason (1000), so end_reason gets room for the prefix (TextLimits.EndReason).
-- Widening a VARCHAR rewrites nothing on PostgreSQL.
ALTER TABLE assignments ALTER COLUMN end_reason TYPE VARCHAR(1100);
