"""What a run reads, and the record of a run that found nothing new: plain functions behind
the flow's first tasks, which `flows.runs` also calls before Prefect starts.

Every input a run is given ends as a document or a stated reason: files and folders it could
not read, links, and files whose name another input's file holds are refused when read
(`presseschau.sources`); documents whose file has gone from the inputs are marked, not removed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from flows import progress
from presseschau.clean import VERSION as CLEANING_VERSION
from presseschau.extract import VERSION as EXTRACTION_VERSION
from presseschau.landing import sidecar_metadata
from presseschau.sources import InputFile, claimed, contested, discover, read_input
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
    other settings, SQL or code: those can change what the same bytes become. So is an input
    whose document another cleaning version made, whatever else the run knows. A warehouse
    built by code older than its input tables has nothing to compare with: its next build adds them.
    """
    files = discover(inputs)
    if not Path(db_path).exists():
        return InputPlan(files, files)
    with store.reader(db_path) as con:
        if not load.tracks_inputs(con):
            return InputPlan(files, files)
        read_from = load.input_paths(con, [f.doc_id for f in files])
        disputed = [f.doc_id for f in files if contested(f, read_from.get(f.doc_id))]
        contents = {doc_id: known.current for doc_id, known in load.known_contents(con, disputed).items()}
        files = claimed(files, read_from, contents, max_bytes)
        gone, back = load.gone_changes(con, [os.path.abspath(i) for i in inputs], [f.doc_id for f in files])
        if load.settings_of_last_run(con) != settings_sha256:
            return InputPlan(files, files, gone, back)
        unchanged = load.unchanged_inputs(con, input_states(files), CLEANING_VERSION)
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
        if not new_versions(read_inputs(plan.to_read, max_bytes), known).empty:
            return None
    with store.in_place(db_path) as con:
        if con is None:
            return None
        load.store_input_states(con, run.run_id, input_states(plan.to_read))
        load.store_gone(con, run.run_id, plan.gone, plan.back)
        load.start_run(con, run)
        load.finish_run(con, run.run_id, "completed", counts, None, progress.timings())
        return view_names(con)


def input_states(files: list[InputFile]) -> pd.DataFrame:
    """The files' states as ops.input_files rows (without run_id); files without one are left out."""
    return pd.DataFrame(
        [
            (f.doc_id, f.path, f.state.size_bytes, f.state.modified_ns, f.state.changed_ns, f.state.inode)
            for f in files
            if f.state is not None
        ],
        columns=["doc_id", "source_path", "size_bytes", "modified_ns", "changed_ns", "inode"],
    )


def read_inputs(files: list[InputFile], max_bytes: int) -> pd.DataFrame:
    """Read and hash each file (no decoding: that is CPU work for the clean step)."""
    rows = []
    for item in files:
        read = read_input(item, max_bytes)
        rejected = read.rejected
        rows.append(
            {
                "doc_id": item.doc_id,
                "source_path": item.path,
                "content_sha256": read.sha256,
                "size_bytes": read.size_bytes,
                "content": read.content,
                "reject_reason": rejected.reason if rejected else None,
                "reject_detail": rejected.detail if rejected else None,
                **_fetch_columns(item),
            }
        )
    return pd.DataFrame(rows, columns=list(_RAW_COLUMNS))


def new_versions(raw: pd.DataFrame, known: dict[str, load.KnownContent]) -> pd.DataFrame:
    """The inputs whose content is not their stored current version, or is but another cleaning
    version cleaned it, with its version number: the next one, or the number it had when a file
    comes back to an earlier content (or keeps it)."""
    unknown = load.KnownContent(None, 0, {})
    current = raw["doc_id"].map(lambda doc_id: _cleaned_content(known.get(doc_id, unknown)))
    new = raw[raw["content_sha256"] != current].copy()
    new["version"] = [
        (stored := known.get(doc_id, unknown)).versions.get(sha, stored.latest + 1)
        for doc_id, sha in zip(new["doc_id"], new["content_sha256"], strict=True)
    ]
    return new


def _cleaned_content(stored: load.KnownContent) -> str | None:
    """The content hash of the current version when this cleaning made its clean row."""
    return stored.current if stored.cleaned_by == CLEANING_VERSION else None


def _fetch_columns(item: InputFile) -> dict[str, object]:
    """URL, HTTP status, headers and fetch time of a fetched page (its sidecar); None for other files."""
    # Only fetched pages have a URL as doc_id (a relative path never contains "//").
    meta = (sidecar_metadata(item.path) if item.doc_id.startswith(("http://", "https://")) else None) or {}
    headers = meta.get("http_headers")
    return {
        "url": meta.get("url"),
        "http_status": meta.get("http_status"),
        "http_headers": json.dumps(headers, ensure_ascii=False) if headers else None,
        "fetched_at": _naive_utc(meta.get("fetched_at")),
    }


def _naive_utc(stamp: object) -> dt.datetime | None:
    """An ISO time stamp as naive UTC, as the warehouse stores times."""
    if not isinstance(stamp, str):
        return None
    try:
        return dt.datetime.fromisoformat(stamp).astimezone(dt.UTC).replace(tzinfo=None)
    except ValueError:
        return None


_RAW_COLUMNS = (
    "doc_id",
    "source_path",
    "content_sha256",
    "size_bytes",
    "content",
    "reject_reason",
    "reject_detail",
    "url",
    "http_status",
    "http_headers",
    "fetched_at",
)
