-- marts.quotes_by_speaker: per speaker, how often and where they are quoted, with examples.
CREATE OR REPLACE VIEW marts.quotes_by_speaker AS
SELECT
    speaker,
    speaker_id,
    count(*) AS quotes,
    count(DISTINCT doc_id) AS documents,
    list_sort(list(DISTINCT coalesce(outlet, '(unknown)'))) AS outlets,
    min(published_day) AS first_date,
    max(published_day) AS last_date,
    list(quote ORDER BY quote_chars DESC, doc_id, quote_no)[1:3] AS longest_quotes
FROM marts.quotes
WHERE speaker IS NOT NULL
GROUP BY speaker, speaker_id
ORDER BY quotes DESC, documents DESC, speaker;
COMMENT ON VIEW marts.quotes_by_speaker IS 'Speakers ranked by number of quotes, with documents, outlets, time span and their longest quotes.';
COMMENT ON COLUMN marts.quotes_by_speaker.speaker IS 'Canonical name of the speaker.';
COMMENT ON COLUMN marts.quotes_by_speaker.speaker_id IS 'Registry id of the speaker.';
COMMENT ON COLUMN marts.quotes_by_speaker.quotes IS 'Quotes attributed to the speaker.';
COMMENT ON COLUMN marts.quotes_by_speaker.documents IS 'Documents quoting the speaker.';
COMMENT ON COLUMN marts.quotes_by_speaker.outlets IS 'Outlets quoting the speaker, (unknown) for a document without one.';
COMMENT ON COLUMN marts.quotes_by_speaker.first_date IS 'Earliest publication day of a quoting document.';
COMMENT ON COLUMN marts.quotes_by_speaker.last_date IS 'Latest publication day of a quoting document.';
COMMENT ON COLUMN marts.quotes_by_speaker.longest_quotes IS 'Up to three of the speaker''s longest quotes.';
