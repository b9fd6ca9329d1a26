-- Boilerplate learned from the corpus: a line that recurs in at least 3 documents of one
-- outlet, and in at least a fifth of that outlet's documents, is the outlet's furniture
-- (teasers, share rows, newsletter pitches), not article text. Learned lines are kept in
-- ops.boilerplate_segments so the rule that removed them can be audited.
INSERT OR IGNORE INTO ops.boilerplate_segments
WITH outlet_docs AS (
    SELECT outlet, count(*) AS n FROM clean.documents WHERE status = 'ok' AND outlet IS NOT NULL GROUP BY outlet
),
lines AS (
    SELECT DISTINCT doc_id, outlet, trim(line) AS segment
    FROM clean.documents, unnest(string_split(body, chr(10))) AS t(line)
    WHERE status = 'ok' AND outlet IS NOT NULL
)
SELECT l.outlet, l.segment, count(*) AS doc_count, $run_id AS run_id
FROM lines AS l JOIN outlet_docs AS o USING (outlet)
WHERE length(l.segment) BETWEEN 12 AND 300
GROUP BY l.outlet, l.segment, o.n
HAVING count(*) >= 3 AND count(*) >= 0.2 * o.n;
