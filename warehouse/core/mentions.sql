-- core.mentions: each occurrence of an entity, with offsets into the document field it was
-- found in (the clean body, or the title, dateline or captions that cleaning moved into metadata).
CREATE TABLE IF NOT EXISTS core.mentions (
    doc_id      VARCHAR NOT NULL,
    mention_no  INTEGER NOT NULL,
    field       VARCHAR NOT NULL,       -- body | title | dateline | captions: the text offsets point into
    entity_id   VARCHAR NOT NULL,       -- core.entities.entity_id
    name        VARCHAR NOT NULL,       -- canonical name across the corpus (entity registry)
    doc_name    VARCHAR NOT NULL,       -- canonical name within the document, before corpus resolution
    type        VARCHAR NOT NULL,       -- PER | ORG | LOC | MISC
    sentence_no INTEGER,                -- core.sentences.sentence_no of a body mention, else NULL
    surface     VARCHAR NOT NULL,       -- text as it appears: field[start_char:end_char]
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    run_id      VARCHAR NOT NULL
    -- key (doc_id, mention_no): held by its contract and the loader, not an index (warehouse/load.py:store_facts)
);
-- Warehouses built before the column existed get it; their rows are extracted again
-- (presseschau.extract.VERSION), which fills it.
ALTER TABLE core.mentions ADD COLUMN IF NOT EXISTS sentence_no INTEGER;
