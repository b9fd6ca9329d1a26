-- The candidate boilerplate lines (clean.line_hashes) of a batch of clean documents being
-- stored (`_stored`: doc_id, body), read from the batch rather than from the stored bodies.
INSERT INTO clean.lines
SELECT doc_id, unnest(clean.line_hashes(body)) FROM _stored;
