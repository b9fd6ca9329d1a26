-- The entity registry, rebuilt from all mentions: ids are a hash of type and canonical
-- name, so they are stable across runs; variants and dates accumulate as documents arrive.
DELETE FROM core.entities;
INSERT INTO core.entities
SELECT
    m.entity_id,
    any_value(m.name) AS canonical_name,
    any_value(m.type) AS type,
    list_sort(list_distinct(list(m.surface))) AS variants,
    min(d.published) AS first_seen,
    max(d.published) AS last_seen,
    count(DISTINCT m.doc_id) AS doc_count,
    count(*) AS mention_count
FROM core.mentions AS m
JOIN clean.documents AS d USING (doc_id)
GROUP BY m.entity_id;
