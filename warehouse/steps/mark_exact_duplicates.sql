-- Exact duplicates: documents whose normalised body hash equals an earlier document's.
-- The first seen (earliest run, then doc_id) stays `ok`; the others point at it.
WITH firsts AS (
    SELECT body_sha256, arg_min(doc_id, run_id || '/' || doc_id) AS first_id
    FROM clean.documents
    WHERE status = 'ok' OR (status = 'duplicate' AND reject_reason = 'exact_duplicate')
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
