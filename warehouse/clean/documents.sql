-- clean.documents: the current version of each document, cleaned, with the metadata it states.
-- One row per doc_id; a changed input replaces its row (the raw layer keeps every version).
CREATE TABLE IF NOT EXISTS clean.documents (
    doc_id          VARCHAR PRIMARY KEY,
    content_sha256  VARCHAR NOT NULL,
    version         INTEGER NOT NULL,
    clean_version   INTEGER NOT NULL,   -- presseschau.clean.VERSION of the cleaning that made the row
    source_path     VARCHAR NOT NULL,
    format          VARCHAR,
    encoding        VARCHAR,
    language        VARCHAR,            -- ISO 639-1, NULL when too little text
    status          VARCHAR NOT NULL,   -- ok | rejected | duplicate
    reject_reason   VARCHAR,
    duplicate_of    VARCHAR,            -- doc_id of the first document with the same body
    outlet          VARCHAR,
    title           VARCHAR,
    title_derived   BOOLEAN NOT NULL,   -- true when no headline: the lead stands in
    lead            VARCHAR,
    published       VARCHAR,            -- ISO date or date-time as stated, never inferred
    authors         VARCHAR[] NOT NULL,
    agencies        VARCHAR[] NOT NULL, -- news agencies the byline credits beside its people
    translators     VARCHAR[] NOT NULL,
    dateline        VARCHAR,
    paywalled       BOOLEAN NOT NULL,
    cited_sources   VARCHAR[] NOT NULL,
    image_credits   VARCHAR[] NOT NULL,
    image_captions  VARCHAR[] NOT NULL, -- caption texts, out of the body; facts are extracted from them
    body            VARCHAR NOT NULL,
    body_sha256     VARCHAR NOT NULL,   -- hash of the normalised body: exact-duplicate key
    chars_in        INTEGER NOT NULL,   -- length of the decoded input
    run_id          VARCHAR NOT NULL
);
-- Warehouses made before agencies were read apart from authors get the column, empty.
ALTER TABLE clean.documents ADD COLUMN IF NOT EXISTS agencies VARCHAR[] DEFAULT [];
-- Rows made before cleaning had a version get 0: older than any, so the next run cleans them again.
ALTER TABLE clean.documents ADD COLUMN IF NOT EXISTS clean_version INTEGER DEFAULT 0;
