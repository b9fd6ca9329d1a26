"""What a run reads, and the record of a run that found nothing new: plain functions behind
the flow's first tasks, which `flows.runs` also calls before Prefect starts.

Every input a run is given ends as a document or a stated reason: files and folders it could
not read, links, and files whose name another input's file holds are refused when read
(`presseschau.sources`); documents whose file has gone from the inputs are marked, not removed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from flows import progress, steps
from presseschau.extract import VERSION as EXTRACTION_VERSION
from presseschau.sources import InputFile, claimed, contested, discover
from warehouse import load, store
from warehouse.sql import view_names


@dataclass(frozen=True)
class InputPlan:
    """A run's inputs against the published warehouse."""

    files: list[InputFile]
    """Every input found, each doc_id once."""
    to_read: list[InputFile]
    """The inputs whose file state differs from the one recorded when they were last read."""
    gone: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["doc_id", "source_path"]))
    """Documents (doc_id, source_path) whose input file the inputs no longer hold."""
    back: list[str] = field(default_factory=list)
    """Documents marked gone before whose file the inputs hold again."""


def plan_inputs(inputs: Sequence[str], db_path: str, settings_sha256: str, max_bytes: int) -> InputPlan:
    """List the inputs and compare them with the warehouse.

    Every input is read when there is no published warehouse yet, or when its last run used
    other settings, SQL or code: those can change what the same bytes become.
    """
    files = discover(inputs)
    if not Path(db_path).exists():
        return InputPlan(files, files)
    with store.reader(db_path) as con:
        read_from = load.input_paths(con, [f.doc_id for f in files])
        disputed = [f.doc_id for f in files if contested(f, read_from.get(f.doc_id))]
        contents = {doc_id: sha for doc_id, (sha, _) in load.known_contents(con, disputed).items()}
        files = claimed(files, read_from, contents, max_bytes)
        gone, back = load.gone_changes(con, [os.path.abspath(i) for i in inputs], [f.doc_id for f in files])
        if load.settings_of_last_run(con) != settings_sha256:
            return InputPlan(files, files, gone, back)
        unchanged = load.unchanged_inputs(con, steps.input_states(files))
    return InputPlan(files, [f for f in files if f.doc_id not in unchanged], gone, back)


def record_unchanged_run(
    db_path: str, run: load.RunIdentity, plan: InputPlan, max_bytes: int, counts: dict[str, int]
) -> list[str] | None:
    """Record a run that found nothing new in the published file itself; returns the mart views.

    The files to read are the ones whose state changed although they may hold the same bytes
    (copied, touched): they are read and hashed first. None when there is work after all (new
    content, other settings than the last run's, documents pending extraction, a gone or returned
    file that decides which of two equal documents counts) or when a reader holds the file open:
    the run then builds a working copy as usual.
    """
    changed = [*plan.gone["doc_id"], *plan.back]
    with progress.timed("ingest"):
        with store.reader(db_path) as con:
            if load.settings_of_last_run(con) != run.settings_sha256:
                return None
            if load.pending_extraction(con, EXTRACTION_VERSION):
                return None
            if changed and load.in_exact_duplicates(con, changed):
                return None
            known = load.known_contents(con, [f.doc_id for f in plan.to_read])
        if not steps.new_versions(steps.read_inputs(plan.to_read, max_bytes), known).empty:
            return None
    with store.in_place(db_path) as con:
        if con is None:
            return None
        load.store_input_states(con, run.run_id, steps.input_states(plan.to_read))
        load.store_gone(con, run.run_id, plan.gone, plan.back)
        load.start_run(con, run)
        load.finish_run(con, run.run_id, "completed", counts, None, progress.timings())
        return view_names(con)
