-- ops.boilerplate_segments: lines learned as boilerplate because they recur across
-- documents of one outlet; kept so the rule that removed them can be audited.
CREATE TABLE IF NOT EXISTS ops.boilerplate_segments (
    outlet      VARCHAR NOT NULL,
    segment     VARCHAR NOT NULL,
    doc_count   INTEGER NOT NULL,
    run_id      VARCHAR NOT NULL,
    PRIMARY KEY (outlet, segment)
);
