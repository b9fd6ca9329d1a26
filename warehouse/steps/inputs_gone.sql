-- Documents whose input file this run's inputs ($roots: absolute paths of its input folders
-- and files) no longer hold: the file last read for them lay under one of the inputs, and the
-- run's listing (_seen: doc_id) has no such document. Those marked gone before are left out.
-- The last file read is in ops.input_files, or for a file read before its state settled, the
-- source of the document's current version.
WITH last_read AS (
    SELECT d.doc_id, coalesce(f.source_path, d.source_path) AS source_path
    FROM clean.documents AS d
    LEFT JOIN ops.input_files AS f USING (doc_id)
)
SELECT doc_id, source_path
FROM last_read
WHERE EXISTS (
        SELECT 1 FROM unnest($roots::VARCHAR[]) AS r(root)
        WHERE source_path = r.root OR starts_with(source_path, r.root || '/')
    )
  AND doc_id NOT IN (SELECT doc_id FROM _seen)
  AND doc_id NOT IN (SELECT doc_id FROM ops.gone_inputs)
ORDER BY doc_id;
