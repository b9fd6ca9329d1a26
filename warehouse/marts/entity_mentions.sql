-- marts.entity_mentions: one row per entity and document that mentions it, with the surface
-- forms used there and the sentence of its first mention.
CREATE OR REPLACE VIEW marts.entity_mentions AS
WITH per_document AS (
    SELECT entity_id, doc_id, any_value(name) AS name, any_value(type) AS type, count(*) AS mentions,
           list(DISTINCT surface ORDER BY surface) AS surfaces,
           min(start_char) FILTER (WHERE field = 'body') AS first_char
    FROM core.mentions
    GROUP BY entity_id, doc_id
)
SELECT
    p.entity_id,
    p.name,
    p.type,
    p.doc_id,
    d.outlet,
    d.published,
    try_cast(left(d.published, 10) AS DATE) AS published_day,
    p.mentions,
    p.surfaces,
    p.first_char,
    substring(d.body, s.start_char + 1, s.end_char - s.start_char) AS first_sentence
FROM per_document AS p
JOIN clean.documents AS d USING (doc_id)
LEFT JOIN core.sentences AS s
    ON s.doc_id = p.doc_id AND p.first_char >= s.start_char AND p.first_char < s.end_char;
COMMENT ON VIEW marts.entity_mentions IS 'Each entity per document mentioning it: how often, in which forms, and the sentence of its first mention.';
COMMENT ON COLUMN marts.entity_mentions.entity_id IS 'Registry id (core.entities.entity_id).';
COMMENT ON COLUMN marts.entity_mentions.name IS 'Canonical name across the corpus.';
COMMENT ON COLUMN marts.entity_mentions.type IS 'PER, ORG, LOC or MISC.';
COMMENT ON COLUMN marts.entity_mentions.doc_id IS 'Document mentioning the entity.';
COMMENT ON COLUMN marts.entity_mentions.outlet IS 'Outlet of the document.';
COMMENT ON COLUMN marts.entity_mentions.published IS 'Publication date of the document as stated.';
COMMENT ON COLUMN marts.entity_mentions.published_day IS 'The publication day as a DATE.';
COMMENT ON COLUMN marts.entity_mentions.mentions IS 'Mentions of the entity in the document (body, title and dateline).';
COMMENT ON COLUMN marts.entity_mentions.surfaces IS 'The forms used in this document (e.g. Putin, Putins, Wladimir Putin).';
COMMENT ON COLUMN marts.entity_mentions.first_char IS 'Offset of the first mention in the clean body; NULL when only the title or dateline names it.';
COMMENT ON COLUMN marts.entity_mentions.first_sentence IS 'The sentence of the first mention.';
