-- The export contract: one JSON-ready row per document with its extracted facts.
SELECT
    d.doc_id, d.source_path, d.content_sha256, d.format, d.encoding, d.language, d.status,
    d.reject_reason, d.duplicate_of, d.outlet, d.title, d.title_derived, d.lead, d.published,
    d.authors, d.agencies, d.translators, d.dateline, d.paywalled, d.cited_sources, d.image_credits, d.image_captions, d.body,
    coalesce((
        -- type breaks the tie of a name that is two entities in one document, so every run exports alike
        SELECT list({'name': name, 'type': type, 'mentions': surfaces, 'count': n} ORDER BY n DESC, name, type)
        FROM (SELECT name, type, list(surface ORDER BY start_char) AS surfaces, count(*) AS n
              FROM core.mentions AS m WHERE m.doc_id = d.doc_id GROUP BY name, type)
    ), []) AS entities,
    coalesce((SELECT list({'speaker': speaker, 'text': text, 'kind': kind, 'cue': cue,
                           'speaker_kind': speaker_kind, 'speaker_role': speaker_role,
                           'speaker_text': speaker_text} ORDER BY quote_no)
              FROM core.quotes AS q WHERE q.doc_id = d.doc_id), []) AS quotes,
    coalesce((SELECT list({'date': date, 'text': text, 'sentence': sentence} ORDER BY date_no)
              FROM core.dates AS t WHERE t.doc_id = d.doc_id), []) AS dates,
    coalesce((SELECT list({'value': value, 'unit': unit, 'text': text} ORDER BY amount_no)
              FROM core.amounts AS a WHERE a.doc_id = d.doc_id), []) AS amounts
FROM clean.documents AS d
ORDER BY d.doc_id;
