-- core.extracted: which body each document's core rows were extracted from; a document
-- whose current body hash differs, or whose rows an older extraction made, is pending and is
-- extracted by the next run.
CREATE TABLE IF NOT EXISTS core.extracted (
    doc_id      VARCHAR PRIMARY KEY,
    body_sha256 VARCHAR NOT NULL,
    notes       VARCHAR[] NOT NULL,     -- why something was not extracted (e.g. language)
    run_id      VARCHAR NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1  -- presseschau.extract.VERSION of the rows
);
-- Warehouses built before the column existed get it: their rows were made by version 1.
ALTER TABLE core.extracted ADD COLUMN IF NOT EXISTS version INTEGER DEFAULT 1;
