-- Boilerplate learned from the corpus: a line that recurs in at least 3 documents of one
-- outlet, and in at least a fifth of that outlet's documents, is the outlet's furniture
-- (teasers, share rows, newsletter pitches), not article text. Learned lines are kept in
-- ops.boilerplate_segments so the rule that removed them can be audited.
-- Lines are counted by their MD5 (clean.lines), and only lines of the documents this run
-- stored: any other line's count did not grow while its outlet's threshold did not fall, so it
-- cannot have reached the threshold now. (The exception, a document that stops being a
-- duplicate, counts once a later run stores a document with the same line.) Learned lines are
-- never forgotten.
INSERT OR IGNORE INTO ops.boilerplate_segments
WITH outlet_docs AS (
    SELECT doc_id, outlet, run_id FROM clean.documents WHERE status = 'ok' AND outlet IS NOT NULL
),
outlet_sizes AS (
    SELECT outlet, count(*) AS n FROM outlet_docs GROUP BY outlet
),
candidates AS (
    SELECT DISTINCT l.line_md5
    FROM clean.lines AS l JOIN outlet_docs AS d USING (doc_id)
    WHERE d.run_id = $run_id
),
learned AS (
    SELECT d.outlet, l.line_md5, count(*) AS doc_count, min(l.doc_id) AS example
    FROM clean.lines AS l
    JOIN outlet_docs AS d USING (doc_id)
    SEMI JOIN candidates AS c ON c.line_md5 = l.line_md5
    GROUP BY d.outlet, l.line_md5
)
-- The text of each learned line, from one of the documents that has it.
SELECT DISTINCT l.outlet, trim(t.line) AS segment, l.doc_count, $run_id AS run_id
FROM learned AS l
JOIN outlet_sizes AS s USING (outlet)
JOIN clean.documents AS d ON d.doc_id = l.example,
     unnest(string_split(d.body, chr(10))) AS t(line)
WHERE l.doc_count >= 3 AND l.doc_count >= 0.2 * s.n AND md5_number(trim(t.line)) = l.line_md5;
