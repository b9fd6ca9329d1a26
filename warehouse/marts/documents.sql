-- marts.documents: one row per document, what an analyst lists first.
CREATE OR REPLACE VIEW marts.documents AS
SELECT
    d.doc_id,
    d.outlet,
    d.title,
    d.published,
    d.authors,
    d.language,
    CASE WHEN trim(d.body) = '' THEN 0 ELSE len(string_split_regex(trim(d.body), '\s+')) END AS words,
    d.status,
    d.reject_reason,
    d.paywalled,
    CASE WHEN d.chars_in > 0 THEN round(1 - length(d.body) / d.chars_in, 3) END AS boilerplate_share,
    d.duplicate_of
FROM clean.documents AS d;
COMMENT ON VIEW marts.documents IS 'One row per document: outlet, title, date, authors, size, status and how much boilerplate cleaning removed.';
COMMENT ON COLUMN marts.documents.words IS 'Words in the clean body.';
COMMENT ON COLUMN marts.documents.boilerplate_share IS 'Share of the decoded input removed as boilerplate (0..1).';
COMMENT ON COLUMN marts.documents.duplicate_of IS 'doc_id of the first document with the same or a nearly identical body.';
