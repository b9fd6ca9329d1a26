-- core.event_participants: the entities (canonical names, sorted) each event sentence names, one
-- row per sentence and event family, as the last weekday inference saw them. The inference
-- (steps/infer_weekday_dates.sql) keeps it for the documents that changed since, so that it
-- matches only those instead of every event sentence of the corpus again.
CREATE TABLE IF NOT EXISTS core.event_participants (
    doc_id       VARCHAR NOT NULL,
    sentence_no  INTEGER NOT NULL,
    family       VARCHAR NOT NULL,      -- core.event_mentions.family
    participants VARCHAR[] NOT NULL     -- core.mentions.name of the sentence's body mentions
    -- key (doc_id, sentence_no, family), as core.event_mentions
);
