-- Documents whose core rows are missing or were extracted from another body: the next
-- extraction batches. Ordered so that runs are deterministic.
SELECT d.doc_id
FROM clean.documents AS d
LEFT JOIN core.extracted AS e USING (doc_id)
WHERE d.status = 'ok' AND (e.body_sha256 IS NULL OR e.body_sha256 <> d.body_sha256)
ORDER BY d.doc_id;
