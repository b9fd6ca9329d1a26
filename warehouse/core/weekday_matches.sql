-- core.weekday_matches: for each weekday expression (core.weekdays), every date another article
-- gives for the same event on that weekday, and that article. A weekday with exactly one such
-- date is dated by it (core.dates.inferred_from). Kept by steps/infer_weekday_dates.sql for the
-- documents that change, on either side of a match.
CREATE TABLE IF NOT EXISTS core.weekday_matches (
    doc_id     VARCHAR NOT NULL,        -- the weekday's document
    weekday_no INTEGER NOT NULL,        -- core.weekdays.weekday_no
    date       VARCHAR NOT NULL,        -- YYYY-MM-DD the other article gives
    source     VARCHAR NOT NULL         -- that article's doc_id
    -- key (doc_id, weekday_no, date, source)
);
