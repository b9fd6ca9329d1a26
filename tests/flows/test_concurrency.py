"""Two runs at once on one warehouse: the second waits its bounded time, then runs or says "busy".

Real `presseschau run` processes; DuckDB allows one writer, the warehouse lock serialises them.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.flows.processes import snapshot, start_run, wait_until_locked
from warehouse.store import reader


def test_a_second_run_waits_or_reports_busy_and_nothing_is_corrupted(
    corpus: Path, corpus_reference: tuple[list[object], list[object]], run_env: dict[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    first = start_run(corpus, db, run_env, tmp_path / "first.log")
    wait_until_locked(db, first)

    impatient = start_run(corpus, db, run_env, tmp_path / "impatient.log", lock_timeout_s="1")
    patient = start_run(corpus, db, run_env, tmp_path / "patient.log", lock_timeout_s="300")
    assert impatient.wait(timeout=120) == 1
    assert first.poll() is None, "the first run must still hold the warehouse for this test to mean anything"
    busy_message = (tmp_path / "impatient.log").read_text()
    assert busy_message.splitlines() == [
        f"error: warehouse busy: another run is writing {db} (waited 1 s). "
        "Wait for it to finish, or raise lock_timeout_s."
    ], "a busy warehouse is one clear line, not a stack trace"

    assert first.wait(timeout=300) == 0, (tmp_path / "first.log").read_text()
    assert patient.wait(timeout=300) == 0, (tmp_path / "patient.log").read_text()

    with reader(db) as con:
        runs = con.execute(
            "SELECT status, inputs_new, started_at, finished_at FROM ops.runs ORDER BY started_at"
        ).fetchall()
    documents = len(list(corpus.iterdir()))
    assert [(status, new) for status, new, _, _ in runs] == [("completed", documents), ("completed", 0)]
    assert runs[1][2] >= runs[0][3], "the waiting run started only after the first had finished"
    # Nothing was lost, doubled or mixed: the same as the two runs one after the other.
    state = snapshot(db)
    assert state == corpus_reference[1], [
        part == ref for part, ref in zip(state, corpus_reference[1], strict=True)
    ]


def test_of_two_runs_started_together_the_later_reports_busy_before_either_finishes(
    corpus: Path, run_env: dict[str, str], tmp_path: Path
) -> None:
    # Neither holds the lock when both start: the one that did not get it must say so after its
    # lock_timeout_s, in one line, instead of starting a flow run that fails with a traceback.
    db = tmp_path / "w.duckdb"
    runs = [start_run(corpus, db, run_env, tmp_path / f"run{n}.log", lock_timeout_s="2") for n in (1, 2)]
    deadline = time.monotonic() + 300
    while all(run.poll() is None for run in runs) and time.monotonic() < deadline:
        time.sleep(0.1)
    first_done = next(n for n, run in enumerate(runs) if run.poll() is not None)
    assert runs[1 - first_done].poll() is None, "the busy run ended while the other still worked"
    assert runs[1 - first_done].wait(timeout=300) == 0
    assert runs[first_done].returncode == 1
    output = (tmp_path / f"run{first_done + 1}.log").read_text()
    assert "warehouse busy" in output and "Traceback" not in output, output
    assert len(output.strip().splitlines()) <= 3, output
