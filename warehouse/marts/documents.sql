-- marts.documents: one row per document, what an analyst lists first: where it comes from,
-- what it is, how much cleaning removed, whether it is a duplicate, what was extracted, and
-- whether its input file is still there.
CREATE OR REPLACE VIEW marts.documents AS
WITH mentions AS (
    SELECT doc_id, count(DISTINCT entity_id) AS entities, count(*) AS mentions FROM core.mentions GROUP BY doc_id
),
quotes AS (SELECT doc_id, count(*) AS quotes FROM core.quotes WHERE kind <> 'term' GROUP BY doc_id),
dates AS (SELECT doc_id, count(*) AS dates FROM core.dates GROUP BY doc_id),
amounts AS (SELECT doc_id, count(*) AS amounts FROM core.amounts GROUP BY doc_id),
copies AS (
    SELECT duplicate_of AS doc_id, list(doc_id ORDER BY doc_id) AS duplicates
    FROM clean.documents WHERE duplicate_of IS NOT NULL GROUP BY duplicate_of
)
SELECT
    d.doc_id,
    d.outlet,
    d.title,
    d.title_derived,
    d.published,
    try_cast(left(d.published, 10) AS DATE) AS published_day,
    d.authors,
    d.dateline,
    d.language,
    d.format,
    CASE WHEN trim(d.body) = '' THEN 0 ELSE len(string_split_regex(trim(d.body), '\s+')) END AS words,
    d.status,
    d.reject_reason,
    d.paywalled,
    CASE WHEN d.chars_in > 0 THEN round(greatest(0, 1 - length(d.body) / d.chars_in), 3) END AS boilerplate_share,
    d.duplicate_of,
    coalesce(c.duplicates, []) AS duplicates,
    d.cited_sources,
    coalesce(m.entities, 0) AS entities,
    coalesce(m.mentions, 0) AS mentions,
    coalesce(q.quotes, 0) AS quotes,
    coalesce(t.dates, 0) AS dates,
    coalesce(a.amounts, 0) AS amounts,
    d.source_path,
    d.version,
    d.run_id,
    g.gone_since
FROM clean.documents AS d
LEFT JOIN ops.gone_inputs AS g USING (doc_id)
LEFT JOIN mentions AS m USING (doc_id)
LEFT JOIN quotes AS q USING (doc_id)
LEFT JOIN dates AS t USING (doc_id)
LEFT JOIN amounts AS a USING (doc_id)
LEFT JOIN copies AS c USING (doc_id);
COMMENT ON VIEW marts.documents IS 'One row per document: outlet, title, date, authors, size, status, boilerplate removed, duplicates and how much was extracted.';
COMMENT ON COLUMN marts.documents.doc_id IS 'Input file name relative to its input root, or URL; the full path of a file refused as name_clash.';
COMMENT ON COLUMN marts.documents.outlet IS 'Publication the article comes from, as stated or recognised; NULL when unknown.';
COMMENT ON COLUMN marts.documents.title IS 'Headline; the lead when the article has none (see title_derived).';
COMMENT ON COLUMN marts.documents.title_derived IS 'True when the title stands in for a missing headline.';
COMMENT ON COLUMN marts.documents.published IS 'Publication date or date-time as printed (ISO), never guessed.';
COMMENT ON COLUMN marts.documents.published_day IS 'The publication day as a DATE, for grouping and ranges.';
COMMENT ON COLUMN marts.documents.authors IS 'Author names.';
COMMENT ON COLUMN marts.documents.dateline IS 'Place the article was filed from, as stated in the text.';
COMMENT ON COLUMN marts.documents.language IS 'ISO 639-1 language of the body; NULL when too little text.';
COMMENT ON COLUMN marts.documents.format IS 'Detected input format: text, markdown, html or flattened.';
COMMENT ON COLUMN marts.documents.words IS 'Words in the clean body.';
COMMENT ON COLUMN marts.documents.status IS 'ok, rejected (see reject_reason) or duplicate (see duplicate_of).';
COMMENT ON COLUMN marts.documents.reject_reason IS 'Why the document was rejected or is a duplicate (exact_duplicate, near_duplicate).';
COMMENT ON COLUMN marts.documents.paywalled IS 'True when only a teaser is readable (paywall).';
COMMENT ON COLUMN marts.documents.boilerplate_share IS 'Share of the decoded input removed as boilerplate (0..1).';
COMMENT ON COLUMN marts.documents.duplicate_of IS 'doc_id of the first document with the same or a nearly identical body.';
COMMENT ON COLUMN marts.documents.duplicates IS 'doc_ids of the later documents that duplicate this one.';
COMMENT ON COLUMN marts.documents.cited_sources IS 'Sources the article names (domains or names).';
COMMENT ON COLUMN marts.documents.entities IS 'Distinct entities mentioned.';
COMMENT ON COLUMN marts.documents.mentions IS 'Entity mentions.';
COMMENT ON COLUMN marts.documents.quotes IS 'Quotes extracted: direct, indirect and reported (quoted names and scare quotes not counted).';
COMMENT ON COLUMN marts.documents.dates IS 'Dates mentioned in the text.';
COMMENT ON COLUMN marts.documents.amounts IS 'Amounts (money, percentages, durations, counts) cited.';
COMMENT ON COLUMN marts.documents.source_path IS 'Where the bytes were read from (path or URL).';
COMMENT ON COLUMN marts.documents.version IS 'Content version: 1 for the first content seen under doc_id, then 2, 3, ...';
COMMENT ON COLUMN marts.documents.run_id IS 'Run that stored this version.';
COMMENT ON COLUMN marts.documents.gone_since IS 'When a run first missed the input file (deleted, moved or renamed); NULL while it is there. The document is kept.';
