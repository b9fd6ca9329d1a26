-- clean.fingerprints: MinHash signatures of clean bodies, for near-duplicate detection
-- across runs (a new document is compared with every earlier one that shares a band).
CREATE TABLE IF NOT EXISTS clean.fingerprints (
    doc_id      VARCHAR PRIMARY KEY,
    signature   UBIGINT[] NOT NULL
);
