"""Runs are atomic and idempotent.

A run killed with SIGKILL at any point leaves the warehouse as before the run or as after
it: real `presseschau run` processes on a few hundred documents are killed after random
delays; after each kill the published warehouse must equal either the state before the run
or a clean run's result, never something in between, and a normal run then completes it.
A rerun on unchanged input changes no query result.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from flows.pipeline import run_pipeline
from presseschau.cli import app
from tests.flows.processes import REPO, snapshot, start_run, wait_until_locked
from warehouse.store import working_path

KILLS = 3
FIRST_PART = 40


def test_killed_runs_leave_the_warehouse_before_or_after_never_between(
    corpus: Path, run_env: dict[str, str], tmp_path: Path
) -> None:
    # The state before: an earlier run loaded the first part of the corpus.
    first_part = tmp_path / "first_part"
    first_part.mkdir()
    for path in sorted(corpus.iterdir())[:FIRST_PART]:
        shutil.copy(path, first_part / path.name)
    before_db = tmp_path / "before.duckdb"
    run_pipeline([str(first_part)], str(before_db))
    before = snapshot(before_db)

    # The state after: a clean, uninterrupted run over the whole corpus on top of it.
    after_db = tmp_path / "after.duckdb"
    shutil.copy(before_db, after_db)
    started = time.monotonic()
    run_pipeline([str(corpus)], str(after_db))
    run_seconds = time.monotonic() - started
    after = snapshot(after_db)
    assert after != before

    db = tmp_path / "w.duckdb"
    shutil.copy(before_db, db)
    rng = random.Random(9)
    killed_mid_run = 0
    for kill in range(KILLS):
        process = start_run(corpus, db, run_env, tmp_path / f"kill{kill}.log")
        wait_until_locked(db, process)
        # Spread the kills over the whole run: early (copying), cleaning, extracting, publishing.
        time.sleep(run_seconds * (kill + rng.random()) / KILLS)
        finished = process.poll() is not None
        if not finished:
            killed_mid_run += 1
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        state = snapshot(db)
        assert state in (before, after), (
            f"{'the finished run' if finished else f'kill {kill}'} left the warehouse between before "
            f"and after; parts equal to before: {_equal_parts(state, before)}, "
            f"to after: {_equal_parts(state, after)}"
        )
        if state == after:  # the run finished before the kill: start over from before
            shutil.copy(before_db, db)
    assert killed_mid_run >= KILLS - 1, "most kills must hit a run that was still working"

    # The next run picks up everything the killed ones did not publish.
    run_pipeline([str(corpus)], str(db))
    assert snapshot(db) == after
    assert not working_path(db).exists(), "no working copy is left behind"


def _equal_parts(state: list[object], reference: list[object]) -> list[bool]:
    return [part == expected for part, expected in zip(state, reference, strict=True)]


def test_a_rerun_on_unchanged_input_changes_nothing(
    corpus_reference: tuple[list[object], list[object]],
) -> None:
    once, twice = corpus_reference
    assert twice == once


# Records a run in the published warehouse and dies between the commit and the close, as a run
# killed while it records itself in place (store.in_place) does.
_COMMIT_THEN_DIE = """
import os, sys
from warehouse import load, store
con = store.connect(sys.argv[1])
with store.transaction(con):
    load.start_run(con, load.RunIdentity("20250101T000000-0badc0de", None, "killed", "killed"))
os._exit(0)
"""


def test_a_commit_killed_before_its_close_survives_the_next_build(samples: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    run_pipeline([str(samples)], str(db))
    subprocess.run([sys.executable, "-c", _COMMIT_THEN_DIE, str(db)], cwd=REPO, check=True, timeout=60)
    assert Path(f"{db}.wal").exists(), "the killed process's commit is only in the write-ahead log"

    changed = sorted(samples.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nNeuer Absatz über Olaf Scholz.\n")
    run_pipeline([str(samples)], str(db))

    shown = CliRunner().invoke(
        app, ["sql", "--db", str(db), "--format", "csv", "SELECT run_id FROM ops.runs"]
    )
    assert shown.exit_code == 0, shown.output
    assert "20250101T000000-0badc0de" in shown.output, "the committed record was kept"
    assert not Path(f"{db}.wal").exists()
