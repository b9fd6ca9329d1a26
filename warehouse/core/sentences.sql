-- core.sentences: sentence boundaries in the clean body (for co-occurrence and context).
CREATE TABLE IF NOT EXISTS core.sentences (
    doc_id      VARCHAR NOT NULL,
    sentence_no INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    run_id      VARCHAR NOT NULL
    -- key (doc_id, sentence_no): held by its contract and the loader, not an index (warehouse/load.py:store_facts)
);
