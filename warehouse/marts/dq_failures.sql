-- marts.dq_failures: what failed, grouped by run, step and check, with an example.
CREATE OR REPLACE VIEW marts.dq_failures AS
SELECT
    q.run_id,
    q.step,
    q.check_name,
    q.column_name,
    count(*) AS failures,
    count(DISTINCT q.doc_id) AS documents,
    list(DISTINCT q.doc_id ORDER BY q.doc_id)[1:5] AS example_documents,
    arg_min(q.failure_case, q.doc_id) AS example_failure,
    arg_min(q.value, q.doc_id) AS example_value
FROM ops.quarantine AS q
GROUP BY q.run_id, q.step, q.check_name, q.column_name
ORDER BY q.run_id DESC, failures DESC, q.step, q.check_name;
COMMENT ON VIEW marts.dq_failures IS 'Quarantined rows grouped by run, step and failed check, with examples.';
COMMENT ON COLUMN marts.dq_failures.run_id IS 'The run (ops.runs).';
COMMENT ON COLUMN marts.dq_failures.step IS 'Step whose output failed: ingest, clean, extract, ...';
COMMENT ON COLUMN marts.dq_failures.check_name IS 'Contract check or input rule that failed.';
COMMENT ON COLUMN marts.dq_failures.column_name IS 'Column the check is about; NULL for whole-row checks.';
COMMENT ON COLUMN marts.dq_failures.failures IS 'Rows quarantined by this check.';
COMMENT ON COLUMN marts.dq_failures.documents IS 'Distinct documents affected.';
COMMENT ON COLUMN marts.dq_failures.example_documents IS 'Up to five affected doc_ids.';
COMMENT ON COLUMN marts.dq_failures.example_failure IS 'One failure as explained by the check.';
COMMENT ON COLUMN marts.dq_failures.example_value IS 'The offending value of that failure, shortened.';
