"""Small hand-written warehouses for testing views and search: real DuckDB files, no flow.

A `Doc` names what its body says (entities, dates, amounts, quotes) by their wording;
`build_warehouse` finds each wording in the body, so offsets are real, and writes the
rows the flow would write. Columns the test does not care about get neutral values, so
the helper keeps working when the tables gain columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from presseschau.clean import VERSION as CLEANING_VERSION
from presseschau.extract import VERSION as EXTRACTION_VERSION
from presseschau.extract.events import find_events
from presseschau.extract.text import sentence_at, sentence_of
from presseschau.models import Sentence
from presseschau.search import term_counts
from warehouse.load import entity_id
from warehouse.sql import append, apply_ddl, publish_views

RUN_ID = "test-run"
_SENTENCE_END = re.compile(r"(?<=[^\W\d][.!?])\s+(?=[A-ZÄÖÜ])")


@dataclass
class Doc:
    doc_id: str
    body: str
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    lead: str | None = None
    status: str = "ok"
    duplicate_of: str | None = None
    entities: dict[str, str] = field(default_factory=dict)
    """surface → type; the surface is the canonical name too, unless `names` says otherwise."""
    names: dict[str, str] = field(default_factory=dict)
    """surface → canonical name, for surfaces that are variants of another name."""
    dates: list[tuple[str, str, str]] = field(default_factory=list)
    """(text, ISO date, precision)"""
    amounts: list[tuple[str, float, str]] = field(default_factory=list)
    """(text, value, unit)"""
    quotes: list[tuple[str, str | None]] = field(default_factory=list)
    """(quoted text, speaker)"""
    weekdays: list[tuple[str, int]] = field(default_factory=list)
    """(text, weekday: 0 = Monday)"""


def build_warehouse(path: Path, docs: list[Doc]) -> Path:
    """Write `docs` into a new warehouse at `path`, with every mart view published."""
    with duckdb.connect(str(path)) as con:
        apply_ddl(con)
        add_documents(con, docs)
        con.execute(
            "INSERT INTO core.entities BY NAME SELECT entity_id, any_value(name) AS canonical_name, "
            "any_value(type) AS type, list_sort(list_distinct(list(surface))) AS variants, "
            "count(DISTINCT doc_id) AS doc_count, count(*) AS mention_count "
            "FROM core.mentions GROUP BY entity_id"
        )
        con.execute(
            "INSERT INTO ops.runs BY NAME SELECT ? AS run_id, now() AS started_at, 'completed' AS status, "
            "0 AS inputs_seen, 0 AS inputs_new, 0 AS docs_loaded, 0 AS docs_rejected",
            [RUN_ID],
        )
        publish_views(con)
    return path


def add_documents(con: duckdb.DuckDBPyConnection, docs: list[Doc], run_id: str = RUN_ID) -> None:
    """Write the rows of `docs` as a run `run_id` that cleaned and extracted them would."""
    rows: dict[str, list[dict[str, object]]] = {
        "clean.documents": [],
        "core.extracted": [],
        "core.sentences": [],
        "core.mentions": [],
        "core.dates": [],
        "core.amounts": [],
        "core.quotes": [],
        "core.terms": [],
        "core.event_mentions": [],
        "core.weekdays": [],
    }
    for doc in docs:
        _add(rows, doc)
    for table, table_rows in rows.items():
        _insert(con, table, table_rows, run_id)


def _add(rows: dict[str, list[dict[str, object]]], doc: Doc) -> None:
    body = doc.body
    rows["clean.documents"].append(
        {
            "doc_id": doc.doc_id,
            "outlet": doc.outlet,
            "published": doc.published,
            "title": doc.title,
            "lead": doc.lead,
            "status": doc.status,
            "duplicate_of": doc.duplicate_of,
            "reject_reason": "exact_duplicate" if doc.duplicate_of else None,
            "language": "de",
            "body": body,
            "chars_in": len(body),
            "source_path": doc.doc_id,
            "version": 1,
            "clean_version": CLEANING_VERSION,
        }
    )
    if doc.status != "ok":
        return
    rows["core.extracted"].append({"doc_id": doc.doc_id, "version": EXTRACTION_VERSION})
    sentences = []
    start = 0
    for no, sentence in enumerate(_SENTENCE_END.split(body)):
        start = body.index(sentence, start)
        sentences.append(Sentence(start, start + len(sentence)))
        rows["core.sentences"].append(
            {"doc_id": doc.doc_id, "sentence_no": no, "start_char": start, "end_char": start + len(sentence)}
        )
        start += len(sentence)
    rows["core.event_mentions"].extend(
        {"doc_id": doc.doc_id, "sentence_no": e.sentence_no, "family": e.family, "text": e.text}
        | {"start_char": e.start, "end_char": e.end}
        for e in find_events(body, tuple(sentences))
    )
    mention_no = 0
    starts = [s.start for s in sentences]
    for surface, kind in doc.entities.items():
        name = doc.names.get(surface, surface)
        for match in re.finditer(rf"\b{re.escape(surface)}\b", body):
            sentence_no = sentence_of(tuple(sentences), starts, match.start(), match.end())
            rows["core.mentions"].append(
                {"doc_id": doc.doc_id, "mention_no": mention_no, "field": "body", "sentence_no": sentence_no}
                | {"entity_id": entity_id(name, kind), "name": name, "doc_name": name, "type": kind}
                | {"surface": surface, "start_char": match.start(), "end_char": match.end()}
            )
            mention_no += 1
    for no, (text, iso, precision) in enumerate(doc.dates):
        at = body.index(text)
        rows["core.dates"].append(
            {"doc_id": doc.doc_id, "date_no": no, "field": "body", "date": iso, "precision": precision}
            | {"sentence_no": sentence_at(tuple(sentences), starts, at)}
            | {"text": text, "sentence": _sentence_text(body, at)}
            | {"start_char": at, "end_char": at + len(text)}
        )
    for no, (text, weekday) in enumerate(doc.weekdays):
        at = body.index(text)
        rows["core.weekdays"].append(
            {"doc_id": doc.doc_id, "weekday_no": no, "weekday": weekday}
            | {"sentence_no": sentence_at(tuple(sentences), starts, at)}
            | {"text": text, "sentence": _sentence_text(body, at)}
            | {"start_char": at, "end_char": at + len(text)}
        )
    for no, (text, value, unit) in enumerate(doc.amounts):
        at = body.index(text)
        rows["core.amounts"].append(
            {"doc_id": doc.doc_id, "amount_no": no, "value": value, "unit": unit, "text": text}
            | {"sentence": _sentence_text(body, at), "start_char": at, "end_char": at + len(text)}
        )
    for no, (text, speaker) in enumerate(doc.quotes):
        at = body.index(text)
        rows["core.quotes"].append(
            {"doc_id": doc.doc_id, "quote_no": no, "text": text, "start_char": at, "end_char": at + len(text)}
            | {"speaker": speaker, "speaker_id": entity_id(speaker, "PER") if speaker else None}
            | {"kind": "direct", "speaker_type": "PER" if speaker else None}
        )
    rows["core.terms"].extend(
        {"doc_id": doc.doc_id, "term": term, "tf": tf}
        for term, tf in term_counts(body, title=doc.title, lead=doc.lead).items()
    )


def _sentence_text(body: str, offset: int) -> str:
    start = max(body.rfind(". ", 0, offset) + 2, 0) if ". " in body[:offset] else 0
    end = body.find(". ", offset)
    return body[start : end + 1 if end >= 0 else len(body)]


_NEUTRAL = {"VARCHAR": "", "INTEGER": 0, "BIGINT": 0, "DOUBLE": 0.0, "BOOLEAN": False, "VARCHAR[]": []}


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, object]], run_id: str) -> None:
    if not rows:
        return
    columns = con.execute(f"DESCRIBE {table}").fetchall()
    required = {name: _NEUTRAL.get(kind) for name, kind, nullable, *_ in columns if nullable == "NO"}
    frame = pd.DataFrame([{**required, "run_id": run_id, **row} for row in rows])
    frame = frame[[name for name, *_ in columns if name in frame.columns]]
    append(con, table, frame)
