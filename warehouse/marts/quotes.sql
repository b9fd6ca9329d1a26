-- marts.quotes: every quote with its speaker (NULL when the text does not say who) and where
-- it was published.
CREATE OR REPLACE VIEW marts.quotes AS
SELECT
    q.doc_id,
    q.quote_no,
    q.speaker,
    q.speaker_id,
    q.text AS quote,
    length(q.text) AS quote_chars,
    d.outlet,
    d.title,
    d.published,
    try_cast(left(d.published, 10) AS DATE) AS published_day,
    q.start_char,
    q.end_char
FROM core.quotes AS q
JOIN clean.documents AS d USING (doc_id)
ORDER BY q.doc_id, q.quote_no;
COMMENT ON VIEW marts.quotes IS 'Every quote: speaker, text, document, outlet and date.';
COMMENT ON COLUMN marts.quotes.doc_id IS 'Document quoting.';
COMMENT ON COLUMN marts.quotes.quote_no IS 'Position of the quote in the document (0 = first).';
COMMENT ON COLUMN marts.quotes.speaker IS 'Canonical name of the speaker; NULL when the text does not say.';
COMMENT ON COLUMN marts.quotes.speaker_id IS 'Registry id of the speaker (core.entities).';
COMMENT ON COLUMN marts.quotes.quote IS 'The quoted words.';
COMMENT ON COLUMN marts.quotes.quote_chars IS 'Length of the quote in characters.';
COMMENT ON COLUMN marts.quotes.outlet IS 'Outlet of the document.';
COMMENT ON COLUMN marts.quotes.title IS 'Title of the document.';
COMMENT ON COLUMN marts.quotes.published IS 'Publication date of the document as stated.';
COMMENT ON COLUMN marts.quotes.published_day IS 'The publication day as a DATE.';
COMMENT ON COLUMN marts.quotes.start_char IS 'Offset of the quote in the clean body.';
COMMENT ON COLUMN marts.quotes.end_char IS 'End offset of the quote in the clean body.';
