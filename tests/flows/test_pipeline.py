"""The main flow end to end on real DuckDB files and real Prefect runs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from benchmarks.corpus import write_corpus
from flows.pipeline import run_pipeline
from presseschau.clean import VERSION as CLEANING_VERSION
from presseschau.extract import VERSION as EXTRACTION_VERSION
from presseschau.sources import SETTLE_NS
from schemas.catalog import CONTRACTS
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


def duplicate_keys(db: Path) -> dict[str, int]:
    """Rows per core table that repeat the key its contract declares (the tables declare none)."""
    repeated = {}
    with reader(db) as con:
        for table, model in CONTRACTS.items():
            key = model.to_schema().unique
            if table.startswith("core.") and key:
                columns = ", ".join(key)
                (extra,) = con.execute(
                    f"SELECT count(*) - count(DISTINCT ({columns})) FROM {table}"
                ).fetchone()
                repeated[table] = extra
    return repeated


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


def test_new_documents_that_rename_known_entities_complete_and_record_the_renames(tmp_path: Path) -> None:
    """Two new articles make name resolution rename entities of the first run's documents. Such a
    run once failed while storing the renames (a row read with fetchone() was left unfinished)."""
    corpus, new = tmp_path / "corpus", tmp_path / "new"
    write_corpus(corpus, 200, seed=5)
    write_corpus(new, 2, seed=5, start=200)
    db = tmp_path / "w.duckdb"
    run_pipeline([str(corpus)], str(db))
    summary = run_pipeline([str(corpus), str(new)], str(db))
    assert summary.counts["docs_loaded"] == 2
    with reader(db) as con:
        renamed = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE old_name <> new_name) FROM ops.renames WHERE run_id = ?",
            [summary.run_id],
        ).fetchall()
        status = con.execute("SELECT status FROM ops.runs WHERE run_id = ?", [summary.run_id]).fetchall()
    ((rows, changed),) = renamed
    assert rows > 0 and rows == changed
    assert status == [("completed",)]


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
    repeated = duplicate_keys(db)
    assert set(repeated) >= {"core.sentences", "core.mentions", "core.terms", "core.weekdays"}
    assert set(repeated.values()) == {0}, repeated


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


def _run_statuses(db: Path) -> list[tuple[str, int, int]]:
    with reader(db) as con:
        return con.execute(
            "SELECT status, inputs_seen, inputs_new FROM ops.runs ORDER BY started_at"
        ).fetchall()


def test_a_rerun_with_no_new_content_records_itself_without_rebuilding(samples: Path, tmp_path: Path) -> None:
    time.sleep(SETTLE_NS / 1e9)  # files written a moment ago are read again until they settle
    db = tmp_path / "w.duckdb"
    run_pipeline([str(samples)], str(db))
    built = db.stat().st_ino
    with reader(db) as con:
        states = con.execute("SELECT doc_id, size_bytes FROM ops.input_files ORDER BY 1").fetchall()
    assert states == sorted((p.name, p.stat().st_size) for p in samples.iterdir())

    run_pipeline([str(samples)], str(db))
    assert db.stat().st_ino == built, "nothing changed, so the published file is not rebuilt"

    touched = samples / "001_b96bf4712e7fddc7.txt"
    os.utime(touched)  # same bytes, new state: read and hashed, then recorded in place
    time.sleep(SETTLE_NS / 1e9)
    run_pipeline([str(samples)], str(db))
    assert db.stat().st_ino == built
    with reader(db) as con:
        (recorded,) = con.execute(
            "SELECT modified_ns FROM ops.input_files WHERE doc_id = ?", [touched.name]
        ).fetchone()
    assert recorded == touched.stat().st_mtime_ns

    changed = samples / "004_8b5d479a32ecbb03.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nNeuer Absatz über Olaf Scholz in Berlin.\n")
    run_pipeline([str(samples)], str(db))
    assert db.stat().st_ino != built, "new content is written to a working copy and swapped in"
    assert _run_statuses(db) == [("completed", 5, n) for n in (5, 0, 0, 1)]


def test_a_warehouse_built_by_older_code_is_brought_up_to_date(samples: Path, tmp_path: Path) -> None:
    """Rows an older extraction made (without event words) are extracted again by the next run,
    and a warehouse without candidate boilerplate lines gets them on opening."""
    db = tmp_path / "w.duckdb"
    run_pipeline([str(samples)], str(db))
    events_query = "SELECT * EXCLUDE (run_id) FROM core.event_mentions ORDER BY ALL"
    lines_query = "SELECT * FROM clean.lines ORDER BY ALL"
    with reader(db) as con:
        events, lines = con.execute(events_query).fetchall(), con.execute(lines_query).fetchall()
    assert events and lines
    with duckdb.connect(str(db)) as con:  # as a warehouse of version 1 looked
        con.execute("DELETE FROM core.event_mentions; DELETE FROM clean.lines")
        con.execute("UPDATE core.extracted SET version = 1")

    summary = run_pipeline([str(samples)], str(db))
    assert summary.counts["docs_extracted"] == 5
    with reader(db) as con:
        assert con.execute(events_query).fetchall() == events
        assert con.execute(lines_query).fetchall() == lines
        versions = con.execute("SELECT DISTINCT version FROM core.extracted").fetchall()
    assert versions == [(EXTRACTION_VERSION,)]
    assert set(duplicate_keys(db).values()) == {0}, "documents extracted again replace their rows"


def test_documents_an_older_cleaning_made_are_cleaned_again_though_their_files_are_unchanged(
    samples: Path, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    time.sleep(SETTLE_NS / 1e9)  # settled files: a run reads only those whose state changed
    run_pipeline([str(samples)], str(db))
    # clean_version last: a warehouse that gets the column adds it after the others.
    documents_query = (
        "SELECT * EXCLUDE (run_id, clean_version), clean_version FROM clean.documents ORDER BY 1"
    )
    with reader(db) as con:
        documents = con.execute(documents_query).fetchall()
    stale = "004_8b5d479a32ecbb03.txt"
    with duckdb.connect(str(db)) as con:  # as an older cleaning left one document
        con.execute(
            "UPDATE clean.documents SET clean_version = ?, title = 'Menü', body = body || ' Anmelden' "
            "WHERE doc_id = ?",
            [CLEANING_VERSION - 1, stale],
        )

    run_pipeline([str(samples)], str(db))
    with reader(db) as con:
        assert con.execute(documents_query).fetchall() == documents
        (extracted,) = con.execute(
            "SELECT count(*) FROM core.extracted AS e JOIN clean.documents AS d USING (doc_id) "
            "WHERE e.body_sha256 = d.body_sha256"
        ).fetchone()
    assert extracted == 5, "the cleaned-again body's facts are extracted again"
    assert set(duplicate_keys(db).values()) == {0}

    with duckdb.connect(str(db)) as con:  # as warehouses looked before cleaning had a version
        con.execute("ALTER TABLE clean.documents DROP COLUMN clean_version")
        con.execute("UPDATE clean.documents SET title = 'Menü'")
    run_pipeline([str(samples)], str(db))
    with reader(db) as con:
        assert con.execute(documents_query).fetchall() == documents


def test_a_warehouse_from_before_gone_inputs_were_tracked_is_rebuilt_not_refused(
    samples: Path, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    run_pipeline([str(samples)], str(db))
    with duckdb.connect(str(db)) as con:  # as the warehouses of the previous release looked
        con.execute("DROP TABLE ops.gone_inputs")
    (samples / "001_b96bf4712e7fddc7.txt").unlink()

    summary = run_pipeline([str(samples)], str(db))
    assert summary.counts["inputs_seen"] == 4
    with reader(db) as con:
        assert con.execute("SELECT count(*) FROM ops.gone_inputs").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM marts.documents").fetchone() == (5,)
    run_pipeline([str(samples)], str(db))
    with reader(db) as con:
        gone = con.execute("SELECT doc_id FROM marts.documents WHERE gone_since IS NOT NULL").fetchall()
    assert gone == [("001_b96bf4712e7fddc7.txt",)], "the run after the upgrade marks what is gone"


def test_other_settings_make_a_rerun_read_every_input(
    samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    time.sleep(SETTLE_NS / 1e9)
    db = tmp_path / "w.duckdb"
    run_pipeline([str(samples)], str(db))
    built = db.stat().st_ino
    monkeypatch.setenv("PRESSESCHAU_NEAR_DUPLICATE_THRESHOLD", "0.8")
    run_pipeline([str(samples)], str(db))
    assert db.stat().st_ino != built, "the whole-corpus steps ran again with the new threshold"
    assert _run_statuses(db) == [("completed", 5, 5), ("completed", 5, 0)]


def test_a_rerun_builds_a_working_copy_while_another_process_reads(samples: Path, tmp_path: Path) -> None:
    time.sleep(SETTLE_NS / 1e9)
    db = tmp_path / "w.duckdb"
    run_pipeline([str(samples)], str(db))
    built = db.stat().st_ino
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(db)!r}, read_only=True); "
            "print('open', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        run_pipeline([str(samples)], str(db))
    finally:
        holder.communicate("")
    assert db.stat().st_ino != built, "the open file could not be written, so the run swapped in a copy"
    assert _run_statuses(db) == [("completed", 5, 5), ("completed", 5, 0)]
