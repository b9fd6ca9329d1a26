-- Remove learned boilerplate lines from the bodies of one slice ($slice) of the documents
-- steps/find_boilerplate.sql found, whose doc_ids lie between $first and $last (the range lets
-- DuckDB skip the row groups outside it). The trimmed rows go to _trimmed, which the flow gives
-- new body hashes (it owns the fingerprint's definition) before steps/store_trimmed.sql stores
-- them; a changed body hash makes this run extract the document's facts again.
CREATE OR REPLACE TEMP TABLE _trimmed AS
SELECT d.* REPLACE (trim(array_to_string(
        list_filter(string_split(d.body, chr(10)), lambda line: NOT list_contains(s.segments, trim(line))),
        chr(10))) AS body)
FROM clean.documents AS d
JOIN (SELECT outlet, list(segment) AS segments FROM _segments GROUP BY outlet) AS s ON s.outlet = d.outlet
WHERE d.doc_id BETWEEN $first AND $last
  AND d.doc_id IN (SELECT doc_id FROM _rewrite WHERE slice = $slice);

-- The removed lines are no longer lines of those bodies.
DELETE FROM clean.lines AS l
WHERE l.doc_id BETWEEN $first AND $last AND EXISTS (
    SELECT 1 FROM _hit AS h JOIN _rewrite AS r USING (doc_id)
    WHERE r.slice = $slice AND h.doc_id = l.doc_id AND h.line_md5 = l.line_md5
);
