-- Weekdays of articles that state no publication date ("am Mittwoch telefonierte Trump mit
-- Putin") take the date that other articles give for the same event, when exactly one such
-- date falls on that weekday. Same event: a sentence naming an event of the same family
-- (core.event_mentions) and at least two of the same entities. The inferred row records the
-- articles it came from; rows are kept, added or removed so that a rerun changes nothing.
--
-- The matching is incremental: core.event_participants and core.weekday_matches keep what
-- earlier runs matched, and only documents that changed since are matched again, on either side
-- of a match. At 100,000 documents, matching every weekday with every date took 38 of the 40 s
-- of this step, in a run that added 1,000 documents.

-- Documents whose event sentences may differ from what core.event_participants holds: extracted
-- by this run, naming an entity the registry renamed in it (ops.renames), no longer extracted
-- (now duplicates or rejected), or not matched yet. Every document when the last completed run
-- used other settings, SQL or code, which may match differently.
CREATE OR REPLACE TEMP TABLE _changed AS
WITH rebuild AS (
    SELECT (SELECT settings_sha256 FROM ops.runs WHERE status = 'completed' ORDER BY finished_at DESC LIMIT 1)
           IS DISTINCT FROM (SELECT settings_sha256 FROM ops.runs WHERE run_id = $run_id) AS everything
)
SELECT doc_id FROM core.extracted WHERE run_id = $run_id OR (SELECT everything FROM rebuild)
UNION
SELECT m.doc_id FROM core.mentions AS m
SEMI JOIN ops.renames AS r ON r.run_id = $run_id AND r.doc_name = m.doc_name AND r.type = m.type
WHERE m.field = 'body'
UNION
(SELECT doc_id FROM core.event_participants EXCEPT SELECT doc_id FROM core.extracted)
UNION
(SELECT doc_id FROM core.event_mentions EXCEPT SELECT doc_id FROM core.event_participants);

DELETE FROM core.event_participants WHERE doc_id IN (SELECT doc_id FROM _changed);

INSERT INTO core.event_participants
SELECT e.doc_id, e.sentence_no, e.family,
       coalesce(list_sort(list_distinct(list(m.name) FILTER (WHERE m.name IS NOT NULL))), []) AS participants
FROM core.event_mentions AS e
LEFT JOIN (
    SELECT doc_id, sentence_no, name FROM core.mentions
    WHERE field = 'body' AND doc_id IN (SELECT doc_id FROM _changed)
) AS m USING (doc_id, sentence_no)
WHERE e.doc_id IN (SELECT doc_id FROM _changed)
GROUP BY ALL;

DELETE FROM core.weekday_matches
WHERE doc_id IN (SELECT doc_id FROM _changed) OR source IN (SELECT doc_id FROM _changed);

-- The matches of one side of the changed documents: side 'weekdays' matches their weekdays with
-- the dates of all documents, side 'dates' the weekdays of the other documents with their dates.
-- Together they are every match a changed document takes part in, each once.
--
-- "At least two shared entities" is "at least one shared pair of entities", so both sides are
-- spread into entity pairs and matched on equal keys: a hash join that grows with the matches,
-- not with the product of all weekday and all dated sentences of a family. A dated sentence's
-- entities are first cut to those some weekday sentence of its family and weekday names too:
-- the others cannot match, and without the cut its pairs grow with the square of its entities.
-- The entities are numbered (name_id, in name order): the dated pairs are deduplicated and joined
-- by the million at 100,000 documents, which integers make twice as fast as names.
CREATE OR REPLACE TEMP MACRO _matches(side) AS TABLE
WITH weekday_events AS (
    SELECT w.doc_id, w.weekday_no, w.weekday, e.family, e.participants
    FROM core.weekdays AS w
    JOIN core.event_participants AS e USING (doc_id, sentence_no)
    WHERE (w.doc_id IN (SELECT doc_id FROM _changed)) = (side = 'weekdays')
),
names AS (
    SELECT name, (row_number() OVER (ORDER BY name))::INTEGER AS name_id
    FROM (SELECT DISTINCT unnest(participants) AS name FROM weekday_events)
),
weekday_pairs AS (
    SELECT DISTINCT p.doc_id, p.weekday_no, p.weekday, p.family, f.name_id AS first, s.name_id AS second
    FROM (
        SELECT w.doc_id, w.weekday_no, w.weekday, w.family, a AS first_name, b AS second_name
        FROM weekday_events AS w, unnest(w.participants) AS x(a), unnest(w.participants) AS y(b)
        WHERE a < b
    ) AS p
    JOIN names AS f ON f.name = p.first_name
    JOIN names AS s ON s.name = p.second_name
),
weekday_names AS (
    SELECT DISTINCT w.family, w.weekday, n.name_id
    FROM (SELECT family, weekday, unnest(participants) AS name FROM weekday_events) AS w
    JOIN names AS n USING (name)
),
dated_events AS (
    SELECT d.doc_id, d.date, isodow(d.date::DATE) - 1 AS weekday, e.family, e.sentence_no, e.participants
    FROM core.dates AS d
    JOIN core.event_participants AS e USING (doc_id, sentence_no)
    WHERE d.precision = 'day' AND d.field = 'body' AND d.inferred_from IS NULL
      AND (side = 'weekdays' OR d.doc_id IN (SELECT doc_id FROM _changed))
),
dated_names AS (
    SELECT d.doc_id, d.date, d.weekday, d.family, d.sentence_no, n.name_id
    FROM (SELECT doc_id, date, weekday, family, sentence_no, unnest(participants) AS name FROM dated_events) AS d
    JOIN names AS n USING (name)
    SEMI JOIN weekday_names AS w ON w.family = d.family AND w.weekday = d.weekday AND w.name_id = n.name_id
),
dated_pairs AS (
    SELECT DISTINCT a.doc_id, a.date, a.weekday, a.family, a.name_id AS first, b.name_id AS second
    FROM dated_names AS a
    JOIN dated_names AS b
      ON b.doc_id = a.doc_id AND b.date = a.date AND b.family = a.family AND b.sentence_no = a.sentence_no
     AND a.name_id < b.name_id
)
SELECT DISTINCT w.doc_id, w.weekday_no, d.date, d.doc_id AS source
FROM weekday_pairs AS w
JOIN dated_pairs AS d
  ON d.family = w.family AND d.weekday = w.weekday
 AND d.first = w.first AND d.second = w.second AND d.doc_id <> w.doc_id;

INSERT INTO core.weekday_matches SELECT * FROM _matches('weekdays');
INSERT INTO core.weekday_matches SELECT * FROM _matches('dates');

-- A weekday is dated when its matches give exactly one date.
CREATE OR REPLACE TEMP TABLE _inferred AS
WITH candidates AS (
    SELECT doc_id, weekday_no, any_value(date) AS date, list(DISTINCT source ORDER BY source) AS sources
    FROM core.weekday_matches
    GROUP BY doc_id, weekday_no
    HAVING count(DISTINCT date) = 1
)
SELECT w.doc_id,
       1000000 + w.weekday_no AS date_no,  -- apart from the numbers of dates the text states
       'body' AS field, w.sentence_no, c.date, 'day' AS precision, w.text, w.sentence, w.start_char, w.end_char,
       $run_id AS run_id, array_to_string(c.sources, ',') AS inferred_from
FROM candidates AS c
JOIN core.weekdays AS w USING (doc_id, weekday_no);

DELETE FROM core.dates AS d
WHERE d.inferred_from IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM _inferred AS i
    WHERE i.doc_id = d.doc_id AND i.date_no = d.date_no AND i.date = d.date AND i.inferred_from = d.inferred_from
);

INSERT INTO core.dates BY NAME
SELECT * FROM _inferred AS i
WHERE NOT EXISTS (SELECT 1 FROM core.dates AS d WHERE d.doc_id = i.doc_id AND d.date_no = i.date_no);

DROP MACRO TABLE _matches;
DROP TABLE _inferred;
DROP TABLE _changed;
