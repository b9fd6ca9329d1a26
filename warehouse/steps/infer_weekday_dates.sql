-- Weekdays of articles that state no publication date ("am Mittwoch telefonierte Trump mit
-- Putin") take the date that other articles give for the same event, when exactly one such
-- date falls on that weekday. Same event: a sentence of the same event family (marts.
-- event_sentences) naming at least two of the same entities. The inferred row records the
-- articles it came from; rows are kept, added or removed so that a rerun changes nothing.
CREATE OR REPLACE TEMP TABLE _inferred AS
WITH weekday_events AS (
    SELECT w.doc_id, w.weekday_no, w.weekday, w.text, w.sentence, w.start_char, w.end_char,
           e.family, e.participants
    FROM core.weekdays AS w
    JOIN core.sentences AS s
      ON s.doc_id = w.doc_id AND w.start_char >= s.start_char AND w.start_char < s.end_char
    JOIN marts.event_sentences AS e ON e.doc_id = w.doc_id AND e.sentence_no = s.sentence_no
),
dated_events AS (
    SELECT d.doc_id, d.date, e.family, e.participants
    FROM core.dates AS d
    JOIN core.sentences AS s
      ON s.doc_id = d.doc_id AND d.start_char >= s.start_char AND d.start_char < s.end_char
    JOIN marts.event_sentences AS e ON e.doc_id = d.doc_id AND e.sentence_no = s.sentence_no
    WHERE d.precision = 'day' AND d.field = 'body' AND d.inferred_from IS NULL
),
candidates AS (
    SELECT w.doc_id, w.weekday_no,
           any_value(w.text) AS text, any_value(w.sentence) AS sentence,
           any_value(w.start_char) AS start_char, any_value(w.end_char) AS end_char,
           list(DISTINCT d.date ORDER BY d.date) AS dates,
           list(DISTINCT d.doc_id ORDER BY d.doc_id) AS sources
    FROM weekday_events AS w
    JOIN dated_events AS d
      ON d.family = w.family AND d.doc_id <> w.doc_id
     AND len(list_intersect(d.participants, w.participants)) >= 2
     AND isodow(d.date::DATE) - 1 = w.weekday
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
