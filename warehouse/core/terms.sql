-- core.terms: the inverted index for full-text search (BM25 in SQL): one row per
-- stemmed term per document with its frequency.
CREATE TABLE IF NOT EXISTS core.terms (
    doc_id  VARCHAR NOT NULL,
    term    VARCHAR NOT NULL,
    tf      INTEGER NOT NULL
    -- key (doc_id, term): held by its contract and the loader, not an index (warehouse/load.py:store_facts)
);
