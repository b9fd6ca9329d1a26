"""The read-only queries behind `presseschau run`'s summary and `presseschau dq`: what a run did,
what the warehouse holds, and how each contract's validation went. The CLI only prints them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb

from warehouse.sql import one_row

_RUN_COUNTS = """
SELECT
    (SELECT inputs_seen FROM ops.runs WHERE run_id = $run),
    (SELECT count(*) FROM raw.documents WHERE run_id = $run AND version = 1),
    (SELECT count(*) FROM raw.documents WHERE run_id = $run AND version > 1),
    -- cleaned again by a newer cleaning: the version it cleaned was stored by an earlier run
    (SELECT count(*) FROM clean.documents AS c JOIN raw.documents AS r USING (doc_id, version)
     WHERE c.run_id = $run AND r.run_id <> $run),
    (SELECT count(*) FROM clean.documents WHERE run_id = $run AND status = 'rejected'),
    (SELECT count(*) FROM clean.documents WHERE run_id = $run AND status = 'duplicate')
"""
_HOLDS = """
SELECT
    (SELECT count(*) FROM clean.documents WHERE status = 'ok'),
    (SELECT count(*) FROM core.entities),
    (SELECT count(*) FROM core.mentions),
    (SELECT count(*) FROM core.quotes),
    (SELECT count(*) FROM core.dates),
    (SELECT count(*) FROM core.amounts)
"""
_HOLDS_LABELS = ("documents", "entities", "mentions", "quotes", "dates", "amounts")
_STEP_VALIDATIONS = """
SELECT step, schema_name, rows_in, rows_quarantined FROM ops.step_validations
WHERE run_id = ? ORDER BY rows_quarantined DESC, step, schema_name
"""
# The latest run when no run id is given (`coalesce(… = NULL, true)`).
_RUN = """
SELECT run_id, status, started_at, message FROM ops.runs WHERE coalesce(run_id = ?, true)
ORDER BY started_at DESC, run_id DESC LIMIT 1
"""
_VALIDATIONS = """
SELECT step, schema_name, rows_in, rows_out, rows_quarantined, failure_rate FROM marts.dq
WHERE run_id = ? ORDER BY rows_quarantined DESC, step, schema_name
"""
_QUARANTINE = """
SELECT step, check_name, count(*) AS n, count(DISTINCT doc_id),
       string_agg(DISTINCT doc_id, ', ' ORDER BY doc_id), any_value(failure_case)
FROM ops.quarantine WHERE run_id = ? GROUP BY ALL ORDER BY n DESC, step, check_name
"""


@dataclass(frozen=True)
class RunSummary:
    """What one run did to its inputs, what the warehouse holds after it, and its validations."""

    inputs: list[tuple[str, int]]
    """(new | changed | cleaned again | unchanged | rejected | duplicates, files)"""
    holds: list[tuple[str, int]]
    """(documents | entities | mentions | quotes | dates | amounts, rows)"""
    validations: list[tuple[str, str, int, int]]
    """(step, contract, rows in, rows quarantined), the most quarantined first"""


def run_summary(con: duckdb.DuckDBPyConnection, run_id: str) -> RunSummary:
    seen, new, changed, recleaned, rejected, duplicates = (
        one_row(con, _RUN_COUNTS, {"run": run_id}) or (0,) * 6
    )
    inputs = [
        ("new", new),
        ("changed", changed),
        ("cleaned again", recleaned),
        ("unchanged", (seen or 0) - new - changed - recleaned),
        ("rejected", rejected),
        ("duplicates", duplicates),
    ]
    holds = list(zip(_HOLDS_LABELS, one_row(con, _HOLDS) or (), strict=True))
    return RunSummary(inputs, holds, con.execute(_STEP_VALIDATIONS, [run_id]).fetchall())


@dataclass(frozen=True)
class RunChecks:
    """A run's record and its contracts' validations, with its quarantined rows by check."""

    run_id: str
    status: str
    started_at: dt.datetime
    message: str | None
    validations: list[tuple[Any, ...]]
    """(step, contract, rows in, rows out, rows quarantined, failure rate)"""
    quarantine: list[tuple[Any, ...]]
    """(step, check, rows, documents, their ids, an example failure case)"""


def run_checks(con: duckdb.DuckDBPyConnection, run_id: str | None = None) -> RunChecks | None:
    """The checks of run `run_id` (default: the latest run); None when no such run is recorded."""
    run = one_row(con, _RUN, [run_id])
    if run is None:
        return None
    run_id, status, started_at, message = run
    return RunChecks(
        run_id,
        status,
        started_at,
        message,
        validations=con.execute(_VALIDATIONS, [run_id]).fetchall(),
        quarantine=con.execute(_QUARANTINE, [run_id]).fetchall(),
    )
