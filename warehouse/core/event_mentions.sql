-- core.event_mentions: where a sentence names an event: the first word of each event family
-- (presseschau/data/extract_event_words.tsv, e.g. Telefonat, Treffen) in each sentence.
-- Found at extraction, so that the event marts and weekday inference join them instead of
-- searching every sentence of the corpus again.
CREATE TABLE IF NOT EXISTS core.event_mentions (
    doc_id      VARCHAR NOT NULL,
    sentence_no INTEGER NOT NULL,
    family      VARCHAR NOT NULL,       -- event family of the word
    text        VARCHAR NOT NULL,       -- the listed word (or word start) as written
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    run_id      VARCHAR NOT NULL
    -- key (doc_id, sentence_no, family): held by its contract and the loader, not an index (warehouse/load.py:store_facts)
);
