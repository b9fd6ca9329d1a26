-- clean.lines: the distinct lines of each clean body that could be an outlet's boilerplate
-- (12 to 300 characters once trimmed), as MD5 numbers. Learning boilerplate counts them per
-- outlet (steps/learn_boilerplate.sql) instead of splitting every body of the corpus again,
-- which at 100,000 documents needed more than the writer's memory limit. No primary key: its
-- index would hold millions of entries in memory.
CREATE TABLE IF NOT EXISTS clean.lines (
    doc_id      VARCHAR NOT NULL,
    line_md5    UHUGEINT NOT NULL       -- md5_number(trim(line))
);
-- A body's candidate lines as the table holds them: one definition for every place that fills it.
CREATE OR REPLACE MACRO clean.line_hashes(body) AS list_distinct(list_transform(
    list_filter(string_split(body, chr(10)), lambda line: length(trim(line)) BETWEEN 12 AND 300),
    lambda line: md5_number(trim(line))));
-- Warehouses built before the table existed get it filled once. (The emptiness test sits in
-- the subquery so that DuckDB skips the bodies when there is nothing to fill.)
INSERT INTO clean.lines
SELECT doc_id, unnest(clean.line_hashes(body))
FROM (SELECT doc_id, body FROM clean.documents WHERE NOT EXISTS (SELECT 1 FROM clean.lines));
