-- core.mentions: each occurrence of an entity, with offsets into clean.documents.body.
CREATE TABLE IF NOT EXISTS core.mentions (
    doc_id      VARCHAR NOT NULL,
    mention_no  INTEGER NOT NULL,
    entity_id   VARCHAR NOT NULL,       -- core.entities.entity_id
    name        VARCHAR NOT NULL,       -- canonical name across the corpus
    type        VARCHAR NOT NULL,       -- PER | ORG | LOC | MISC
    surface     VARCHAR NOT NULL,       -- text as it appears: body[start_char:end_char]
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    run_id      VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, mention_no)
);
