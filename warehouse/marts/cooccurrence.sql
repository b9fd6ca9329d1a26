-- marts.cooccurrence: pairs of entities named in the same document (body, title or dateline),
-- with how many body sentences name both (core.sentences offsets) and up to three of those
-- sentences as examples.
-- Each pair appears once, the entity first in (name, type) order as entity_a.
CREATE OR REPLACE VIEW marts.cooccurrence AS
WITH in_documents AS (
    SELECT DISTINCT m.doc_id, m.entity_id, m.name, m.type, d.outlet
    FROM core.mentions AS m JOIN clean.documents AS d USING (doc_id)
),
in_sentences AS (
    SELECT DISTINCT m.doc_id, s.sentence_no, s.start_char, s.end_char, m.entity_id, m.name, m.type
    FROM core.mentions AS m
    JOIN core.sentences AS s
        ON s.doc_id = m.doc_id AND m.start_char >= s.start_char AND m.start_char < s.end_char
    WHERE m.field = 'body'  -- title and dateline mentions have offsets into those fields
),
document_pairs AS (
    SELECT a.entity_id AS a_id, b.entity_id AS b_id,
           any_value(a.name) AS entity_a, any_value(a.type) AS type_a,
           any_value(b.name) AS entity_b, any_value(b.type) AS type_b,
           count(*) AS documents,
           count(DISTINCT coalesce(a.outlet, '(unknown)')) AS outlets,
           list(a.doc_id ORDER BY a.doc_id)[1:10] AS example_documents
    FROM in_documents AS a
    JOIN in_documents AS b
        ON a.doc_id = b.doc_id AND (a.name < b.name OR (a.name = b.name AND a.type < b.type))
    GROUP BY a.entity_id, b.entity_id
),
sentence_pairs AS (
    SELECT a.entity_id AS a_id, b.entity_id AS b_id, a.doc_id, a.sentence_no, a.start_char, a.end_char,
           row_number() OVER (PARTITION BY a.entity_id, b.entity_id ORDER BY a.doc_id, a.sentence_no) AS nth
    FROM in_sentences AS a
    JOIN in_sentences AS b
        ON a.doc_id = b.doc_id AND a.sentence_no = b.sentence_no
       AND (a.name < b.name OR (a.name = b.name AND a.type < b.type))
),
sentence_counts AS (
    SELECT p.a_id, p.b_id, count(*) AS sentences,
           list(substring(d.body, p.start_char + 1, p.end_char - p.start_char) ORDER BY p.nth)
               FILTER (WHERE p.nth <= 3) AS example_sentences
    FROM sentence_pairs AS p JOIN clean.documents AS d USING (doc_id)
    GROUP BY p.a_id, p.b_id
)
SELECT
    p.entity_a,
    p.type_a,
    p.entity_b,
    p.type_b,
    coalesce(s.sentences, 0) AS sentences,
    p.documents,
    p.outlets,
    coalesce(s.example_sentences, []) AS example_sentences,
    p.example_documents,
    p.a_id AS entity_a_id,
    p.b_id AS entity_b_id
FROM document_pairs AS p
LEFT JOIN sentence_counts AS s USING (a_id, b_id)
ORDER BY sentences DESC, p.documents DESC, p.entity_a, p.entity_b;
COMMENT ON VIEW marts.cooccurrence IS 'Entity pairs named in the same document, with the number of sentences naming both and example sentences.';
COMMENT ON COLUMN marts.cooccurrence.entity_a IS 'Canonical name of the first entity (the smaller in name order).';
COMMENT ON COLUMN marts.cooccurrence.type_a IS 'Its type: PER, ORG, LOC or MISC.';
COMMENT ON COLUMN marts.cooccurrence.entity_b IS 'Canonical name of the second entity.';
COMMENT ON COLUMN marts.cooccurrence.type_b IS 'Its type.';
COMMENT ON COLUMN marts.cooccurrence.sentences IS 'Sentences naming both (0 when they only share a document).';
COMMENT ON COLUMN marts.cooccurrence.documents IS 'Documents naming both.';
COMMENT ON COLUMN marts.cooccurrence.outlets IS 'Distinct outlets of those documents; (unknown) counts as one, as in marts.outlet_coverage.';
COMMENT ON COLUMN marts.cooccurrence.example_sentences IS 'Up to three sentences naming both.';
COMMENT ON COLUMN marts.cooccurrence.example_documents IS 'Up to ten documents naming both.';
COMMENT ON COLUMN marts.cooccurrence.entity_a_id IS 'Registry id of entity_a.';
COMMENT ON COLUMN marts.cooccurrence.entity_b_id IS 'Registry id of entity_b.';
