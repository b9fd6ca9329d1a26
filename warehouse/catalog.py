"""What the SQL files of this folder create: every table and view, with its columns and comments.

Read from a scratch in-memory database built by the same DDL as a run's, so the listing
cannot drift from the warehouse. Views carry their comments in DuckDB (COMMENT ON); tables
say what they hold in the comments of their SQL files, which are read from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

import duckdb

from warehouse.sql import SQL_ROOT, TABLE_LAYERS, VIEW_LAYER, apply_ddl, publish_views

# A column line of a CREATE TABLE statement with a trailing comment: `name  TYPE …, -- meaning`.
_COMMENTED_COLUMN = re.compile(r"^\s+(\w+)\s+[A-Z][^-]*--\s*(.+)$")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool
    comment: str


@dataclass(frozen=True)
class Relation:
    name: str  # schema.table
    kind: str  # table | view
    comment: str
    columns: list[Column]


def relations() -> list[Relation]:
    """Every table and view of the warehouse, layer by layer in the order data flows."""
    con = duckdb.connect()
    try:
        apply_ddl(con)
        publish_views(con)
        found = con.execute(
            """
            SELECT schema_name, table_name, 'table', comment FROM duckdb_tables()
            UNION ALL
            SELECT schema_name, view_name, 'view', comment FROM duckdb_views() WHERE NOT internal
            """
        ).fetchall()
        columns = con.execute(
            "SELECT schema_name, table_name, column_name, data_type, is_nullable, comment "
            "FROM duckdb_columns() ORDER BY schema_name, table_name, column_index"
        ).fetchall()
    finally:
        con.close()
    by_relation: dict[str, list[Column]] = {}
    for schema, table, name, data_type, nullable, comment in columns:
        column = Column(name, data_type, nullable, comment or "")
        by_relation.setdefault(f"{schema}.{table}", []).append(column)
    layers = (*TABLE_LAYERS, VIEW_LAYER)
    listed = [
        _documented(Relation(f"{schema}.{name}", kind, comment or "", by_relation[f"{schema}.{name}"]))
        for schema, name, kind, comment in found
        if schema in layers
    ]
    return sorted(listed, key=lambda r: (layers.index(r.name.split(".")[0]), r.name))


def _documented(relation: Relation) -> Relation:
    """A table with the comments of its SQL file: the leading ones, and those beside its columns."""
    schema, name = relation.name.split(".")
    path = SQL_ROOT / schema / f"{name}.sql"
    if relation.kind != "table" or not path.is_file():
        return relation
    lines = path.read_text(encoding="utf-8").splitlines()
    leading = [line.removeprefix("--").strip() for line in takewhile(lambda x: x.startswith("--"), lines)]
    beside = {m[1]: m[2] for line in lines if (m := _COMMENTED_COLUMN.match(line))}
    columns = [
        Column(c.name, c.type, c.nullable, c.comment or beside.get(c.name, "")) for c in relation.columns
    ]
    return Relation(relation.name, relation.kind, relation.comment or " ".join(leading), columns)
