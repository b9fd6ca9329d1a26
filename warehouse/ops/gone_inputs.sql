-- ops.gone_inputs: documents whose input file a run no longer found under the inputs it was
-- given (deleted, moved away or renamed). The document stays in every layer: an article does
-- not become unpublished because a local copy went. marts.documents shows since when it is
-- gone; exact duplicates prefer a present copy, so a renamed file keeps its article. A run
-- that finds the file again removes its row.
CREATE TABLE IF NOT EXISTS ops.gone_inputs (
    doc_id          VARCHAR PRIMARY KEY,
    source_path     VARCHAR NOT NULL,   -- where the file was read last
    gone_since      TIMESTAMP NOT NULL, -- when the run that first missed it started looking
    run_id          VARCHAR NOT NULL    -- that run
);
