-- Remove learned boilerplate lines from the bodies of their outlet's documents. A changed
-- body gets a new body hash, so its facts are extracted again by this run. Only documents
-- whose clean.lines hold a learned line of their outlet are read and rewritten.
CREATE OR REPLACE TEMP TABLE _segments AS
SELECT outlet, segment, md5_number(segment) AS line_md5 FROM ops.boilerplate_segments;

CREATE OR REPLACE TEMP TABLE _hit AS
SELECT DISTINCT l.doc_id, l.line_md5
FROM clean.lines AS l
JOIN clean.documents AS d USING (doc_id)
JOIN _segments AS s ON s.outlet = d.outlet AND s.line_md5 = l.line_md5
WHERE d.status = 'ok';

UPDATE clean.documents AS d
SET body = trim(array_to_string(
        list_filter(string_split(d.body, chr(10)), lambda line: NOT list_contains(s.segments, trim(line))),
        chr(10))),
    body_sha256 = ''  -- recomputed by the flow, which owns the fingerprint's definition
FROM (SELECT outlet, list(segment) AS segments FROM _segments GROUP BY outlet) AS s
WHERE d.outlet = s.outlet AND d.doc_id IN (SELECT doc_id FROM _hit);

-- The removed lines are no longer lines of those bodies.
DELETE FROM clean.lines AS l
WHERE EXISTS (SELECT 1 FROM _hit AS h WHERE h.doc_id = l.doc_id AND h.line_md5 = l.line_md5);

DROP TABLE _hit;
DROP TABLE _segments;
