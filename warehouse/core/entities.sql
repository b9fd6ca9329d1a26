-- core.entities: the entity registry, rebuilt from core.mentions after every run so that
-- ids stay stable (the id is a hash of type and canonical name) and variants accumulate.
CREATE TABLE IF NOT EXISTS core.entities (
    entity_id       VARCHAR PRIMARY KEY,
    canonical_name  VARCHAR NOT NULL,
    type            VARCHAR NOT NULL,
    variants        VARCHAR[] NOT NULL, -- every surface form seen, sorted
    first_seen      VARCHAR,            -- earliest publication date of a mentioning document
    last_seen       VARCHAR,
    doc_count       INTEGER NOT NULL,
    mention_count   INTEGER NOT NULL
);
