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
    surface     VARCHAR NOT NULL,       -- text as it appears: field[start_char:end_char]
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    run_id      VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, mention_no)
);
