-- clean.lsh_bands: locality-sensitive hashing keys of each signature; documents sharing a
-- key are near-duplicate candidates, so only those pairs are compared.
CREATE TABLE IF NOT EXISTS clean.lsh_bands (
    band_key    VARCHAR NOT NULL,
    doc_id      VARCHAR NOT NULL,
    PRIMARY KEY (band_key, doc_id)
);
