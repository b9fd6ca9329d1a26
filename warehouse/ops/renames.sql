-- ops.renames: names the entity registry resolved differently in a run than before, for mentions
-- that earlier runs extracted (a new spelling joined a cluster, an alias file changed): how the
-- registry's resolution moved as documents arrived. Weekday inference matches the documents
-- naming them again (steps/infer_weekday_dates.sql).
CREATE TABLE IF NOT EXISTS ops.renames (
    run_id    VARCHAR NOT NULL,
    doc_name  VARCHAR NOT NULL,         -- core.mentions.doc_name: the name within its document
    type      VARCHAR NOT NULL,
    old_name  VARCHAR NOT NULL,         -- canonical name before the run
    new_name  VARCHAR NOT NULL,         -- canonical name after it
    PRIMARY KEY (run_id, doc_name, type, old_name)
);
