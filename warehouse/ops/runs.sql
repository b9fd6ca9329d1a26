-- ops.runs: one row per pipeline run.
CREATE TABLE IF NOT EXISTS ops.runs (
    run_id          VARCHAR PRIMARY KEY,
    flow_run_id     VARCHAR,            -- Prefect flow run id
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    status          VARCHAR NOT NULL,   -- running | completed | failed
    inputs_seen     INTEGER NOT NULL,
    inputs_new      INTEGER NOT NULL,
    docs_loaded     INTEGER NOT NULL,
    docs_rejected   INTEGER NOT NULL,
    code_version    VARCHAR,            -- git describe of the code that ran
    message         VARCHAR,
    step_seconds    JSON,               -- seconds per step: ingest, clean, extract, load, validate, views
    settings_sha256 VARCHAR             -- settings, SQL and code the run used (see flows/pipeline.py)
);
-- Warehouses built before the column existed get it (NULL: their next run reads every input).
ALTER TABLE ops.runs ADD COLUMN IF NOT EXISTS settings_sha256 VARCHAR;
