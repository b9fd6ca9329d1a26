-- marts.timeline: each date the texts mention (at its precision), the sentences that mention
-- it, the documents and outlets, and the events it is given for.
CREATE OR REPLACE VIEW marts.timeline AS
-- The event a body date is given for is the nearest event word of its sentence (the one holding
-- the date's first character, core.dates.sentence_no), as marts.event_facts places it; read from
-- core.event_mentions, so that a filter on the date reaches every scan.
WITH dated_mentions AS NOT MATERIALIZED (
    SELECT t.*, d.outlet
    FROM core.dates AS t
    JOIN clean.documents AS d USING (doc_id)
),
placed AS (
    SELECT m.doc_id, m.date_no, e.family
    FROM core.dates AS m
    JOIN core.event_mentions AS e USING (doc_id, sentence_no)
    WHERE m.field = 'body'
    QUALIFY row_number() OVER (PARTITION BY m.doc_id, m.date_no ORDER BY abs(m.start_char - e.start_char), e.family) = 1
),
mentioned AS NOT MATERIALIZED (
    SELECT m.*, p.family
    FROM dated_mentions AS m
    LEFT JOIN placed AS p USING (doc_id, date_no)
),
periods AS (
    SELECT *,
        CASE precision
            WHEN 'day' THEN try_cast(date AS DATE)
            WHEN 'month' THEN try_cast(date || '-01' AS DATE)
            ELSE try_cast(date || '-01-01' AS DATE)
        END AS period_start
    FROM mentioned
),
-- The first wordings and sentences of each date are the smallest of its distinct ones: a list
-- of every sentence of a date most documents mention would not fit in memory at scale. They are
-- read from core.dates alone (every row of it belongs to a document), and the three sentences are
-- found one after the other: deduplicating every dated sentence of the corpus first took 8 of the
-- 22 s this view took at 100,000 documents, the three passes take 3.5.
wordings AS (
    SELECT date, precision, list_sort(min(text, 5)) AS texts
    FROM (SELECT DISTINCT date, precision, text FROM core.dates)
    GROUP BY date, precision
),
first_sentences AS (
    SELECT date, precision, min(sentence) AS sentence FROM core.dates GROUP BY date, precision
),
second_sentences AS (
    SELECT d.date, d.precision, min(d.sentence) AS sentence
    FROM core.dates AS d
    JOIN first_sentences AS f USING (date, precision)
    WHERE d.sentence > f.sentence
    GROUP BY d.date, d.precision
),
third_sentences AS (
    SELECT d.date, d.precision, min(d.sentence) AS sentence
    FROM core.dates AS d
    JOIN second_sentences AS s USING (date, precision)
    WHERE d.sentence > s.sentence
    GROUP BY d.date, d.precision
),
examples AS (
    SELECT f.date, f.precision,
           list_filter([f.sentence, s.sentence, t.sentence], lambda sentence: sentence IS NOT NULL) AS sentences
    FROM first_sentences AS f
    LEFT JOIN second_sentences AS s USING (date, precision)
    LEFT JOIN third_sentences AS t USING (date, precision)
),
dated AS (
    SELECT
        date,
        precision,
        any_value(period_start) AS period_start,
        count(*) AS mentions,
        count(DISTINCT doc_id) AS documents,
        list_sort(list(DISTINCT coalesce(outlet, '(unknown)'))) AS outlets,
        coalesce(list(DISTINCT family ORDER BY family) FILTER (WHERE family IS NOT NULL), []) AS events,
        list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids
    FROM periods
    GROUP BY date, precision
)
SELECT
    d.date,
    d.precision,
    d.period_start,
    CASE d.precision
        WHEN 'day' THEN d.period_start
        WHEN 'month' THEN last_day(d.period_start)
        ELSE CAST(d.period_start + INTERVAL 1 YEAR - INTERVAL 1 DAY AS DATE)
    END AS period_end,
    d.mentions,
    d.documents,
    d.outlets,
    d.events,
    w.texts,
    e.sentences,
    d.doc_ids
FROM dated AS d
JOIN wordings AS w USING (date, precision)
JOIN examples AS e USING (date, precision)
ORDER BY d.period_start NULLS LAST, d.precision DESC, d.date;
COMMENT ON VIEW marts.timeline IS 'Dates mentioned in the texts with their precision, sentences, documents, outlets and the events they date.';
COMMENT ON COLUMN marts.timeline.date IS 'ISO date as resolved: YYYY, YYYY-MM or YYYY-MM-DD.';
COMMENT ON COLUMN marts.timeline.precision IS 'year, month or day.';
COMMENT ON COLUMN marts.timeline.period_start IS 'First day the date covers.';
COMMENT ON COLUMN marts.timeline.period_end IS 'Last day the date covers.';
COMMENT ON COLUMN marts.timeline.mentions IS 'Times the date is mentioned.';
COMMENT ON COLUMN marts.timeline.documents IS 'Documents mentioning it.';
COMMENT ON COLUMN marts.timeline.outlets IS 'Outlets of those documents, (unknown) for a document without one.';
COMMENT ON COLUMN marts.timeline.events IS 'Event families the date is given for (the nearest event word of its sentence, as in marts.event_facts), e.g. Telefonat.';
COMMENT ON COLUMN marts.timeline.texts IS 'Up to five wordings of the date as written.';
COMMENT ON COLUMN marts.timeline.sentences IS 'Up to three sentences mentioning it.';
COMMENT ON COLUMN marts.timeline.doc_ids IS 'The documents mentioning it.';
