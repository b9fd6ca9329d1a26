-- Apply the corpus-wide name resolution (registered by the flow as _resolved: doc_name, type →
-- name, entity_id) to every mention and quote speaker.
UPDATE core.mentions AS m
SET name = r.name, entity_id = r.entity_id
FROM _resolved AS r
WHERE m.doc_name = r.doc_name AND m.type = r.type
  AND (m.name <> r.name OR m.entity_id <> r.entity_id);

UPDATE core.quotes AS q
SET speaker = r.name, speaker_id = r.entity_id
FROM _resolved AS r
WHERE q.doc_speaker = r.doc_name AND r.type = q.speaker_type
  AND (q.speaker IS DISTINCT FROM r.name OR q.speaker_id IS DISTINCT FROM r.entity_id);
