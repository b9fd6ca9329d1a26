-- marts.duplicates: each duplicate document beside the document it duplicates, with how the
-- match was made and, for near duplicates, the estimated share of shared word 3-shingles.
CREATE OR REPLACE VIEW marts.duplicates AS
SELECT
    d.doc_id,
    d.duplicate_of,
    CASE d.reject_reason WHEN 'exact_duplicate' THEN 'exact' WHEN 'near_duplicate' THEN 'near'
        ELSE d.reject_reason END AS match,
    CASE WHEN d.reject_reason = 'exact_duplicate' THEN 1.0
        ELSE round(len(list_filter(list_zip(fa.signature, fb.signature), lambda x: x[1] = x[2]))
                   / nullif(len(fa.signature), 0), 3)
    END AS similarity,
    d.outlet,
    o.outlet AS original_outlet,
    d.outlet IS NOT DISTINCT FROM o.outlet AS same_outlet,
    d.title,
    o.title AS original_title,
    d.published,
    o.published AS original_published
FROM clean.documents AS d
JOIN clean.documents AS o ON o.doc_id = d.duplicate_of
LEFT JOIN clean.fingerprints AS fa ON fa.doc_id = d.doc_id
LEFT JOIN clean.fingerprints AS fb ON fb.doc_id = d.duplicate_of
WHERE d.status = 'duplicate'
ORDER BY d.duplicate_of, d.doc_id;
COMMENT ON VIEW marts.duplicates IS 'Duplicate documents beside the first document with the same or a nearly identical body.';
COMMENT ON COLUMN marts.duplicates.doc_id IS 'The duplicate.';
COMMENT ON COLUMN marts.duplicates.duplicate_of IS 'The first document with that body (kept as ok).';
COMMENT ON COLUMN marts.duplicates.match IS 'exact (same normalised body) or near (MinHash similarity over the threshold).';
COMMENT ON COLUMN marts.duplicates.similarity IS 'Estimated Jaccard similarity of word 3-shingles (1.0 for exact duplicates; NULL when unknown).';
COMMENT ON COLUMN marts.duplicates.outlet IS 'Outlet of the duplicate.';
COMMENT ON COLUMN marts.duplicates.original_outlet IS 'Outlet of the original.';
COMMENT ON COLUMN marts.duplicates.same_outlet IS 'True when both come from the same outlet (a re-post rather than syndication).';
COMMENT ON COLUMN marts.duplicates.title IS 'Title of the duplicate.';
COMMENT ON COLUMN marts.duplicates.original_title IS 'Title of the original.';
COMMENT ON COLUMN marts.duplicates.published IS 'Publication date of the duplicate.';
COMMENT ON COLUMN marts.duplicates.original_published IS 'Publication date of the original.';
