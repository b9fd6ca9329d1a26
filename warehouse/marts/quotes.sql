-- marts.quotes: every quote (direct, indirect, reported) with its speaker and where it was
-- published; quoted names and scare quotes (kind 'term' in core.quotes) are no quotes.
CREATE OR REPLACE VIEW marts.quotes AS
SELECT
    q.doc_id,
    q.quote_no,
    q.kind,
    q.cue,
    q.speaker,
    q.speaker_id,
    q.speaker_kind,
    q.speaker_role,
    q.speaker_text,
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
WHERE q.kind <> 'term'
ORDER BY q.doc_id, q.quote_no;
COMMENT ON VIEW marts.quotes IS 'Every quote, direct, indirect or reported: speaker, text, document, outlet and date.';
COMMENT ON COLUMN marts.quotes.doc_id IS 'Document quoting.';
COMMENT ON COLUMN marts.quotes.quote_no IS 'Position of the quote in the document (0 = first).';
COMMENT ON COLUMN marts.quotes.kind IS 'direct (quoted words), indirect (speech in the reporter''s words: "X sagte, er sei …", "laut X …") or reported (a speech act told as a fact: "X forderte …").';
COMMENT ON COLUMN marts.quotes.cue IS 'The speech cue as written ("sagte", "zufolge", "teilte … mit", ":"); NULL when the quote continues the speech before it.';
COMMENT ON COLUMN marts.quotes.speaker IS 'Canonical name of the speaker: a person, an organisation, or the organisation a role speaks for; NULL when the text names none.';
COMMENT ON COLUMN marts.quotes.speaker_id IS 'Registry id of the speaker (core.entities).';
COMMENT ON COLUMN marts.quotes.speaker_kind IS 'person | organisation | role | group | source: who or what speaks, also where no entity is named ("ein Polizeisprecher").';
COMMENT ON COLUMN marts.quotes.speaker_role IS 'The role word of a role speaker ("Sprecher" of "ein Sprecher des Senders ProSieben").';
COMMENT ON COLUMN marts.quotes.speaker_text IS 'The speaker as the text names them ("ein Sprecher des Senders ProSieben", "er").';
COMMENT ON COLUMN marts.quotes.quote IS 'The quoted or reported words.';
COMMENT ON COLUMN marts.quotes.quote_chars IS 'Length of the quote in characters.';
COMMENT ON COLUMN marts.quotes.outlet IS 'Outlet of the document.';
COMMENT ON COLUMN marts.quotes.title IS 'Title of the document.';
COMMENT ON COLUMN marts.quotes.published IS 'Publication date of the document as stated.';
COMMENT ON COLUMN marts.quotes.published_day IS 'The publication day as a DATE.';
COMMENT ON COLUMN marts.quotes.start_char IS 'Offset of the quote in the clean body.';
COMMENT ON COLUMN marts.quotes.end_char IS 'End offset of the quote in the clean body.';
