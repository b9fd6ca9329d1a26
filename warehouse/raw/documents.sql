-- raw.documents: every input exactly as received, one row per (doc_id, content version).
-- The bytes are kept so any later step can be replayed; nothing is ever deleted here.
CREATE TABLE IF NOT EXISTS raw.documents (
    doc_id          VARCHAR NOT NULL,   -- input file name relative to its input root, or URL
    content_sha256  VARCHAR NOT NULL,   -- hash of the bytes: decides whether an input is new
    version         INTEGER NOT NULL,   -- 1 for the first content seen under doc_id, then 2, 3, ...
    source_path     VARCHAR NOT NULL,   -- where the bytes were read from (path or URL)
    size_bytes      BIGINT  NOT NULL,
    content         BLOB,               -- the bytes; NULL only when the file exceeded the size cap
    encoding        VARCHAR,            -- detected encoding, NULL when undecodable
    format          VARCHAR,            -- text | markdown | html | flattened, NULL when rejected
    reject_reason   VARCHAR,            -- why the bytes could not be read as an article
    url             VARCHAR,            -- set for fetched pages
    http_status     INTEGER,
    http_headers    JSON,
    fetched_at      TIMESTAMP,
    run_id          VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, content_sha256)
);
