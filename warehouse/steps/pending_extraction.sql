-- Documents whose core rows are missing, were extracted from another body or by an older
-- extraction ($version: presseschau.extract.VERSION): the next extraction batches. Ordered so
-- that runs are deterministic.
SELECT d.doc_id
FROM clean.documents AS d
LEFT JOIN core.extracted AS e USING (doc_id)
WHERE d.status = 'ok' AND (e.body_sha256 IS NULL OR e.body_sha256 <> d.body_sha256 OR e.version < $version)
ORDER BY d.doc_id;
