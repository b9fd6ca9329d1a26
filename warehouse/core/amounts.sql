-- core.amounts: figures the text cites: money, percentages, durations (minutes), counts.
CREATE TABLE IF NOT EXISTS core.amounts (
    doc_id      VARCHAR NOT NULL,
    amount_no   INTEGER NOT NULL,
    value       DOUBLE NOT NULL,
    unit        VARCHAR NOT NULL,
    text        VARCHAR NOT NULL,
    sentence    VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    run_id      VARCHAR NOT NULL
    -- key (doc_id, amount_no): held by its contract and the loader, not an index (warehouse/load.py:store_facts)
);
