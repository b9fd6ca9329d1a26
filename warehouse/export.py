"""The export contract: one JSON object per document, built by SQL from the warehouse."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import duckdb

from warehouse.sql import step_sql


def export_records(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    """Every document of the warehouse in the export contract's shape, ordered by doc_id."""
    cursor = con.execute(step_sql("export_documents"))
    columns = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(500):
        for row in rows:
            yield dict(zip(columns, row, strict=True))


def to_json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, default=str)
