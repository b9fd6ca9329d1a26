-- The documents whose bodies hold a learned boilerplate line of their outlet (found through
-- clean.lines, so no body is read here), numbered into slices of $slice_documents for
-- steps/apply_boilerplate.sql.
CREATE OR REPLACE TEMP TABLE _segments AS
SELECT outlet, segment, md5_number(segment) AS line_md5 FROM ops.boilerplate_segments;

CREATE OR REPLACE TEMP TABLE _hit AS
SELECT DISTINCT l.doc_id, l.line_md5
FROM clean.lines AS l
JOIN clean.documents AS d USING (doc_id)
JOIN _segments AS s ON s.outlet = d.outlet AND s.line_md5 = l.line_md5
WHERE d.status = 'ok';

CREATE OR REPLACE TEMP TABLE _rewrite AS
SELECT doc_id, (row_number() OVER (ORDER BY doc_id) - 1) // $slice_documents AS slice
FROM (SELECT DISTINCT doc_id FROM _hit);
