"""The build-then-swap writer and read-only readers, on real DuckDB files."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from warehouse.load import RunIdentity, start_run
from warehouse.store import WarehouseBusy, WarehouseMissing, connect, reader, working_path, writer


def count_runs(db: Path) -> int:
    with reader(db) as con:
        return con.execute("SELECT count(*) FROM ops.runs").fetchone()[0]


def add_run(work: Path, run_id: str) -> None:
    with connect(work) as con:
        start_run(con, RunIdentity(run_id, None, "test", "test"))


def test_writer_publishes_only_on_success(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with writer(db) as work:
        add_run(work, "first")
        assert not db.exists(), "nothing is published before the run ends"
    assert count_runs(db) == 1

    with pytest.raises(RuntimeError), writer(db) as work:
        add_run(work, "second")
        raise RuntimeError("step failed")
    assert count_runs(db) == 1, "a failed run leaves the published warehouse as it was"
    assert not working_path(db).exists()


def test_a_stale_working_file_from_a_killed_run_is_discarded(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    working_path(db).write_bytes(b"half-written garbage")
    with writer(db) as work:
        add_run(work, "only")
    assert count_runs(db) == 1


def test_second_writer_waits_then_reports_busy(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    holding = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with writer(db):
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait(10)
    try:
        with pytest.raises(WarehouseBusy, match="warehouse busy"), writer(db, lock_timeout_s=0.5):
            pass
    finally:
        release.set()
        thread.join()


def test_reader_explains_a_missing_warehouse(tmp_path: Path) -> None:
    with pytest.raises(WarehouseMissing, match="presseschau run"):
        reader(tmp_path / "nothing.duckdb")


def test_a_reader_touches_no_file_but_the_warehouse(sample_warehouse: Path, tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("nur für mich\n", encoding="utf-8")
    escapes = [
        f"SELECT content FROM read_text('{secret}')",
        f"SELECT * FROM read_csv('{secret}')",
        f"SELECT * FROM glob('{tmp_path}/*')",
        f"COPY (SELECT 1) TO '{tmp_path}/kopie.csv'",
        f"EXPORT DATABASE '{tmp_path}/export'",
        f"ATTACH '{tmp_path}/andere.duckdb' AS andere",
        "INSTALL fts",
        "SET enable_external_access = true",
        "RESET lock_configuration",
        "SET allowed_configs = ['enable_external_access']",
    ]
    with reader(sample_warehouse) as con:
        for statement in escapes:
            with pytest.raises(duckdb.Error):
                con.execute(statement)
        assert con.execute("SELECT count(*) FROM marts.documents").fetchone() == (5,)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["geheim.txt"], "nothing was written"

    with reader(sample_warehouse, external_access=True) as con:
        assert con.execute(f"SELECT content FROM read_text('{secret}')").fetchone() == ("nur für mich\n",)
