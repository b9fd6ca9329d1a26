"""Plain batch functions behind the Prefect tasks: DataFrame in, DataFrame out.

They call the text package, shape its dataclasses into the warehouse's
columns and check extracted rows against their contracts. They are tested
without Prefect and are picklable, so a process pool or a Dask cluster can
run them.
"""

from __future__ import annotations

import datetime as dt
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from presseschau.clean import VERSION as CLEANING_VERSION
from presseschau.clean import clean_document
from presseschau.dedup import duplicate_keys, lsh_band_keys
from presseschau.extract import VERSION as EXTRACTION_VERSION
from presseschau.extract import extract, names_and_dates
from presseschau.extract.text import sentence_of
from presseschau.ingest import RejectedInput, decode_bytes
from presseschau.models import CleanDocument, DateMention, Extraction, Mention, Sentence
from presseschau.search import term_counts
from schemas import clean as clean_schemas
from schemas import core as core_schemas
from schemas import raw as raw_schemas
from schemas.contract import Checked, check
from warehouse.load import entity_id


def _fetch_time(stamp: object) -> dt.datetime | None:
    """The stored fetch time (naive UTC, or pandas' NaT for files not fetched) as an aware time:
    cleaning dates a page's "vor 3 Stunden" by it."""
    if not isinstance(stamp, dt.datetime) or pd.isna(stamp):
        return None
    return stamp.replace(tzinfo=dt.UTC)


def clean_batch(raw: pd.DataFrame, max_body_chars: int) -> pd.DataFrame:
    """Decode and clean every readable input of a batch; unusable inputs keep their reason.

    A body longer than `max_body_chars` is rejected: extraction time grows with length, and
    no news article is that long (a book or a data dump is).
    """
    return pd.DataFrame([_clean_row(item, max_body_chars) for item in raw.to_dict("records")])


def _clean_row(item: dict[str, Any], max_body_chars: int) -> dict[str, Any]:
    row = {**item, "encoding": None, "format": None, "clean_version": CLEANING_VERSION}
    if isinstance(item["reject_reason"], str):
        return {**row, **rejected_row("ingest", item["reject_reason"], item["reject_detail"])}
    try:
        decoded = decode_bytes(item["content"], max_body_chars)
    except RejectedInput as error:
        return {**row, **rejected_row("ingest", error.reason, error.detail)}
    except Exception as error:  # a decoding bug on one input must not stop the batch either
        detail = _raised("decoding", error)
        return {**row, **rejected_row("ingest", "decode_failed", detail)}
    row.update(encoding=decoded.encoding, format=decoded.format)
    try:
        doc = clean_document(decoded.text, decoded.format, fetched_at=_fetch_time(item.get("fetched_at")))
    except RejectedInput as error:  # cleaning found why the input is no article (too deeply nested)
        return {**row, **rejected_row("clean", error.reason, error.detail)}
    except Exception as error:  # a bug on one input must not stop the batch: quarantine it
        return {
            **row,
            **rejected_row("clean", "clean_failed", _raised("cleaning", error)),
        }
    if not doc.body.strip():
        return {**row, **_from_clean(doc), **rejected_row("clean", "no_article_text", _NO_TEXT)}
    if len(doc.body) > max_body_chars:
        detail = f"its body has {len(doc.body):,} characters, more than max_body_chars={max_body_chars:,}"
        return {**row, **rejected_row("clean", "body_too_long", detail)}
    return {
        **row,
        **_from_clean(doc),
        "status": "ok",
        "reject_step": None,
        "reject_reason": None,
        "reject_detail": None,
    }


@dataclass(frozen=True)
class CheckedDocuments:
    """A cleaned batch after the raw and clean contracts, ready to store."""

    raw: pd.DataFrame
    clean: pd.DataFrame
    """Every input of `raw` once: cleaned, or rejected with its reason."""
    checks: list[tuple[str, str, int, Checked]]
    """(step, contract name, rows checked, result) per contract."""
    rejected: dict[str, pd.DataFrame]
    """Quarantine rows, by step, of inputs that could not be read or cleaned."""


