-- ops.input_files: each input file's state (lstat) when a run last read it. A later run
-- whose settings and code are unchanged skips a file with the same state without reading
-- or hashing it; any other file is read, and only new content becomes a new raw version.
CREATE TABLE IF NOT EXISTS ops.input_files (
    doc_id          VARCHAR PRIMARY KEY,
    source_path     VARCHAR NOT NULL,
    size_bytes      BIGINT  NOT NULL,
    modified_ns     BIGINT  NOT NULL,   -- st_mtime_ns
    changed_ns      BIGINT  NOT NULL,   -- st_ctime_ns: changes on every write, cannot be set back
    inode           BIGINT  NOT NULL,   -- changes when the file is replaced by another
    run_id          VARCHAR NOT NULL    -- the run that read the file in this state
);
