"""Plain batch functions behind the Prefect tasks: DataFrame in, DataFrame out.

They call the text package and shape its dataclasses into the warehouse's
columns. They are tested without Prefect and are picklable, so a process pool
or a Dask cluster can run them.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pandas as pd

from presseschau.clean import clean_document
from presseschau.dedup import body_fingerprint, lsh_band_keys, minhash_signature
from presseschau.extract import extract
from presseschau.ingest import RejectedInput, decode_bytes
from presseschau.models import CleanDocument, Extraction
from presseschau.search import term_counts
from presseschau.sources import InputFile, read_capped


def read_inputs(files: list[InputFile], max_bytes: int) -> pd.DataFrame:
    """Read and hash each file (no decoding: that is CPU work for the clean step)."""
    rows = []
    for item in files:
        read = read_capped(item.path, max_bytes)
        rejected = read.rejected
        rows.append(
            {
                "doc_id": item.doc_id,
                "source_path": item.path,
                "content_sha256": read.sha256,
                "size_bytes": read.size_bytes,
                "content": read.content,
                "reject_reason": rejected.reason if rejected else None,
                "reject_detail": rejected.detail if rejected else None,
            }
        )
    return pd.DataFrame(rows, columns=list(_RAW_COLUMNS))


_RAW_COLUMNS = (
    "doc_id",
    "source_path",
    "content_sha256",
    "size_bytes",
    "content",
    "reject_reason",
    "reject_detail",
)


def clean_batch(raw: pd.DataFrame) -> pd.DataFrame:
    """Decode and clean every readable input of a batch; unusable inputs keep their reason."""
    return pd.DataFrame([_clean_row(item) for item in raw.to_dict("records")])


def _clean_row(item: dict[str, Any]) -> dict[str, Any]:
    row = {**item, "encoding": None, "format": None}
    if isinstance(item["reject_reason"], str):
        return {**row, **rejected_row("ingest", item["reject_reason"], item["reject_detail"])}
    try:
        decoded = decode_bytes(item["content"])
    except RejectedInput as error:
        return {**row, **rejected_row("ingest", error.reason, error.detail)}
    row.update(encoding=decoded.encoding, format=decoded.format)
    try:
        doc = clean_document(decoded.text, decoded.format)
    except Exception as error:  # a bug on one input must not stop the batch: quarantine it
        return {
            **row,
            **rejected_row("clean", "clean_failed", f"cleaning raised {type(error).__name__}: {error}"),
        }
    if not doc.body.strip():
        return {**row, **_from_clean(doc), **rejected_row("clean", "no_article_text", _NO_TEXT)}
    return {
        **row,
        **_from_clean(doc),
        "status": "ok",
        "reject_step": None,
        "reject_reason": None,
        "reject_detail": None,
    }


_NO_TEXT = "nothing was left after removing navigation and boilerplate; the file holds no article"


def rejected_row(step: str, reason: str, detail: str | None) -> dict[str, object]:
    """The clean-layer row of a document that could not be used: empty body, the reason kept."""
    return {
        **_from_clean(CleanDocument(body="")),
        "status": "rejected",
        "reject_step": step,
        "reject_reason": reason,
        "reject_detail": detail,
    }


def _from_clean(doc: CleanDocument) -> dict[str, object]:
    row = asdict(doc)
    for key in ("authors", "translators", "cited_sources", "image_credits"):
        row[key] = list(row[key])
    row["body_sha256"] = body_fingerprint(doc.body)
    signature = minhash_signature(doc.body)
    row["signature"] = list(signature)
    row["band_keys"] = lsh_band_keys(signature)
    row["duplicate_of"] = None
    return row


def extract_batch(docs: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Extract facts from each clean body; one DataFrame per core table (document-level names)."""
    tables: dict[str, list[dict[str, object]]] = {name: [] for name in _CORE_TABLES}
    for doc in docs.itertuples(index=False):
        published = doc.published if isinstance(doc.published, str) else None  # NULL arrives as NaN
        language = doc.language if isinstance(doc.language, str) else None
        result = extract(doc.body, published=published, language=language)
        _add_rows(tables, doc.doc_id, result)
        tables["terms"].extend(
            {"doc_id": doc.doc_id, "term": t, "tf": n} for t, n in term_counts(doc.body).items()
        )
    return {name: pd.DataFrame(rows, columns=list(_CORE_TABLES[name])) for name, rows in tables.items()}


_CORE_TABLES = {
    "sentences": ("doc_id", "sentence_no", "start_char", "end_char"),
    "mentions": ("doc_id", "mention_no", "name", "type", "surface", "start_char", "end_char"),
    "quotes": ("doc_id", "quote_no", "speaker", "text", "start_char", "end_char"),
    "dates": ("doc_id", "date_no", "date", "precision", "text", "sentence", "start_char", "end_char"),
    "amounts": ("doc_id", "amount_no", "value", "unit", "text", "sentence", "start_char", "end_char"),
    "terms": ("doc_id", "term", "tf"),
    "extracted": ("doc_id", "notes"),
}


def _add_rows(tables: dict[str, list[dict[str, object]]], doc_id: str, result: Extraction) -> None:
    for no, sentence in enumerate(result.sentences):
        tables["sentences"].append(
            {"doc_id": doc_id, "sentence_no": no, "start_char": sentence.start, "end_char": sentence.end}
        )
    for no, m in enumerate(result.mentions):
        tables["mentions"].append(
            {"doc_id": doc_id, "mention_no": no, "name": m.name, "type": m.type, "surface": m.surface}
            | {"start_char": m.start, "end_char": m.end}
        )
    for no, q in enumerate(result.quotes):
        tables["quotes"].append(
            {"doc_id": doc_id, "quote_no": no, "speaker": q.speaker, "text": q.text}
            | {"start_char": q.start, "end_char": q.end}
        )
    for no, d in enumerate(result.dates):
        tables["dates"].append(
            {"doc_id": doc_id, "date_no": no, "date": d.date, "precision": d.precision, "text": d.text}
            | {"sentence": d.sentence, "start_char": d.start, "end_char": d.end}
        )
    for no, a in enumerate(result.amounts):
        tables["amounts"].append(
            {"doc_id": doc_id, "amount_no": no, "value": a.value, "unit": a.unit, "text": a.text}
            | {"sentence": a.sentence, "start_char": a.start, "end_char": a.end}
        )
    tables["extracted"].append({"doc_id": doc_id, "notes": list(result.notes)})