def checked_documents(cleaned: pd.DataFrame, run_id: str) -> CheckedDocuments:
    """Check a cleaned batch against the raw and clean contracts (on a worker, beside cleaning).

    A document that breaks the clean contract keeps its raw row and is stored as rejected.
    """
    cleaned = cleaned.assign(run_id=run_id)
    raw_checked = check(raw_schemas.RawDocuments, cleaned)
    raw = raw_checked.valid
    clean_checked = check(clean_schemas.CleanDocuments, raw)
    failed = raw[raw["doc_id"].isin(clean_checked.rejected_doc_ids)]
    detail = "the cleaned document broke its contract; see ops.quarantine for the checks"
    replacement = pd.DataFrame(
        [rejected_row("clean", "failed_contract", detail) for _ in range(len(failed))], index=failed.index
    )
    kept = [
        "doc_id",
        "content_sha256",
        "source_path",
        "format",
        "encoding",
        "version",
        "clean_version",
        "run_id",
    ]
    return CheckedDocuments(
        raw=raw,
        clean=pd.concat([clean_checked.valid, pd.concat([failed[kept], replacement], axis=1)]),
        checks=[
            ("ingest", raw_schemas.RawDocuments.__name__, len(cleaned), raw_checked),
            ("clean", clean_schemas.CleanDocuments.__name__, len(raw), clean_checked),
        ],
        rejected={step: _input_failures(raw[raw["reject_step"] == step]) for step in ("ingest", "clean")},
    )


def _input_failures(rejected: pd.DataFrame) -> pd.DataFrame:
    """Quarantine rows for inputs that could not be read or cleaned, with their reasons."""
    return pd.DataFrame(
        {
            "doc_id": rejected["doc_id"],
            "check_name": rejected["reject_reason"],
            "failure_case": rejected["reject_detail"],
            "column_name": None,
            "value": rejected["source_path"],
        }
    )


_NO_TEXT = "nothing was left after removing navigation and boilerplate; the file holds no article"


def _raised(step: str, error: Exception) -> str:
    """What a failing step raised and where, so that the quarantine row points at the bug."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno} in {frames[-1].name}" if frames else ""
    return f"{step} raised {type(error).__name__}: {error}{where}"


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
    for key in ("authors", "agencies", "translators", "cited_sources", "image_credits", "image_captions"):
        row[key] = list(row[key])
    row["body_sha256"], signature = duplicate_keys(doc.body)
    row["signature"] = list(signature)
    row["band_keys"] = lsh_band_keys(signature)
    row["duplicate_of"] = None
    return row


def extract_batch(docs: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Extract facts from each clean body; one DataFrame per core table (document-level names).

    Names in the title and dateline count too: cleaning moves them out of the body, yet they
    name the article's people and places (offsets then point into that field).
    """
    tables: dict[str, list[dict[str, object]]] = {name: [] for name in _CORE_TABLES}
    for doc in docs.to_dict("records"):
        try:
            _extract_document(tables, doc)
        except Exception as error:  # one failing document must not stop the batch: quarantine it
            for rows in tables.values():
                rows[:] = [row for row in rows if row["doc_id"] != doc["doc_id"]]
            detail = _raised("extraction", error)[:_DETAIL_CHARS]
            tables["extracted"].append({"doc_id": doc["doc_id"], "notes": [detail]})
            tables["failures"].append(
                {"doc_id": doc["doc_id"], "check_name": "extract_failed", "failure_case": detail}
                | {"column_name": None, "value": None}
            )
    frames = {name: pd.DataFrame(rows, columns=list(_CORE_TABLES[name])) for name, rows in tables.items()}
    for name, number in (("mentions", "mention_no"), ("dates", "date_no")):
        frames[name][number] = frames[name].groupby("doc_id").cumcount()
    # A nullable integer: spans outside the body, or between sentences, have no sentence.
    for name in ("mentions", "dates", "weekdays"):
        frames[name]["sentence_no"] = frames[name]["sentence_no"].astype("Int64")
    for column in ("speaker_start", "speaker_end"):  # NULL where no phrase names the speaker
        frames["quotes"][column] = frames["quotes"][column].astype("Int64")
    return frames


@dataclass(frozen=True)
class CheckedFacts:
    """A batch's core tables after their contracts: `tables` holds what may be stored."""

    tables: dict[str, pd.DataFrame]
    checks: list[tuple[str, int, Checked]]
    """(contract name, rows checked, result) per contract table."""
    failures: pd.DataFrame
    """Quarantine rows of documents extraction failed on."""


