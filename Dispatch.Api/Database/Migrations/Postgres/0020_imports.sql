-- History that imports as it is (issue 16): an imported row without triage or position is kept,
-- so incidents.triage, lat and lon accept NULL, and `missing` lists what the row lacked
-- (comma-separated: triage, location, unit, source, complaint, time fields; every flag at once is
-- 166 characters, so 200 fits). Named import mappings are kept.
ALTER TABLE incidents ALTER COLUMN triage DROP NOT NULL;
ALTER TABLE incidents ALTER COLUMN lat DROP NOT NULL;
ALTER TABLE incidents ALTER COLUMN lon DROP NOT NULL;
ALTER TABLE incidents ADD COLUMN missing VARCHAR(200) NULL;

-- Saved import mappings (the mapping JSON as sent), with who saved them last and when (UTC ms).
CREATE TABLE import_mappings (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    mapping TEXT NOT NULL,
    updated_by VARCHAR(100) NOT NULL,
    updated_at BIGINT NOT NULL
);
