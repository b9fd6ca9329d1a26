-- marts.dq: validation results per run and step, newest run first.
CREATE OR REPLACE VIEW marts.dq AS
SELECT
    r.run_id,
    r.started_at,
    r.status AS run_status,
    v.step,
    v.schema_name,
    v.rows_in,
    v.rows_out,
    v.rows_quarantined,
    CASE WHEN v.rows_in > 0 THEN round(v.rows_quarantined / v.rows_in, 4) ELSE 0 END AS failure_rate,
    r.code_version
FROM ops.step_validations AS v
JOIN ops.runs AS r USING (run_id)
ORDER BY r.started_at DESC, v.step, v.schema_name;
COMMENT ON VIEW marts.dq IS 'Rows in, out and quarantined for each validated step of each run.';
COMMENT ON COLUMN marts.dq.run_id IS 'The run (ops.runs).';
COMMENT ON COLUMN marts.dq.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN marts.dq.run_status IS 'running, completed or failed.';
COMMENT ON COLUMN marts.dq.step IS 'Pipeline step whose output was validated.';
COMMENT ON COLUMN marts.dq.schema_name IS 'The pandera contract the rows were checked against.';
COMMENT ON COLUMN marts.dq.rows_in IS 'Rows the step produced.';
COMMENT ON COLUMN marts.dq.rows_out IS 'Rows that passed the contract and were stored.';
COMMENT ON COLUMN marts.dq.rows_quarantined IS 'Rows that failed it (see marts.dq_failures and ops.quarantine).';
COMMENT ON COLUMN marts.dq.failure_rate IS 'rows_quarantined / rows_in for the step.';
COMMENT ON COLUMN marts.dq.code_version IS 'git describe of the code that ran.';