def checked_facts(tables: dict[str, pd.DataFrame], docs: pd.DataFrame, run_id: str) -> CheckedFacts:
    """Give names their document-level entity ids and check each core table against its contract.

    This runs beside extraction (on a worker), so the single writer only stores the result.
    Spans are checked against the text they point into: the body, title, dateline or captions.
    """
    mentions, quotes = tables["mentions"], tables["quotes"]
    tables = {
        **tables,
        "mentions": mentions.assign(
            name=mentions["doc_name"], entity_id=_entity_ids(mentions["doc_name"], mentions["type"])
        ),
        "quotes": quotes.assign(
            speaker=quotes["doc_speaker"],
            speaker_id=_entity_ids(quotes["doc_speaker"], quotes["speaker_type"]),
        ),
    }
    # Lists, not Series: iterating a pandas string array costs 20× more per element.
    texts = {
        field: dict(zip(docs["doc_id"].tolist(), docs[field].tolist(), strict=True)) for field in _TEXT_FIELDS
    }
    stored: dict[str, pd.DataFrame] = {}
    checks = []
    for name, model in _CORE_CONTRACTS.items():
        frame = tables[name].assign(run_id=run_id)
        if "start_char" in frame:
            fields = frame["field"].tolist() if "field" in frame else ["body"] * len(frame)
            doc_ids = frame["doc_id"].tolist()
            frame = frame.assign(body=[texts[f].get(d) for f, d in zip(fields, doc_ids, strict=True)])
        checked = check(model, frame)
        checks.append((model.__name__, len(frame), checked))
        stored[name] = checked.valid.drop(columns="body", errors="ignore")
    # The body hash cleaning stored: it marks these facts as extracted from this body.
    fingerprints = dict(zip(docs["doc_id"], docs["body_sha256"], strict=True))
    extracted = tables["extracted"]
    stored["extracted"] = extracted.assign(
        run_id=run_id, body_sha256=extracted["doc_id"].map(fingerprints), version=EXTRACTION_VERSION
    )
    return CheckedFacts(stored, checks, tables["failures"])


def _entity_ids(names: pd.Series, types: pd.Series) -> list[str | None]:
    """The entity id of each (name, type), None where there is no name. A batch names the same
    entities again and again: each pair is hashed once."""
    ids: dict[tuple[str, str], str] = {}
    found: list[str | None] = []
    for name, kind in zip(names.tolist(), types.tolist(), strict=True):
        if not isinstance(name, str):
            found.append(None)
            continue
        known = ids.get((name, kind))
        if known is None:
            known = ids[(name, kind)] = entity_id(name, kind)
        found.append(known)
    return found


# The document fields extraction reads; spans point into one of them.
_TEXT_FIELDS = ("body", "title", "dateline", "captions")

_CORE_CONTRACTS = {
    "sentences": core_schemas.Sentences,
    "mentions": core_schemas.Mentions,
    "quotes": core_schemas.Quotes,
    "dates": core_schemas.Dates,
    "amounts": core_schemas.Amounts,
    "event_mentions": core_schemas.EventMentions,
    "weekdays": core_schemas.Weekdays,
    "terms": core_schemas.Terms,
}


def _extract_document(tables: dict[str, list[dict[str, object]]], doc: dict[str, Any]) -> None:
    published, language = _text_or_none(doc["published"]), _text_or_none(doc["language"])
    # The headline names people in full that the body may only call by surname.
    result = extract(doc["body"], published=published, language=language, context=_text_or_none(doc["title"]))
    _add_rows(tables, doc["doc_id"], result)
    for field in ("title", "dateline", "captions"):
        text = _text_or_none(doc[field])
        if text and language in (None, "de"):
            mentions, dates = names_and_dates(text, published=published)
            _add_mentions(tables, doc["doc_id"], field, mentions)
            _add_dates(tables, doc["doc_id"], field, dates)
    # A derived title is the lead standing in for a missing headline: indexed once, as the lead.
    title = None if doc["title_derived"] else _text_or_none(doc["title"])
    terms = term_counts(doc["body"], title=title, lead=_text_or_none(doc["lead"])).items()
    tables["terms"].extend({"doc_id": doc["doc_id"], "term": t, "tf": n} for t, n in terms)


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None  # SQL NULL arrives as NaN


