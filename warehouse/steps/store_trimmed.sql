-- Replace the documents of a slice that steps/apply_boilerplate.sql trimmed (_trimmed) by their
-- trimmed rows, with the body hashes the flow computed (_hashed: doc_id, body_sha256).
-- A delete and an append, not an UPDATE: at the checkpoint after an update DuckDB rewrites the
-- whole column of each row group it touched (122,880 rows), so updating a slice of bodies at a
-- time rewrote every body of the corpus once per slice, a cost that grew with the square of the
-- corpus (65 s at 100,000 documents, 2.6 s at 10,000).
DELETE FROM clean.documents WHERE doc_id IN (SELECT doc_id FROM _trimmed);

INSERT INTO clean.documents BY NAME
SELECT t.* REPLACE (h.body_sha256 AS body_sha256)
FROM _trimmed AS t JOIN _hashed AS h USING (doc_id);

DROP TABLE _trimmed;
