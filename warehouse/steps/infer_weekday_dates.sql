-- Weekdays of articles that state no publication date ("am Mittwoch telefonierte Trump mit
-- Putin") take the date that other articles give for the same event, when exactly one such
-- date falls on that weekday. Same event: a sentence of the same event family (marts.
-- event_sentences) naming at least two of the same entities. The inferred row records the
-- articles it came from; rows are kept, added or removed so that a rerun changes nothing.
-- The event sentences are computed once here: both sides of the match read them.
CREATE OR REPLACE TEMP TABLE _events AS
SELECT doc_id, sentence_no, family, participants FROM marts.event_sentences;

-- "At least two shared entities" is "at least one shared pair of entities", so both sides are
-- spread into entity pairs and matched on equal keys: a hash join that grows with the matches,
-- not with the product of all weekday and all dated sentences of a family.
CREATE OR REPLACE TEMP TABLE _inferred AS
WITH weekday_events AS (
    SELECT w.doc_id, w.weekday_no, w.weekday, w.text, w.sentence, w.start_char, w.end_char,
           e.family, e.participants
    FROM core.weekdays AS w
    JOIN core.sentences AS s
      ON s.doc_id = w.doc_id AND w.start_char >= s.start_char AND w.start_char < s.end_char
    JOIN _events AS e ON e.doc_id = w.doc_id AND e.sentence_no = s.sentence_no
),
dated_events AS (
    SELECT d.doc_id, d.date, isodow(d.date::DATE) - 1 AS weekday, e.family, e.participants
    FROM core.dates AS d
    JOIN core.sentences AS s
      ON s.doc_id = d.doc_id AND d.start_char >= s.start_char AND d.start_char < s.end_char
    JOIN _events AS e ON e.doc_id = d.doc_id AND e.sentence_no = s.sentence_no
    WHERE d.precision = 'day' AND d.field = 'body' AND d.inferred_from IS NULL
),
weekday_pairs AS (
    SELECT DISTINCT w.doc_id, w.weekday_no, w.weekday, w.family, first, second
    FROM weekday_events AS w,
         unnest(w.participants) AS a(first), unnest(w.participants) AS b(second)
    WHERE first < second
),
dated_pairs AS (
    SELECT DISTINCT d.doc_id, d.date, d.weekday, d.family, first, second
    FROM dated_events AS d,
         unnest(d.participants) AS a(first), unnest(d.participants) AS b(second)
    WHERE first < second
),
matches AS (
    SELECT DISTINCT w.doc_id, w.weekday_no, d.date, d.doc_id AS source
    FROM weekday_pairs AS w
    JOIN dated_pairs AS d
      ON d.family = w.family AND d.weekday = w.weekday
     AND d.first = w.first AND d.second = w.second AND d.doc_id <> w.doc_id
),
candidates AS (
    SELECT w.doc_id, w.weekday_no,
           any_value(w.text) AS text, any_value(w.sentence) AS sentence,
           any_value(w.start_char) AS start_char, any_value(w.end_char) AS end_char,
           list(DISTINCT m.date ORDER BY m.date) AS dates,
           list(DISTINCT m.source ORDER BY m.source) AS sources
    FROM (SELECT DISTINCT doc_id, weekday_no, text, sentence, start_char, end_char FROM weekday_events) AS w
    JOIN matches AS m USING (doc_id, weekday_no)
    GROUP BY w.doc_id, w.weekday_no
)
SELECT doc_id,
       1000000 + weekday_no AS date_no,  -- apart from the numbers of dates the text states
       'body' AS field, dates[1] AS date, 'day' AS precision, text, sentence, start_char, end_char,
       $run_id AS run_id, array_to_string(sources, ',') AS inferred_from
FROM candidates
WHERE len(dates) = 1;

DELETE FROM core.dates AS d
WHERE d.inferred_from IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM _inferred AS i
    WHERE i.doc_id = d.doc_id AND i.date_no = d.date_no AND i.date = d.date AND i.inferred_from = d.inferred_from
);

INSERT INTO core.dates BY NAME
SELECT * FROM _inferred AS i
WHERE NOT EXISTS (SELECT 1 FROM core.dates AS d WHERE d.doc_id = i.doc_id AND d.date_no = i.date_no);

DROP TABLE _inferred;
DROP TABLE _events;
