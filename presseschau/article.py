"""One document end to end, without a warehouse: for `presseschau extract` and quick trials."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import asdict
from typing import Any

from presseschau.clean import clean_document
from presseschau.extract import extract
from presseschau.ingest import RejectedInput, decode_bytes


def process_article(doc_id: str, data: bytes) -> dict[str, Any]:
    """Decode, clean and extract `data`; returns the document in the export contract's shape."""
    record: dict[str, Any] = {
        "doc_id": doc_id,
        "source_path": doc_id,
        "content_sha256": hashlib.sha256(data).hexdigest(),
        "status": "ok",
        "reject_reason": None,
        "duplicate_of": None,
    }
    try:
        decoded = decode_bytes(data)
    except RejectedInput as error:
        return {**record, "status": "rejected", "reject_reason": f"{error.reason}: {error.detail}"}
    clean = clean_document(decoded.text, decoded.format)
    facts = extract(clean.body, published=clean.published, language=clean.language, context=clean.title)
    names = Counter((m.name, m.type) for m in facts.mentions)
    record |= {"format": decoded.format, "encoding": decoded.encoding, **asdict(clean)}
    record |= {
        "entities": [
            {
                "name": name,
                "type": kind,
                "mentions": [m.surface for m in facts.mentions if m.name == name],
                "count": n,
            }
            for (name, kind), n in names.most_common()
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "text": q.text,
                "kind": q.kind,
                "cue": q.cue,
                "speaker_kind": q.speaker_kind,
                "speaker_role": q.speaker_role,
                "speaker_text": q.speaker_text,
            }
            for q in facts.quotes
        ],
        "dates": [{"date": d.date, "text": d.text, "sentence": d.sentence} for d in facts.dates],
        "amounts": [{"value": a.value, "unit": a.unit, "text": a.text} for a in facts.amounts],
    }
    if not clean.body.strip():
        record |= {"status": "rejected", "reject_reason": "no_article_text"}
    return record
