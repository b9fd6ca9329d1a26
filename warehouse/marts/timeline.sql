-- marts.timeline: each date the texts mention (at its precision), the sentences that mention
-- it, the documents and outlets, and the events it is given for (marts.event_facts).
CREATE OR REPLACE VIEW marts.timeline AS
WITH mentioned AS (
    SELECT t.*, d.outlet, e.family
    FROM core.dates AS t
    JOIN clean.documents AS d USING (doc_id)
    LEFT JOIN marts.event_facts AS e ON e.fact_id = t.doc_id || '#d' || t.date_no
),
periods AS (
    SELECT *,
        CASE precision
            WHEN 'day' THEN try_cast(date AS DATE)
            WHEN 'month' THEN try_cast(date || '-01' AS DATE)
            ELSE try_cast(date || '-01-01' AS DATE)
        END AS period_start
    FROM mentioned
)
SELECT
    date,
    precision,
    any_value(period_start) AS period_start,
    CASE precision
        WHEN 'day' THEN any_value(period_start)
        WHEN 'month' THEN last_day(any_value(period_start))
        ELSE CAST(any_value(period_start) + INTERVAL 1 YEAR - INTERVAL 1 DAY AS DATE)
    END AS period_end,
    count(*) AS mentions,
    count(DISTINCT doc_id) AS documents,
    coalesce(list(DISTINCT outlet ORDER BY outlet) FILTER (WHERE outlet IS NOT NULL), []) AS outlets,
    coalesce(list(DISTINCT family ORDER BY family) FILTER (WHERE family IS NOT NULL), []) AS events,
    list(DISTINCT text ORDER BY text)[1:5] AS texts,
    list(DISTINCT sentence ORDER BY sentence)[1:3] AS sentences,
    list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids
FROM periods
GROUP BY date, precision
ORDER BY period_start NULLS LAST, precision DESC, date;
COMMENT ON VIEW marts.timeline IS 'Dates mentioned in the texts with their precision, sentences, documents, outlets and the events they date.';
COMMENT ON COLUMN marts.timeline.date IS 'ISO date as resolved: YYYY, YYYY-MM or YYYY-MM-DD.';
COMMENT ON COLUMN marts.timeline.precision IS 'year, month or day.';
COMMENT ON COLUMN marts.timeline.period_start IS 'First day the date covers.';
COMMENT ON COLUMN marts.timeline.period_end IS 'Last day the date covers.';
COMMENT ON COLUMN marts.timeline.mentions IS 'Times the date is mentioned.';
COMMENT ON COLUMN marts.timeline.documents IS 'Documents mentioning it.';
COMMENT ON COLUMN marts.timeline.outlets IS 'Outlets of those documents.';
COMMENT ON COLUMN marts.timeline.events IS 'Event families the date is given for (marts.event_facts), e.g. Telefonat.';
COMMENT ON COLUMN marts.timeline.texts IS 'Up to five wordings of the date as written.';
COMMENT ON COLUMN marts.timeline.sentences IS 'Up to three sentences mentioning it.';
COMMENT ON COLUMN marts.timeline.doc_ids IS 'The documents mentioning it.';
