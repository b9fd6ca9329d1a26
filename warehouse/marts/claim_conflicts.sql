-- marts.claim_conflicts: the same fact reported differently, across documents or inside one.
-- Statements are facts of marts.event_facts (a date, duration or amount given for an event
-- family such as Telefonat or Angriff). Two statements are taken to be about the same event
-- when they are in different sentences that name a common entity, and, if they are in
-- different documents, what the two documents say about that event family names at least two
-- common entities (one when a document names only one) and the documents were published at
-- most 14 days apart (or a date is unknown): reports of one event are written within days.
-- Values of one kind are then compared:
--   * dates agree when one contains the other ("2025-02" and "2025-02-12"); they conflict
--     when given to the same precision, month or day, and differing in exactly one of year,
--     month and day (a misremembered or mistyped date: the 13th for the 12th, 2021 for 2022);
--     other dates are taken to be different occurrences (two summits, two elections);
--   * amounts agree within 5 %; they conflict when up to ten times apart; beyond that they
--     are taken to be about different things.
-- Statements linked by agreement or conflict form one claim (connected components); a claim
-- is shown when it conflicts, or when at least two documents agree on it.
CREATE OR REPLACE VIEW marts.claim_conflicts AS
WITH RECURSIVE facts AS MATERIALIZED (
    SELECT *,
           try_cast(left(published, 10) AS DATE) AS published_day,
           CASE precision WHEN 'year' THEN 1 WHEN 'month' THEN 2 WHEN 'day' THEN 3 END AS level
    FROM marts.event_facts
),
named AS MATERIALIZED (  -- one row per fact and entity its sentence names: the blocking key
    SELECT fact_id, family, fact, unnest(participants) AS name,
           (published_day - DATE '2000-01-03') // 7 AS week  -- NULL when undated
    FROM facts
),
candidates AS (  -- pairs naming a common entity, published at most two weeks apart or undated
    SELECT DISTINCT least(a.fact_id, b.fact_id) AS a_id, greatest(a.fact_id, b.fact_id) AS b_id
    FROM named AS a, unnest([-2, -1, 0, 1, 2]) AS s(shift)
    JOIN named AS b
        ON a.family = b.family AND a.fact = b.fact AND a.name = b.name AND a.week + s.shift = b.week
    WHERE a.fact_id <> b.fact_id
    UNION
    SELECT least(a.fact_id, b.fact_id), greatest(a.fact_id, b.fact_id)
    FROM named AS a
    JOIN named AS b ON a.family = b.family AND a.fact = b.fact AND a.name = b.name
    WHERE a.fact_id <> b.fact_id AND a.week IS NULL
),
pairs AS MATERIALIZED (
    SELECT a.fact_id AS a_id, b.fact_id AS b_id, a.doc_id = b.doc_id AS same_document,
        CASE
            WHEN a.fact = 'date' THEN CASE
                WHEN left(a.value, [4, 7, 10][least(a.level, b.level)])
                   = left(b.value, [4, 7, 10][least(a.level, b.level)]) THEN 'agree'
                WHEN a.level = b.level AND a.level >= 2
                 AND (left(a.value, 4) <> left(b.value, 4))::INT
                   + (substr(a.value, 6, 2) <> substr(b.value, 6, 2))::INT
                   + (substr(a.value, 9, 2) <> substr(b.value, 9, 2))::INT = 1
                THEN 'conflict'
            END
            WHEN abs(a.amount - b.amount) <= 0.05 * greatest(abs(a.amount), abs(b.amount)) THEN 'agree'
            WHEN least(abs(a.amount), abs(b.amount)) * 10 >= greatest(abs(a.amount), abs(b.amount)) THEN 'conflict'
        END AS relation
    FROM candidates AS c
    JOIN facts AS a ON a.fact_id = c.a_id
    JOIN facts AS b ON b.fact_id = c.b_id
    WHERE NOT (a.doc_id = b.doc_id AND a.sentence_no = b.sentence_no)
      AND (a.doc_id = b.doc_id OR (
          len(list_intersect(a.frame_participants, b.frame_participants))
              >= least(2, len(a.frame_participants), len(b.frame_participants))
          AND coalesce(abs(a.published_day - b.published_day) <= 14, true)))
),
links AS (
    SELECT a_id AS x, b_id AS y FROM pairs WHERE relation IS NOT NULL
    UNION ALL
    SELECT b_id, a_id FROM pairs WHERE relation IS NOT NULL
),
-- Connected components: each fact starts as its own claim and takes the smallest claim id
-- among the facts it is linked to, round after round, until no id changes.
members(fact_id, claim_id) USING KEY (fact_id) AS (
    SELECT DISTINCT x, x FROM links
    UNION
    SELECT smaller.y, smaller.claim_id
    FROM (
        SELECT l.y, min(m.claim_id) AS claim_id
        FROM members AS m JOIN links AS l ON l.x = m.fact_id
        GROUP BY l.y
    ) AS smaller
    JOIN recurring.members AS known ON known.fact_id = smaller.y
    WHERE smaller.claim_id < known.claim_id
),
claim_facts AS (
    SELECT m.claim_id, f.* FROM members AS m JOIN facts AS f USING (fact_id)
),
verdicts AS (
    SELECT m.claim_id,
           bool_or(p.relation = 'conflict') AS conflicting,
           coalesce(bool_and(p.same_document) FILTER (WHERE p.relation = 'conflict'), false) AS within_document
    FROM pairs AS p
    JOIN members AS m ON m.fact_id = p.a_id
    WHERE p.relation IS NOT NULL
    GROUP BY m.claim_id
),
claims AS (
    SELECT claim_id, any_value(family) AS event, any_value(fact) AS fact,
           list(DISTINCT doc_id ORDER BY doc_id) AS documents,
           count(*) AS statements, count(DISTINCT doc_id) AS n_documents
    FROM claim_facts
    GROUP BY claim_id
),
in_sentences AS (  -- entities every statement of the claim names in its own sentence
    SELECT c.claim_id, list_sort(list(t.name)) AS names
    FROM (SELECT claim_id, name, count(DISTINCT fact_id) AS n
          FROM claim_facts, unnest(participants) AS t(name) GROUP BY ALL) AS t
    JOIN claims AS c ON c.claim_id = t.claim_id AND t.n = c.statements
    GROUP BY c.claim_id
),
in_documents AS (  -- entities every document of the claim names about the event
    SELECT c.claim_id, list_sort(list(t.name)) AS names
    FROM (SELECT claim_id, name, count(DISTINCT doc_id) AS n
          FROM claim_facts, unnest(frame_participants) AS t(name) GROUP BY ALL) AS t
    JOIN claims AS c ON c.claim_id = t.claim_id AND t.n = c.n_documents
    GROUP BY c.claim_id
),
claim_values AS (
    SELECT claim_id, value,
           list(DISTINCT doc_id ORDER BY doc_id) AS documents,
           list_sort(list(DISTINCT coalesce(outlet, '(unknown)'))) AS outlets,
           list(DISTINCT text ORDER BY text) AS texts,
           arg_min(sentence, fact_id) AS sentence
    FROM claim_facts
    GROUP BY claim_id, value
),
ranked_values AS (  -- a date another value of the claim refines ("2025-02" of "2025-02-12") is less precise
    SELECT v.*,
           v.value || ' [' || len(v.documents) || CASE WHEN len(v.documents) = 1
               THEN ' document]' ELSE ' documents]' END AS label,
           EXISTS (SELECT 1 FROM claim_values AS w
                   WHERE w.claim_id = v.claim_id AND w.value <> v.value AND starts_with(w.value, v.value)
                     AND v.value SIMILAR TO '[0-9]{4}(-[0-9]{2})?') AS less_precise
    FROM claim_values AS v
),
value_lists AS (
    SELECT claim_id,
        list(label ORDER BY len(documents) DESC, value) FILTER (WHERE NOT less_precise) AS precise_labels,
        list(label ORDER BY value) FILTER (WHERE less_precise) AS less_precise_labels,
        list({'value': value, 'less_precise': less_precise, 'documents': documents, 'outlets': outlets,
              'texts': texts, 'sentence': sentence} ORDER BY less_precise, len(documents) DESC, value)
            AS claim_values
    FROM ranked_values
    GROUP BY claim_id
)
SELECT
    c.claim_id,
    c.event,
    coalesce(s.names, d.names, []) AS participants,
    c.fact,
    CASE WHEN v.conflicting THEN 'conflict' ELSE 'agree' END AS verdict,
    v.within_document,
    CASE WHEN v.conflicting THEN array_to_string(l.precise_labels, ' vs ')
        ELSE array_to_string(l.precise_labels, ' = ') END
        || coalesce('; less precise: ' || array_to_string(l.less_precise_labels, ', '), '') AS summary,
    l.claim_values,
    c.documents,
    c.statements
