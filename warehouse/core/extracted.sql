-- core.extracted: which body each document's core rows were extracted from; a document
-- whose current body hash differs is pending and is extracted by the next run.
CREATE TABLE IF NOT EXISTS core.extracted (
    doc_id      VARCHAR PRIMARY KEY,
    body_sha256 VARCHAR NOT NULL,
    notes       VARCHAR[] NOT NULL,     -- why something was not extracted (e.g. language)
    run_id      VARCHAR NOT NULL
);
