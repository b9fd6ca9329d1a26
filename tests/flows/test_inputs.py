"""Nothing is dropped silently: folders that cannot be listed, linked folders, two files under one
name, and files that disappear or are renamed between runs, on real runs and DuckDB files."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from flows.pipeline import run_pipeline
from presseschau.sources import SETTLE_NS
from tests.flows.processes import REPO, sample_paragraphs
from warehouse.store import reader

PARAGRAPHS = sample_paragraphs()
# Root reads any folder; without these two capabilities it meets permissions as any user does.
AS_A_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []


def article(no: int) -> str:
    return f"Bericht {no}\n\n{PARAGRAPHS[no % len(PARAGRAPHS)]}\n\n{PARAGRAPHS[(no + 3) % len(PARAGRAPHS)]}\n"


def test_unlisted_and_linked_folders_and_name_clashes_are_refused_with_a_reason(
    run_env: dict[str, str], tmp_path: Path
) -> None:
    first, second, elsewhere = tmp_path / "erste", tmp_path / "zweite", tmp_path / "woanders"
    for folder in (first / "gesperrt", second, elsewhere):
        folder.mkdir(parents=True)
    (first / "artikel.txt").write_text(article(0), encoding="utf-8")
    (first / "gesperrt" / "versteckt.txt").write_text(article(1), encoding="utf-8")
    (elsewhere / "fern.txt").write_text(article(2), encoding="utf-8")
    (first / "verlinkt").symlink_to(elsewhere, target_is_directory=True)
    (second / "artikel.txt").write_text(article(3), encoding="utf-8")
    (second / "anderes.txt").write_text(article(4), encoding="utf-8")
    (first / "gesperrt").chmod(0)
    db = tmp_path / "w.duckdb"
    command = [sys.executable, "-m", "presseschau.cli", "run", "--db", str(db)]
    try:
        finished = subprocess.run(
            [*AS_A_USER, *command, "--input", str(first), "--input", str(second)],
            cwd=REPO,
            env=run_env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        (first / "gesperrt").chmod(0o755)
    assert finished.returncode == 0, finished.stdout + finished.stderr

    with reader(db) as con:
        outcome = dict(
            con.execute("SELECT doc_id, coalesce(reject_reason, status) FROM clean.documents").fetchall()
        )
        quarantined = dict(con.execute("SELECT doc_id, check_name FROM ops.quarantine").fetchall())
        (seen,) = con.execute("SELECT inputs_seen FROM ops.runs").fetchone()
    clash = str(second / "artikel.txt")
    assert outcome == {
        "artikel.txt": "ok",
        "anderes.txt": "ok",
        "gesperrt/": "unreadable",
        "verlinkt": "symlink",
        clash: "name_clash",
    }
    assert quarantined == {doc_id: reason for doc_id, reason in outcome.items() if reason != "ok"}
    assert seen == len(outcome)


def test_a_file_of_another_folder_under_a_known_name_is_refused_not_made_a_new_version(
    tmp_path: Path,
) -> None:
    first, second, copy = tmp_path / "erste", tmp_path / "zweite", tmp_path / "kopie"
    for folder in (first, second, copy):
        folder.mkdir()
    (first / "artikel.txt").write_text(article(0), encoding="utf-8")
    (second / "artikel.txt").write_text(article(1), encoding="utf-8")
    (copy / "artikel.txt").write_text(article(0), encoding="utf-8")  # the same document, elsewhere
    db = tmp_path / "w.duckdb"
    run_pipeline([str(first)], str(db))
    run_pipeline([str(second)], str(db))
    run_pipeline([str(copy)], str(db))
    with reader(db) as con:
        documents = con.execute(
            "SELECT doc_id, version, coalesce(reject_reason, status), source_path FROM clean.documents"
        ).fetchall()
    assert sorted(documents) == [
        (str(second / "artikel.txt"), 1, "name_clash", str(second / "artikel.txt")),
        ("artikel.txt", 1, "ok", str(first / "artikel.txt")),
    ]


def test_deleted_and_renamed_inputs_are_kept_and_marked_gone(tmp_path: Path) -> None:
    inputs = tmp_path / "eingang"
    inputs.mkdir()
    for no in range(3):
        (inputs / f"artikel_{no}.txt").write_text(article(no), encoding="utf-8")
    time.sleep(SETTLE_NS / 1e9)
    db = tmp_path / "w.duckdb"
    run_pipeline([str(inputs)], str(db))

    removed = (inputs / "artikel_0.txt").read_bytes()
    (inputs / "artikel_0.txt").unlink()
    (inputs / "artikel_1.txt").rename(inputs / "umbenannt.txt")
    run_pipeline([str(inputs)], str(db))
    query = "SELECT doc_id, status, duplicate_of, gone_since IS NOT NULL, mentions > 0 FROM marts.documents"
    with reader(db) as con:
        documents = sorted(con.execute(query).fetchall())
    assert documents == [
        ("artikel_0.txt", "ok", None, True, True),
        ("artikel_1.txt", "duplicate", "umbenannt.txt", True, False),
        ("artikel_2.txt", "ok", None, False, True),
        ("umbenannt.txt", "ok", None, False, True),
    ], "a deleted file's article stays; a renamed file carries its article under the new name"

    (inputs / "artikel_0.txt").write_bytes(removed)
    time.sleep(SETTLE_NS / 1e9)
    built = db.stat().st_ino
    run_pipeline([str(inputs)], str(db))
    with reader(db) as con:
        back = con.execute("SELECT gone_since FROM marts.documents WHERE doc_id = 'artikel_0.txt'").fetchone()
    assert back == (None,), "a file that is there again is no longer gone"
    assert db.stat().st_ino == built, "nothing new to build: recorded in place"


def test_a_file_back_at_an_earlier_content_is_that_version_again(tmp_path: Path) -> None:
    inputs = tmp_path / "eingang"
    inputs.mkdir()
    page = inputs / "artikel.txt"
    db = tmp_path / "w.duckdb"
    for no in (0, 1, 0):  # edited, then the edit undone: the run used to fail on raw's key
        page.write_text(article(no), encoding="utf-8")
        run_pipeline([str(inputs)], str(db))
    with reader(db) as con:
        versions = con.execute("SELECT version FROM raw.documents ORDER BY version").fetchall()
        current = con.execute("SELECT version, status FROM clean.documents").fetchall()
        runs = con.execute("SELECT status, docs_loaded FROM ops.runs ORDER BY started_at").fetchall()
    assert versions == [(1,), (2,)] and current == [(1, "ok")]
    assert runs == [("completed", 1)] * 3
