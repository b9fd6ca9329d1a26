"""The main flow end to end on real DuckDB files and real Prefect runs."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.pipeline import run_pipeline
from warehouse.store import reader, working_path

SNAPSHOT_QUERIES = [
    "SELECT * EXCLUDE (run_id) FROM clean.documents ORDER BY doc_id",
    "SELECT * EXCLUDE (run_id) FROM core.mentions ORDER BY ALL",
    "SELECT * EXCLUDE (run_id) FROM core.quotes ORDER BY ALL",
    "SELECT * FROM core.entities ORDER BY ALL",
    "SELECT doc_id, content_sha256, version FROM raw.documents ORDER BY ALL",
]


def snapshot(db: Path) -> list[list[tuple]]:
    with reader(db) as con:
        return [con.execute(q).fetchall() for q in SNAPSHOT_QUERIES]


def test_sample_run_loads_every_document(sample_warehouse: Path) -> None:
    with reader(sample_warehouse) as con:
        statuses = con.execute("SELECT status, count(*) FROM clean.documents GROUP BY ALL").fetchall()
        runs = con.execute("SELECT status, inputs_seen, inputs_new, flow_run_id FROM ops.runs").fetchall()
        raw = con.execute("SELECT count(*), sum(octet_length(content)) FROM raw.documents").fetchone()
    assert dict(statuses) == {"ok": 5}
    assert [r[:3] for r in runs] == [("completed", 5, 5)]
    assert runs[0][3] is not None, "the Prefect flow run id is recorded"
    assert raw[0] == 5 and raw[1] == sum(p.stat().st_size for p in Path("data/samples").iterdir())
    assert not working_path(sample_warehouse).exists(), "the working file was swapped in"


def test_rerun_changes_nothing_and_a_changed_file_gets_a_new_version(samples: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    run_pipeline([str(samples)], str(db))
    first = snapshot(db)
    run_pipeline([str(samples)], str(db))
    assert snapshot(db) == first

    changed = samples / "004_8b5d479a32ecbb03.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nNeuer Absatz über Olaf Scholz in Berlin.\n")
    run_pipeline([str(samples)], str(db))
    with reader(db) as con:
        versions = con.execute(
            "SELECT doc_id, max(version) FROM raw.documents GROUP BY ALL ORDER BY 1"
        ).fetchall()
        clean_rows = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM clean.documents").fetchone()
        runs = con.execute("SELECT inputs_new FROM ops.runs ORDER BY started_at").fetchall()
    assert dict(versions)["004_8b5d479a32ecbb03.txt"] == 2
    assert [v for d, v in versions if d != "004_8b5d479a32ecbb03.txt"] == [1, 1, 1, 1]
    assert clean_rows == (5, 5)
    assert runs == [(5,), (0,), (1,)]


def test_unreadable_inputs_are_stored_with_a_reason(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (inputs / "article.txt").write_text("Berlin. Bundeskanzler Olaf Scholz traf am Montag in Paris ein. " * 5)
    db = tmp_path / "w.duckdb"
    run_pipeline([str(inputs)], str(db))
    with reader(db) as con:
        docs = dict(
            con.execute("SELECT doc_id, coalesce(reject_reason, status) FROM clean.documents").fetchall()
        )
        quarantined = con.execute("SELECT doc_id, step, check_name FROM ops.quarantine ORDER BY 1").fetchall()
    assert docs == {"article.txt": "ok", "empty.txt": "empty", "picture.png": "binary"}
    assert quarantined == [("empty.txt", "ingest", "empty"), ("picture.png", "ingest", "binary")]


def test_readers_of_the_published_file_are_read_only(sample_warehouse: Path) -> None:
    with reader(sample_warehouse) as con, pytest.raises(duckdb.Error):
        con.execute("DELETE FROM clean.documents")
