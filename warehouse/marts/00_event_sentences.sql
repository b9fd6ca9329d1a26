-- marts.event_sentences: sentences that name an event (core.event_mentions: a word of
-- presseschau/data/extract_event_words.tsv), with the entities they name. One row per sentence
-- and event family.
CREATE OR REPLACE VIEW marts.event_sentences AS
WITH named AS (
    SELECT e.doc_id, e.sentence_no, e.family, e.start_char AS event_char, s.start_char, s.end_char,
           coalesce(list_sort(list_distinct(list(m.name) FILTER (WHERE m.name IS NOT NULL))), []) AS participants
    FROM core.event_mentions AS e
    JOIN core.sentences AS s USING (doc_id, sentence_no)
    LEFT JOIN core.mentions AS m
        ON m.doc_id = e.doc_id AND m.sentence_no = e.sentence_no AND m.field = 'body'
    GROUP BY ALL
)
SELECT
    n.doc_id,
    n.sentence_no,
    n.family,
    n.event_char,
    n.start_char AS sentence_start,
    n.end_char AS sentence_end,
    substring(d.body, n.start_char + 1, n.end_char - n.start_char) AS sentence,
    n.participants
FROM named AS n
JOIN clean.documents AS d USING (doc_id)
WHERE d.status = 'ok';
COMMENT ON VIEW marts.event_sentences IS 'Sentences naming an event (core.event_mentions): one row per sentence and event family, with the entities the sentence names.';
COMMENT ON COLUMN marts.event_sentences.doc_id IS 'Document the sentence is in.';
COMMENT ON COLUMN marts.event_sentences.sentence_no IS 'Sentence number in the document (core.sentences).';
COMMENT ON COLUMN marts.event_sentences.family IS 'Event family of the word found (core.event_mentions.family).';
COMMENT ON COLUMN marts.event_sentences.event_char IS 'Offset in the clean body of the first word of this family in the sentence.';
COMMENT ON COLUMN marts.event_sentences.sentence_start IS 'Offset in the clean body where the sentence starts.';
COMMENT ON COLUMN marts.event_sentences.sentence_end IS 'Offset in the clean body where the sentence ends.';
COMMENT ON COLUMN marts.event_sentences.sentence IS 'The sentence text.';
COMMENT ON COLUMN marts.event_sentences.participants IS 'Canonical names of the entities the sentence mentions, sorted.';
