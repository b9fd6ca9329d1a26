-- core.dates: dates the text mentions, resolved to ISO with their precision.
CREATE TABLE IF NOT EXISTS core.dates (
    doc_id      VARCHAR NOT NULL,
    date_no     INTEGER NOT NULL,
    field       VARCHAR NOT NULL,       -- body | title | dateline | captions: the text offsets point into
    sentence_no INTEGER,                -- core.sentences.sentence_no holding a body date's first character
    date        VARCHAR NOT NULL,       -- YYYY | YYYY-MM | YYYY-MM-DD
    precision   VARCHAR NOT NULL,       -- year | month | day
    text        VARCHAR NOT NULL,
    sentence    VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    run_id      VARCHAR NOT NULL,
    inferred_from VARCHAR              -- for a weekday dated from other articles: their doc_ids
    -- key (doc_id, date_no): held by its contract and the loader, not an index (warehouse/load.py:store_facts);
    -- inferred rows by steps/infer_weekday_dates.sql, which numbers them apart
);
-- Warehouses built before the column existed get it; their rows are extracted again
-- (presseschau.extract.VERSION), which fills it.
ALTER TABLE core.dates ADD COLUMN IF NOT EXISTS sentence_no INTEGER;
