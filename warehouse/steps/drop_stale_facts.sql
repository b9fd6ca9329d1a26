-- Core rows of documents that are no longer `ok` (now duplicates or rejected) are removed,
-- so the marts only count each article once.
DELETE FROM core.mentions  WHERE doc_id IN (SELECT doc_id FROM clean.documents WHERE status <> 'ok');
DELETE FROM core.quotes    WHERE doc_id IN (SELECT doc_id FROM clean.documents WHERE status <> 'ok');
DELETE FROM core.dates     WHERE doc_id IN (SELECT doc_id FROM clean.documents WHERE status <> 'ok');
DELETE FROM core.amounts   WHERE doc_id IN (SELECT doc_id FROM clean.documents WHERE status <> 'ok');
DELETE FROM core.sentences WHERE doc_id IN (SELECT doc_id FROM clean.documents WHERE status <> 'ok');
DELETE FROM core.weekdays  WHERE doc_id IN (SELECT doc_id FROM clean.documents WHERE status <> 'ok');
DELETE FROM core.event_mentions WHERE doc_id IN (SELECT doc_id FROM clean.documents WHERE status <> 'ok');
DELETE FROM core.terms     WHERE doc_id IN (SELECT doc_id FROM clean.documents WHERE status <> 'ok');
DELETE FROM core.extracted WHERE doc_id IN (SELECT doc_id FROM clean.documents WHERE status <> 'ok');
