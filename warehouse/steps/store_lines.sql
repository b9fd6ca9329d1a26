-- The candidate boilerplate lines (see clean/lines.sql) of a batch of clean documents being
-- stored (`_stored`: doc_id, body), read from the batch rather than from the stored bodies.
INSERT INTO clean.lines
SELECT DISTINCT doc_id, md5_number(trim(line))
FROM _stored, unnest(string_split(body, chr(10))) AS t(line)
WHERE length(trim(line)) BETWEEN 12 AND 300;
