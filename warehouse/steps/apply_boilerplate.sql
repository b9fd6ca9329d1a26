-- Remove learned boilerplate lines from the bodies of one slice ($slice) of the documents
-- steps/find_boilerplate.sql found. A changed body gets a new body hash, so its facts are
-- extracted again by this run.
UPDATE clean.documents AS d
SET body = trim(array_to_string(
        list_filter(string_split(d.body, chr(10)), lambda line: NOT list_contains(s.segments, trim(line))),
        chr(10))),
    body_sha256 = ''  -- recomputed by the flow, which owns the fingerprint's definition
FROM (SELECT outlet, list(segment) AS segments FROM _segments GROUP BY outlet) AS s
WHERE d.outlet = s.outlet AND d.doc_id IN (SELECT doc_id FROM _rewrite WHERE slice = $slice);

-- The removed lines are no longer lines of those bodies.
DELETE FROM clean.lines AS l
WHERE EXISTS (
    SELECT 1 FROM _hit AS h JOIN _rewrite AS r USING (doc_id)
    WHERE r.slice = $slice AND h.doc_id = l.doc_id AND h.line_md5 = l.line_md5
);
