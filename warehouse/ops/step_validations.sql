-- ops.step_validations: rows in, out and quarantined per step per run.
CREATE TABLE IF NOT EXISTS ops.step_validations (
    run_id          VARCHAR NOT NULL,
    step            VARCHAR NOT NULL,
    schema_name     VARCHAR NOT NULL,
    rows_in         INTEGER NOT NULL,
    rows_out        INTEGER NOT NULL,
    rows_quarantined INTEGER NOT NULL,
    PRIMARY KEY (run_id, step, schema_name)
);
