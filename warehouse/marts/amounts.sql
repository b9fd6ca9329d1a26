-- marts.amounts: every figure the texts cite (money, percentages, durations, counts), with
-- its sentence, document and the event it is given for, if any.
CREATE OR REPLACE VIEW marts.amounts AS
SELECT
    a.doc_id,
    a.amount_no,
    a.value,
    a.unit,
    a.text,
    e.family AS event,
    a.sentence,
    d.outlet,
    d.published,
    try_cast(left(d.published, 10) AS DATE) AS published_day,
    a.start_char
FROM core.amounts AS a
JOIN clean.documents AS d USING (doc_id)
-- Joined on doc_id too, so that a filter on doc_id reaches marts.event_facts.
LEFT JOIN marts.event_facts AS e ON e.doc_id = a.doc_id AND e.fact_id = a.doc_id || '#a' || a.amount_no
ORDER BY a.doc_id, a.amount_no;
COMMENT ON VIEW marts.amounts IS 'Every figure cited: value and unit, the words used, the sentence, the document and the event it is given for.';
COMMENT ON COLUMN marts.amounts.doc_id IS 'Document citing the figure.';
COMMENT ON COLUMN marts.amounts.amount_no IS 'Position of the figure in the document (0 = first).';
COMMENT ON COLUMN marts.amounts.value IS 'The number, normalised: money in units, durations in minutes.';
COMMENT ON COLUMN marts.amounts.unit IS 'EUR, USD, GBP, CHF, RUB, UAH, percent, minutes or count.';
COMMENT ON COLUMN marts.amounts.text IS 'The figure as written.';
COMMENT ON COLUMN marts.amounts.event IS 'Event family the figure is given for (marts.event_facts), NULL when none.';
COMMENT ON COLUMN marts.amounts.sentence IS 'The sentence citing it.';
COMMENT ON COLUMN marts.amounts.outlet IS 'Outlet of the document.';
COMMENT ON COLUMN marts.amounts.published IS 'Publication date of the document as stated.';
COMMENT ON COLUMN marts.amounts.published_day IS 'The publication day as a DATE.';
COMMENT ON COLUMN marts.amounts.start_char IS 'Offset of the figure in the clean body.';
