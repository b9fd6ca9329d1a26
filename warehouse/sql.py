"""Running the SQL files of this folder, and bulk loads into their tables."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

# Layers in the order data flows through them; marts are views over the rest.
TABLE_LAYERS = ("raw", "clean", "core", "ops")
VIEW_LAYER = "marts"
SQL_ROOT = Path(__file__).parent


def _sql_files(layer: str) -> list[Path]:
    return sorted((SQL_ROOT / layer).glob("*.sql"))


def apply_ddl(con: duckdb.DuckDBPyConnection) -> None:
    """Create every schema and table that does not exist yet (idempotent)."""
    for layer in (*TABLE_LAYERS, VIEW_LAYER):
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {layer}")
    keyed = {
        (schema, table)
        for schema, table in con.execute(
            "SELECT schema_name, table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
        ).fetchall()
    }
    for layer in TABLE_LAYERS:
        for path in _sql_files(layer):
            ddl = path.read_text()
            if (layer, path.stem) in keyed and "PRIMARY KEY" not in ddl:
                _drop_key(con, layer, path.stem, ddl)
            con.execute(ddl)


def _drop_key(con: duckdb.DuckDBPyConnection, layer: str, table: str, ddl: str) -> None:
    """Rebuild a table of an older warehouse that has a primary key its file no longer declares.

    DuckDB cannot drop a constraint: the file creates the table anew and the rows are copied.
    """
    con.execute(f"ALTER TABLE {layer}.{table} RENAME TO {table}_keyed")
    con.execute(ddl)
    con.execute(f"INSERT INTO {layer}.{table} BY NAME SELECT * FROM {layer}.{table}_keyed")
    con.execute(f"DROP TABLE {layer}.{table}_keyed")


def publish_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """(Re)create the mart views, in file-name order; returns their names.

    The views are dropped first, so that a view whose file was removed does not outlive it.
    """
    for view in view_names(con):
        con.execute(f"DROP VIEW {view}")
    for path in _sql_files(VIEW_LAYER):
        con.execute(path.read_text())
    return view_names(con)


def view_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The mart views of the warehouse, by name."""
    rows = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE schema_name = ? ORDER BY view_name", [VIEW_LAYER]
    ).fetchall()
    return [f"{VIEW_LAYER}.{name}" for (name,) in rows]


def append(
    con: duckdb.DuckDBPyConnection,
    table: str,
    frame: pd.DataFrame,
    replace: bool = False,
    keep_existing: bool = False,
    columns: list[str] | None = None,
) -> int:
    """Bulk-insert a DataFrame by column name; returns the number of rows.

    With `replace`, a row whose primary key exists replaces the stored one; with
    `keep_existing`, the stored one stays and the new one is dropped. With `columns`, only those
    are inserted (cheaper than a frame of them: pandas copies every column it selects).
    """
    if frame.empty:
        return 0
    conflict = "OR REPLACE " if replace else "OR IGNORE " if keep_existing else ""
    selected = ", ".join(f'"{column}"' for column in columns) if columns is not None else "*"
    with registered(con, "_incoming", frame):
        con.execute(f"INSERT {conflict}INTO {table} BY NAME SELECT {selected} FROM _incoming")
    return len(frame)


def one_row(
    con: duckdb.DuckDBPyConnection, query: str, params: list[object] | dict[str, object] | None = None
) -> tuple[Any, ...] | None:
    """The first row of `query` (None when it has none), its result read to the end.

    DuckDB 2 keeps a result that `fetchone()` did not read to its end open on the connection and
    refuses `register()`, which every bulk load uses, until it is: a lone `fetchone()` before an
    append made a run fail.
    """
    rows = con.execute(query, params).fetchall()
    return rows[0] if rows else None


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> Iterator[None]:
    """`frame` readable as the table `name` by the block's statements (steps included)."""
    con.register(name, frame)
    try:
        yield
    finally:
        con.unregister(name)


def replace_documents(
    con: duckdb.DuckDBPyConnection,
    table: str,
    doc_ids: list[str],
    frame: pd.DataFrame,
    columns: list[str] | None = None,
) -> int:
    """Delete the rows of `doc_ids` from `table`, then insert `frame` (a document's new version),
    or its `columns`."""
    if doc_ids:
        con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids])
    return append(con, table, frame, columns=columns)


def sql_sha256() -> str:
    """A hash of every SQL file here: runs with other SQL must not skip the whole-corpus steps."""
    digest = hashlib.sha256()
    for path in sorted(SQL_ROOT.rglob("*.sql")):
        digest.update(path.relative_to(SQL_ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def step_sql(name: str) -> str:
    """The text of `steps/<name>.sql`: a transformation the flow runs inside the warehouse."""
    return (SQL_ROOT / "steps" / f"{name}.sql").read_text()


_CHANGES = {duckdb.StatementType.INSERT, duckdb.StatementType.UPDATE, duckdb.StatementType.DELETE}


def run_step(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, object] | None = None) -> int:
    """Run a step's statements in order, giving each the named parameters it uses; returns the
    number of rows its INSERT, UPDATE and DELETE statements changed."""
    changed = 0
    for statement in con.extract_statements(step_sql(name)):
        used = {key: value for key, value in (params or {}).items() if key in statement.named_parameters}
        result = con.execute(statement, used or None)
        if statement.type in _CHANGES:
            # The one row of counts is the whole result: fetchone() leaves nothing unread.
            (rows,) = result.fetchone() or (0,)
            changed += rows
    return changed
