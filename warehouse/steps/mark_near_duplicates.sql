-- Near duplicates: a document whose MinHash signature agrees with an earlier document's
-- on at least $threshold of its positions (estimated Jaccard similarity of word 3-shingles)
-- points at the earliest such document. Candidates are pairs sharing an LSH band key.
WITH ok AS (
    SELECT doc_id, run_id || '/' || doc_id AS seen FROM clean.documents WHERE status = 'ok'
),
pairs AS (
    SELECT DISTINCT a.doc_id AS later, b.doc_id AS earlier, ob.seen AS earlier_seen
    FROM clean.lsh_bands AS a
    JOIN clean.lsh_bands AS b ON a.band_key = b.band_key AND a.doc_id <> b.doc_id
    JOIN ok AS oa ON oa.doc_id = a.doc_id
    JOIN ok AS ob ON ob.doc_id = b.doc_id
    WHERE ob.seen < oa.seen
),
scored AS (
    SELECT p.later, p.earlier, p.earlier_seen,
           len(list_filter(list_zip(fa.signature, fb.signature), lambda x: x[1] = x[2]))
               / len(fa.signature) AS jaccard
    FROM pairs AS p
    JOIN clean.fingerprints AS fa ON fa.doc_id = p.later
    JOIN clean.fingerprints AS fb ON fb.doc_id = p.earlier
),
firsts AS (
    SELECT later, arg_min(earlier, earlier_seen) AS first_id
    FROM scored WHERE jaccard >= $threshold GROUP BY later
)
UPDATE clean.documents AS d
SET status = 'duplicate', duplicate_of = f.first_id, reject_reason = 'near_duplicate'
FROM firsts AS f
WHERE d.doc_id = f.later;