_CORE_TABLES = {
    "sentences": ("doc_id", "sentence_no", "start_char", "end_char"),
    "mentions": (
        "doc_id",
        "mention_no",
        "field",
        "doc_name",
        "type",
        "sentence_no",
        "surface",
        "start_char",
        "end_char",
    ),
    "quotes": (
        "doc_id",
        "quote_no",
        "kind",
        "cue",
        "doc_speaker",
        "speaker_type",
        "speaker_kind",
        "speaker_role",
        "speaker_text",
        "speaker_start",
        "speaker_end",
        "text",
        "start_char",
        "end_char",
    ),
    "dates": (
        "doc_id",
        "date_no",
        "field",
        "sentence_no",
        "date",
        "precision",
        "text",
        "sentence",
        "start_char",
        "end_char",
    ),
    "amounts": ("doc_id", "amount_no", "value", "unit", "text", "sentence", "start_char", "end_char"),
    "weekdays": (
        "doc_id",
        "weekday_no",
        "weekday",
        "sentence_no",
        "text",
        "sentence",
        "start_char",
        "end_char",
    ),
    "event_mentions": ("doc_id", "sentence_no", "family", "text", "start_char", "end_char"),
    "terms": ("doc_id", "term", "tf"),
    "extracted": ("doc_id", "notes"),
    "failures": ("doc_id", "check_name", "failure_case", "column_name", "value"),
}
_DETAIL_CHARS = 500


def _add_rows(tables: dict[str, list[dict[str, object]]], doc_id: str, result: Extraction) -> None:
    for no, sentence in enumerate(result.sentences):
        tables["sentences"].append(
            {"doc_id": doc_id, "sentence_no": no, "start_char": sentence.start, "end_char": sentence.end}
        )
    _add_mentions(tables, doc_id, "body", result.mentions, result.sentences)
    for no, q in enumerate(result.quotes):
        tables["quotes"].append(
            {"doc_id": doc_id, "quote_no": no, "kind": q.kind, "cue": q.cue, "doc_speaker": q.speaker}
            | {"speaker_type": q.speaker_type, "speaker_kind": q.speaker_kind, "speaker_role": q.speaker_role}
            | {"speaker_text": q.speaker_text, "speaker_start": q.speaker_start, "speaker_end": q.speaker_end}
            | {"text": q.text, "start_char": q.start, "end_char": q.end}
        )
    _add_dates(tables, doc_id, "body", result.dates)
    for no, a in enumerate(result.amounts):
        tables["amounts"].append(
            {"doc_id": doc_id, "amount_no": no, "value": a.value, "unit": a.unit, "text": a.text}
            | {"sentence": a.sentence, "start_char": a.start, "end_char": a.end}
        )
    for no, w in enumerate(result.weekdays):
        tables["weekdays"].append(
            {"doc_id": doc_id, "weekday_no": no, "weekday": w.weekday, "text": w.text, "sentence": w.sentence}
            | {"sentence_no": w.sentence_no, "start_char": w.start, "end_char": w.end}
        )
    for e in result.events:
        tables["event_mentions"].append(
            {"doc_id": doc_id, "sentence_no": e.sentence_no, "family": e.family, "text": e.text}
            | {"start_char": e.start, "end_char": e.end}
        )
    tables["extracted"].append({"doc_id": doc_id, "notes": list(result.notes)})


def _add_mentions(
    tables: dict[str, list[dict[str, object]]],
    doc_id: str,
    field: str,
    mentions: tuple[Mention, ...],
    sentences: tuple[Sentence, ...] = (),
) -> None:
    """A field's mentions; those of the body with the number of their sentence, which the event
    marts and weekday inference join on."""
    rows = tables["mentions"]
    starts = [s.start for s in sentences]
    for m in mentions:
        row: dict[str, object] = {"doc_id": doc_id, "field": field, "doc_name": m.name, "type": m.type}
        row["sentence_no"] = sentence_of(sentences, starts, m.start, m.end)
        rows.append(row | {"surface": m.surface, "start_char": m.start, "end_char": m.end})


def _add_dates(
    tables: dict[str, list[dict[str, object]]], doc_id: str, field: str, dates: tuple[DateMention, ...]
) -> None:
    """A field's dates; those of the body with the number of their sentence (core.sentences
    numbers the body's sentences only)."""
    for d in dates:
        row: dict[str, object] = {"doc_id": doc_id, "field": field, "date": d.date, "precision": d.precision}
        row["sentence_no"] = d.sentence_no if field == "body" else None
        tables["dates"].append(
            row | {"text": d.text, "sentence": d.sentence, "start_char": d.start, "end_char": d.end}
        )
