-- core.quotes: quoted, indirect and reported speech with its speaker: the phrase the text names
-- them by and, where that phrase names one, a registry entity (NULL when the text does not say).
CREATE TABLE IF NOT EXISTS core.quotes (
    doc_id        VARCHAR NOT NULL,
    quote_no      INTEGER NOT NULL,
    kind          VARCHAR NOT NULL,       -- direct | indirect | reported | term (a quoted name or scare quote: no speaker)
    cue           VARCHAR,                -- the speech cue as written: "sagte", "zufolge", "teilte … mit", ":"; NULL when the quote continues speech
    speaker       VARCHAR,                -- canonical name of the speaking entity, NULL when the text names none
    speaker_id    VARCHAR,                -- core.entities.entity_id
    doc_speaker   VARCHAR,                -- the speaker's name within the document
    speaker_type  VARCHAR,                -- PER | ORG | LOC | MISC: the speaker's entity type (its registry id depends on it)
    speaker_kind  VARCHAR,                -- person | organisation | role | group | source
    speaker_role  VARCHAR,                -- the role word of a role speaker: "Sprecher" of "ein Sprecher des Senders ProSieben"
    speaker_text  VARCHAR,                -- the speaker phrase as written ("ein Sprecher des Senders ProSieben", "er"): body[speaker_start:speaker_end]
    speaker_start INTEGER,
    speaker_end   INTEGER,
    text          VARCHAR NOT NULL,       -- the quoted or reported words: body[start_char:end_char]
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL,
    run_id        VARCHAR NOT NULL
    -- key (doc_id, quote_no): held by its contract and the loader, not an index (warehouse/load.py:store_facts)
);
-- Warehouses built before these columns existed get them; their rows are extracted again
-- (presseschau.extract.VERSION), which fills them.
ALTER TABLE core.quotes ADD COLUMN IF NOT EXISTS kind VARCHAR DEFAULT 'direct';
ALTER TABLE core.quotes ADD COLUMN IF NOT EXISTS cue VARCHAR;
ALTER TABLE core.quotes ADD COLUMN IF NOT EXISTS speaker_type VARCHAR;
ALTER TABLE core.quotes ADD COLUMN IF NOT EXISTS speaker_kind VARCHAR;
ALTER TABLE core.quotes ADD COLUMN IF NOT EXISTS speaker_role VARCHAR;
ALTER TABLE core.quotes ADD COLUMN IF NOT EXISTS speaker_text VARCHAR;
ALTER TABLE core.quotes ADD COLUMN IF NOT EXISTS speaker_start INTEGER;
ALTER TABLE core.quotes ADD COLUMN IF NOT EXISTS speaker_end INTEGER;
