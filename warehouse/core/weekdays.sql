-- core.weekdays: weekday expressions ("am Mittwoch") in documents that state no publication
-- date, so the text alone cannot date them; steps/infer_weekday_dates.sql dates them from
-- other articles about the same event when the weekday agrees.
CREATE TABLE IF NOT EXISTS core.weekdays (
    doc_id      VARCHAR NOT NULL,
    weekday_no  INTEGER NOT NULL,
    weekday     INTEGER NOT NULL,       -- 0 = Monday … 6 = Sunday
    sentence_no INTEGER,                -- core.sentences.sentence_no holding its first character
    text        VARCHAR NOT NULL,
    sentence    VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    run_id      VARCHAR NOT NULL
    -- key (doc_id, weekday_no): held by its contract and the loader, not an index (warehouse/load.py:store_facts)
);
-- Warehouses built before the column existed get it; their rows are extracted again
-- (presseschau.extract.VERSION), which fills it.
ALTER TABLE core.weekdays ADD COLUMN IF NOT EXISTS sentence_no INTEGER;
