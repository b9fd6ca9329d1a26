-- marts.event_sentences: sentences that name an event (a word of marts.event_words), with the
-- entities they name. One row per sentence and event family.
-- Words are found as plain text in a normalised copy of the sentence (lower case, every
-- character that is not a letter or digit replaced by a space, so offsets stay aligned), padded
-- with spaces so that " word" means "a word starting with word".
CREATE OR REPLACE VIEW marts.event_sentences AS
WITH needles AS (
    SELECT family, ' ' || word || CASE WHEN whole_word THEN ' ' ELSE '' END AS needle
    FROM marts.event_words
),
sentences AS (
    SELECT
        s.doc_id, s.sentence_no, s.start_char, s.end_char,
        substring(d.body, s.start_char + 1, s.end_char - s.start_char) AS sentence
    FROM core.sentences AS s
    JOIN clean.documents AS d USING (doc_id)
    WHERE d.status = 'ok'
),
normalised AS (
    SELECT *, ' ' || regexp_replace(lower(sentence), '[^\p{L}\p{N}]', ' ', 'g') || ' ' AS haystack
    FROM sentences
),
hits AS (
    SELECT n.doc_id, n.sentence_no, n.start_char, n.end_char, n.sentence, w.family,
           min(strpos(n.haystack, w.needle)) - 1 AS word_offset
    FROM normalised AS n
    JOIN needles AS w ON strpos(n.haystack, w.needle) > 0
    GROUP BY ALL
)
SELECT
    h.doc_id,
    h.sentence_no,
    h.family,
    h.start_char + h.word_offset AS event_char,
    h.sentence,
    coalesce(list_sort(list_distinct(list(m.name) FILTER (WHERE m.name IS NOT NULL))), []) AS participants
FROM hits AS h
LEFT JOIN core.mentions AS m
    ON m.doc_id = h.doc_id AND m.field = 'body' AND m.start_char >= h.start_char AND m.end_char <= h.end_char
GROUP BY h.doc_id, h.sentence_no, h.family, h.start_char, h.word_offset, h.sentence;
COMMENT ON VIEW marts.event_sentences IS 'Sentences naming an event (see marts.event_words): one row per sentence and event family, with the entities the sentence names.';
COMMENT ON COLUMN marts.event_sentences.doc_id IS 'Document the sentence is in.';
COMMENT ON COLUMN marts.event_sentences.sentence_no IS 'Sentence number in the document (core.sentences).';
COMMENT ON COLUMN marts.event_sentences.family IS 'Event family of the word found (marts.event_words.family).';
COMMENT ON COLUMN marts.event_sentences.event_char IS 'Offset in the clean body of the first word of this family in the sentence.';
COMMENT ON COLUMN marts.event_sentences.sentence IS 'The sentence text.';
COMMENT ON COLUMN marts.event_sentences.participants IS 'Canonical names of the entities the sentence mentions, sorted.';
