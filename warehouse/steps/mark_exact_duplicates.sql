-- Exact duplicates: documents whose normalised body hash equals an earlier document's.
-- The first seen (earliest run, then doc_id) stays `ok`; the others point at it. A document
-- whose input file is gone (ops.gone_inputs) yields to a present copy: a renamed file keeps
-- its article, and its old name points at it.
WITH candidates AS (
    SELECT d.doc_id, d.body_sha256,
           (g.doc_id IS NOT NULL)::INTEGER || '/' || d.run_id || '/' || d.doc_id AS seen
    FROM clean.documents AS d
    LEFT JOIN ops.gone_inputs AS g USING (doc_id)
    WHERE d.status = 'ok' OR (d.status = 'duplicate' AND d.reject_reason = 'exact_duplicate')
),
firsts AS (
    SELECT body_sha256, arg_min(doc_id, seen) AS first_id
    FROM candidates
    GROUP BY body_sha256
)
UPDATE clean.documents AS d
SET status = CASE WHEN d.doc_id = f.first_id THEN 'ok' ELSE 'duplicate' END,
    duplicate_of = CASE WHEN d.doc_id = f.first_id THEN NULL ELSE f.first_id END,
    reject_reason = CASE WHEN d.doc_id = f.first_id THEN NULL ELSE 'exact_duplicate' END
FROM firsts AS f
WHERE d.body_sha256 = f.body_sha256
  AND (d.status = 'ok' OR (d.status = 'duplicate' AND d.reject_reason = 'exact_duplicate'))
  -- only rows whose marking changes: DuckDB holds updated values in memory until a checkpoint
  AND (d.status <> CASE WHEN d.doc_id = f.first_id THEN 'ok' ELSE 'duplicate' END
       OR d.duplicate_of IS DISTINCT FROM CASE WHEN d.doc_id = f.first_id THEN NULL ELSE f.first_id END);
