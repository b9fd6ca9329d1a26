"""Running the SQL files of this folder, and bulk loads into their tables."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pandas as pd

# Layers in the order data flows through them; marts are views over the rest.
TABLE_LAYERS = ("raw", "clean", "core", "ops")
VIEW_LAYER = "marts"
SQL_ROOT = Path(__file__).parent


def _sql_files(layer: str) -> list[str]:
    return [f.read_text() for f in sorted((SQL_ROOT / layer).glob("*.sql"))]


def apply_ddl(con: duckdb.DuckDBPyConnection) -> None:
    """Create every schema and table that does not exist yet (idempotent)."""
    for layer in (*TABLE_LAYERS, VIEW_LAYER):
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {layer}")
    for layer in TABLE_LAYERS:
        for statement in _sql_files(layer):
            con.execute(statement)


def publish_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """(Re)create the mart views, in file-name order; returns their names.

    The views are dropped first, so that a view whose file was removed does not outlive it.
    """
    for view in view_names(con):
        con.execute(f"DROP VIEW {view}")
    for statement in _sql_files(VIEW_LAYER):
        con.execute(statement)
    return view_names(con)


def view_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The mart views of the warehouse, by name."""
    rows = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE schema_name = ? ORDER BY view_name", [VIEW_LAYER]
    ).fetchall()
    return [f"{VIEW_LAYER}.{name}" for (name,) in rows]


def append(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, replace: bool = False) -> int:
    """Bulk-insert a DataFrame by column name; returns the number of rows.

    With `replace`, a row whose primary key exists replaces the stored one.
    """
    if frame.empty:
        return 0
    con.register("_incoming", frame)
    try:
        con.execute(f"INSERT {'OR REPLACE ' if replace else ''}INTO {table} BY NAME SELECT * FROM _incoming")
    finally:
        con.unregister("_incoming")
    return len(frame)


def replace_documents(
    con: duckdb.DuckDBPyConnection, table: str, doc_ids: list[str], frame: pd.DataFrame
) -> int:
    """Delete the rows of `doc_ids` from `table`, then insert `frame` (a document's new version)."""
    if doc_ids:
        con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids])
    return append(con, table, frame)


def sql_sha256() -> str:
    """A hash of every SQL file here: runs with other SQL must not skip the whole-corpus steps."""
    digest = hashlib.sha256()
    for path in sorted(SQL_ROOT.rglob("*.sql")):
        digest.update(path.relative_to(SQL_ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def step_sql(name: str) -> str:
    """The text of `steps/<name>.sql`: a transformation the flow runs inside the warehouse."""
    return (SQL_ROOT / "steps" / f"{name}.sql").read_text()


def run_step(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, object] | None = None) -> None:
    """Run a step's statements in order, giving each the named parameters it uses."""
    for statement in con.extract_statements(step_sql(name)):
        used = {key: value for key, value in (params or {}).items() if key in statement.named_parameters}
        con.execute(statement, used or None)