FROM claims AS c
JOIN verdicts AS v USING (claim_id)
JOIN value_lists AS l USING (claim_id)
LEFT JOIN in_sentences AS s USING (claim_id)
LEFT JOIN in_documents AS d USING (claim_id)
WHERE v.conflicting OR c.n_documents >= 2
ORDER BY v.conflicting DESC, v.within_document, c.n_documents DESC, c.event, c.fact;
COMMENT ON VIEW marts.claim_conflicts IS 'The same fact (date, duration, amount) of one event reported differently across documents or inside one, and facts several documents agree on.';
COMMENT ON COLUMN marts.claim_conflicts.claim_id IS 'Id of the claim: the smallest fact_id of marts.event_facts in it.';
COMMENT ON COLUMN marts.claim_conflicts.event IS 'Event family the statements are about (core.event_mentions.family).';
COMMENT ON COLUMN marts.claim_conflicts.participants IS 'Entities every statement names in its sentence, or else every document names about the event.';
COMMENT ON COLUMN marts.claim_conflicts.fact IS 'What is compared: date, duration, amount in <unit> or count of <noun>.';
COMMENT ON COLUMN marts.claim_conflicts.verdict IS 'conflict when two statements give incompatible values, agree otherwise.';
COMMENT ON COLUMN marts.claim_conflicts.within_document IS 'True when every conflicting pair of statements is inside one document.';
COMMENT ON COLUMN marts.claim_conflicts.summary IS 'The values with the number of documents giving each, e.g. 2025-02-13 [1 document] vs 2025-02-12 [2 documents].';
COMMENT ON COLUMN marts.claim_conflicts.claim_values IS 'Each value with its documents, outlets ((unknown) for a document without one), wordings and one sentence stating it.';
COMMENT ON COLUMN marts.claim_conflicts.documents IS 'Every document with a statement in the claim.';
COMMENT ON COLUMN marts.claim_conflicts.statements IS 'Number of statements (facts) in the claim.';
