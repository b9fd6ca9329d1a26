"""Creating and upgrading the warehouse's tables from the SQL files, on real DuckDB files."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from warehouse.sql import append, apply_ddl, one_row


def primary_keys(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[str]:
    rows = con.execute(
        "SELECT constraint_text FROM duckdb_constraints() "
        "WHERE schema_name = ? AND table_name = ? AND constraint_type = 'PRIMARY KEY'",
        [schema, table],
    ).fetchall()
    return [text for (text,) in rows]


def test_a_key_the_table_file_no_longer_declares_is_dropped_and_the_rows_kept(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as con:  # core.terms as warehouses before issue 8's last round had it
        con.execute("CREATE SCHEMA core")
        con.execute(
            "CREATE TABLE core.terms (doc_id VARCHAR NOT NULL, term VARCHAR NOT NULL, "
            "tf INTEGER NOT NULL, PRIMARY KEY (doc_id, term))"
        )
        con.execute("INSERT INTO core.terms VALUES ('a', 'putin', 2), ('a', 'trump', 1), ('b', 'putin', 1)")
    with duckdb.connect(str(db)) as con:
        apply_ddl(con)
        assert primary_keys(con, "core", "terms") == []
        assert primary_keys(con, "core", "extracted") == ["PRIMARY KEY(doc_id)"], "declared keys stay"
        rows = con.execute("SELECT * FROM core.terms ORDER BY ALL").fetchall()
        nulls = con.execute(
            "SELECT is_nullable FROM duckdb_columns() WHERE schema_name = 'core' AND table_name = 'terms'"
        ).fetchall()
        apply_ddl(con)  # idempotent
        again = con.execute("SELECT * FROM core.terms ORDER BY ALL").fetchall()
    assert rows == again == [("a", "putin", 2), ("a", "trump", 1), ("b", "putin", 1)]
    assert nulls == [(False,), (False,), (False,)], "the file's NOT NULL constraints hold on the new table"


def test_one_row_reads_its_result_to_the_end_so_a_bulk_load_may_follow(tmp_path: Path) -> None:
    """A run failed when a row read with fetchone() preceded an append: DuckDB refused register()."""
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.execute("CREATE TABLE t (n INTEGER)")
        assert one_row(con, "SELECT * FROM range(5000) ORDER BY 1 DESC") == (4999,)
        assert append(con, "t", pd.DataFrame({"n": [1, 2]})) == 2
        assert one_row(con, "SELECT n FROM t WHERE n > ?", [5]) is None
        assert append(con, "t", pd.DataFrame({"n": [3]})) == 1
        assert con.execute("SELECT list(n ORDER BY n) FROM t").fetchall() == [([1, 2, 3],)]
