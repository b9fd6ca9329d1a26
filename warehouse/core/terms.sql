-- core.terms: the inverted index for full-text search (BM25 in SQL): one row per
-- stemmed term per document with its frequency.
CREATE TABLE IF NOT EXISTS core.terms (
    doc_id  VARCHAR NOT NULL,
    term    VARCHAR NOT NULL,
    tf      INTEGER NOT NULL,
    PRIMARY KEY (doc_id, term)
);
