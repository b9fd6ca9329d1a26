"""A step whose rows mostly fail their contract stops the run loudly; the failure is recorded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.pipeline import run_pipeline
from flows.runs import StepFailed
from presseschau.cli import app
from tests.flows.processes import sample_paragraphs, snapshot, start_run
from warehouse.store import reader

PARAGRAPHS = sample_paragraphs()


def _dated(day: str, no: int) -> bytes:
    """A distinct markdown article whose front matter states `day` as its publication date."""
    body = "\n\n".join(PARAGRAPHS[(2 * no) % len(PARAGRAPHS) :][:2])
    return f"---\ntitle: Meldung {no}\ndate: {day}\n---\n\n# Meldung {no}\n\n{body}\n".encode()


def test_a_step_over_the_failure_threshold_fails_the_run_and_publishes_nothing(tmp_path: Path) -> None:
    earlier = tmp_path / "frueher"
    earlier.mkdir()
    (earlier / "alt.md").write_bytes(_dated("2024-05-01", 5))
    db = tmp_path / "w.duckdb"
    run_pipeline([str(earlier)], str(db))
    before = snapshot(db)

    inputs = tmp_path / "meist kaputt"
    inputs.mkdir()
    for no in range(3):  # stated dates before 1990 and in the future break the clean contract
        (inputs / f"datiert_{no}.md").write_bytes(_dated(("1950-03-01", "2190-01-01", "1989-12-31")[no], no))
    (inputs / "gut.md").write_bytes(_dated("2025-02-13", 9))

    with pytest.raises(StepFailed) as failure:
        run_pipeline([str(inputs)], str(db))
    message = str(failure.value)
    assert "step 'clean' rejected 3 of 4 rows against CleanDocuments" in message
    assert "max_failure_rate=0.5" in message and "published_between_1990_and_today ×3" in message

    assert snapshot(db) == before, "nothing of the failed run was published"
    with reader(db) as con:
        runs = con.execute("SELECT status, message FROM ops.runs ORDER BY started_at").fetchall()
    assert [status for status, _ in runs] == ["completed", "failed"]
    assert runs[1][1].startswith("StepFailed: step 'clean' rejected 3 of 4 rows")

    shown = CliRunner().invoke(app, ["dq", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert re.search(r"run \S+: failed", shown.output) and "StepFailed" in shown.output


def test_below_the_threshold_bad_rows_are_quarantined_and_the_rest_loaded(tmp_path: Path) -> None:
    inputs = tmp_path / "wenig kaputt"
    inputs.mkdir()
    (inputs / "zukunft.md").write_bytes(_dated("2190-01-01", 0))
    for no in range(1, 4):
        (inputs / f"gut_{no}.md").write_bytes(_dated(f"2025-02-1{no}", no))
    db = tmp_path / "w.duckdb"
    run_pipeline([str(inputs)], str(db))
    with reader(db) as con:
        docs = dict(
            con.execute("SELECT doc_id, coalesce(reject_reason, status) FROM clean.documents").fetchall()
        )
        quarantined = con.execute(
            "SELECT doc_id, step, check_name, column_name, value FROM ops.quarantine ORDER BY ALL"
        ).fetchall()
        validation = con.execute(
            "SELECT rows_in, rows_out, rows_quarantined FROM ops.step_validations "
            "WHERE schema_name = 'CleanDocuments'"
        ).fetchall()
    assert docs == {"zukunft.md": "failed_contract", "gut_1.md": "ok", "gut_2.md": "ok", "gut_3.md": "ok"}
    assert (
        "zukunft.md",
        "clean",
        "published_between_1990_and_today",
        "published",
        "2190-01-01",
    ) in quarantined
    assert validation == [(4, 3, 1)]


def test_a_failed_run_is_one_line_for_the_person_who_started_it(
    run_env: dict[str, str], tmp_path: Path
) -> None:
    inputs = tmp_path / "kaputt"
    inputs.mkdir()
    (inputs / "datiert.md").write_bytes(_dated("1950-03-01", 1))
    log = tmp_path / "run.log"
    process = start_run(inputs, tmp_path / "w.duckdb", run_env, log)
    assert process.wait(timeout=300) == 1
    shown = log.read_text()
    beside_progress_bars = [line for line in shown.splitlines() if "━" not in line]
    assert beside_progress_bars == [
        "error: step 'clean' rejected 1 of 1 rows against CleanDocuments, more than max_failure_rate=0.5 "
        "(failed checks: published_between_1990_and_today ×1); nothing of this run was published. "
        "Fix the input or raise the threshold."
    ], shown  # before: Prefect's ERROR log with its traceback, and "nanobind: leaked …" at exit
