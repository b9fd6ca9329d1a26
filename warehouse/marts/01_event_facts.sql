-- marts.event_facts: dates and amounts stated about an event. A date or amount in a sentence
-- of marts.event_sentences belongs to the event word nearest to it in that sentence (in
-- "the first call since the invasion in February 2021" the date goes with the invasion).
-- Counts are kept only when the text names what is counted ("12 Tote"): a bare number
-- cannot be compared with another one.
CREATE OR REPLACE VIEW marts.event_facts AS
-- Not MATERIALIZED: a filter on doc_id (marts.amounts of some documents) then reaches its scans.
WITH events AS (SELECT * FROM marts.event_sentences),
frames AS (  -- whom a document names in all its sentences about one event family
    SELECT doc_id, family, list_sort(list_distinct(flatten(list(participants)))) AS participants
    FROM events
    GROUP BY doc_id, family
),
facts AS (
    SELECT doc_id, 'd' || date_no AS fact_no, 'date' AS fact, date AS value, precision,
           NULL::DOUBLE AS amount, NULL AS unit, text, start_char
    FROM core.dates
    WHERE field = 'body'  -- offsets of title and dateline dates point into those fields
    UNION ALL
    SELECT doc_id, 'a' || amount_no, kind, formatted, NULL, value, unit, text, start_char
    FROM (
        SELECT *,
            CASE
                WHEN unit = 'minutes' THEN 'duration'
                WHEN unit = 'count' THEN 'count of ' || nullif(lower(regexp_extract(text, '(\p{L}+)\s*$', 1)), '')
                ELSE 'amount in ' || unit
            END AS kind,
            CASE WHEN value = round(value) AND abs(value) < 1e15
                THEN CAST(CAST(value AS BIGINT) AS VARCHAR) ELSE CAST(value AS VARCHAR)
            END || ' ' || unit AS formatted
        FROM core.amounts
    )
    WHERE kind IS NOT NULL
),
placed AS (
    SELECT f.*, e.family, e.sentence_no, e.sentence, e.participants,
           abs(f.start_char - e.event_char) AS distance
    FROM facts AS f
    JOIN events AS e
        ON e.doc_id = f.doc_id AND f.start_char >= e.sentence_start AND f.start_char < e.sentence_end
    QUALIFY row_number() OVER (PARTITION BY f.doc_id, f.fact_no ORDER BY distance, e.family) = 1
)
SELECT
    p.doc_id || '#' || p.fact_no AS fact_id,
    p.doc_id,
    d.outlet,
    d.published,
    p.family,
    p.fact,
    p.value,
    p.precision,
    p.amount,
    p.unit,
    p.text,
    p.sentence_no,
    p.sentence,
    p.participants,
    f.participants AS frame_participants
FROM placed AS p
JOIN frames AS f USING (doc_id, family)
JOIN clean.documents AS d USING (doc_id);
COMMENT ON VIEW marts.event_facts IS 'Dates and amounts stated about an event: each belongs to the nearest event word of its sentence.';
COMMENT ON COLUMN marts.event_facts.fact_id IS 'doc_id#d<date_no> or doc_id#a<amount_no>: the core.dates or core.amounts row.';
COMMENT ON COLUMN marts.event_facts.doc_id IS 'Document stating the fact.';
COMMENT ON COLUMN marts.event_facts.outlet IS 'Outlet of the document.';
COMMENT ON COLUMN marts.event_facts.published IS 'Publication date of the document as stated.';
COMMENT ON COLUMN marts.event_facts.family IS 'Event family (core.event_mentions.family) the fact is about.';
COMMENT ON COLUMN marts.event_facts.fact IS 'What is stated: date, duration, amount in <unit>, or count of <noun>.';
COMMENT ON COLUMN marts.event_facts.value IS 'The value as compared: ISO date, or number and unit.';
COMMENT ON COLUMN marts.event_facts.precision IS 'For dates: year, month or day; NULL for amounts.';
COMMENT ON COLUMN marts.event_facts.amount IS 'For amounts: the number (durations in minutes); NULL for dates.';
COMMENT ON COLUMN marts.event_facts.unit IS 'For amounts: the unit (EUR, percent, minutes, count, ...).';
COMMENT ON COLUMN marts.event_facts.text IS 'The words of the text that state the value.';
COMMENT ON COLUMN marts.event_facts.sentence_no IS 'Sentence number in the document.';
COMMENT ON COLUMN marts.event_facts.sentence IS 'The sentence stating the fact.';
COMMENT ON COLUMN marts.event_facts.participants IS 'Entities the sentence names.';
COMMENT ON COLUMN marts.event_facts.frame_participants IS 'Entities the document names in all its sentences about this event family.';
