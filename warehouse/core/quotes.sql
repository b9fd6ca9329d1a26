-- core.quotes: quoted speech with its speaker (a registry entity, or NULL when unknown).
CREATE TABLE IF NOT EXISTS core.quotes (
    doc_id      VARCHAR NOT NULL,
    quote_no    INTEGER NOT NULL,
    speaker     VARCHAR,                -- canonical name, NULL when the text does not say
    speaker_id  VARCHAR,                -- core.entities.entity_id
    doc_speaker VARCHAR,                -- the speaker's name within the document
    text        VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    run_id      VARCHAR NOT NULL
    -- key (doc_id, quote_no): held by its contract and the loader, not an index (warehouse/load.py:store_facts)
);
