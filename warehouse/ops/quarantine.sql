-- ops.quarantine: every rejected row with the check it failed and the offending value.
CREATE TABLE IF NOT EXISTS ops.quarantine (
    run_id          VARCHAR NOT NULL,
    doc_id          VARCHAR,
    step            VARCHAR NOT NULL,   -- ingest | clean | extract | ...
    check_name      VARCHAR NOT NULL,   -- contract check or input rule that failed
    failure_case    VARCHAR,            -- what a person should know, in words
    column_name     VARCHAR,
    value           VARCHAR             -- the offending value, shortened
);
