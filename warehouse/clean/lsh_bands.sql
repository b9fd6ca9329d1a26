-- clean.lsh_bands: locality-sensitive hashing keys of each signature; documents sharing a
-- key are near-duplicate candidates, so only those pairs are compared.
CREATE TABLE IF NOT EXISTS clean.lsh_bands (
    band_key    VARCHAR NOT NULL,
    doc_id      VARCHAR NOT NULL
    -- key (band_key, doc_id): a signature's keys differ by their band number (presseschau/dedup.py:
    -- lsh_band_keys) and the loader replaces a document's rows, not an index (warehouse/load.py)
);
