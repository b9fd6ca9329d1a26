-- The entity registry, rebuilt from all mentions: ids are a hash of type and canonical
-- name, so they are stable across runs; variants and dates accumulate as documents arrive.
-- Mentions are counted per document and their spellings deduplicated before the registry's
-- aggregates: one distinct count and one list over every mention of the corpus took 2.4 times
-- as long (6.3 against 2.6 s at 100,000 documents).
DELETE FROM core.entities;
INSERT INTO core.entities
WITH per_document AS (
    SELECT entity_id, doc_id, count(*) AS mentions FROM core.mentions GROUP BY ALL
),
counted AS (
    SELECT p.entity_id,
           min(d.published) AS first_seen,
           max(d.published) AS last_seen,
           count(*) AS doc_count,
           sum(p.mentions)::BIGINT AS mention_count
    FROM per_document AS p
    JOIN clean.documents AS d USING (doc_id)
    GROUP BY p.entity_id
),
named AS (
    SELECT entity_id,
           any_value(name) AS canonical_name,  -- the id is a hash of type and name: one each
           any_value(type) AS type,
           list(surface ORDER BY surface) AS variants
    FROM (SELECT DISTINCT entity_id, name, type, surface FROM core.mentions)
    GROUP BY entity_id
)
SELECT n.entity_id, n.canonical_name, n.type, n.variants, c.first_seen, c.last_seen, c.doc_count, c.mention_count
FROM named AS n
JOIN counted AS c USING (entity_id);
