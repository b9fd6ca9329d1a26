"""The main flow: article files → validated DuckDB warehouse.

Reads like a table of contents: discover → raw → clean → learned boilerplate →
duplicates → extract → registry → inferred dates → views. Pure batches go to the task runner
(processes or Dask) while the flow process, the only writer, stores finished batches;
the worker processes end before the corpus-wide steps. A run that finds no file
changed since the last run only records itself.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import math
import subprocess
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar, cast

import pandas as pd
from prefect import flow, runtime
from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner
from prefect.utilities.annotations import quote

from flows import progress
from flows.fetch import fetched_inputs
from flows.runners import shared_api, task_runner
from flows.tasks import (
    StepFailed,
    boilerplate_learned,
    cleaned_batch,
    core_facts,
    discovered_inputs,
    documents_pending_extraction,
    documents_to_extract,
    duplicates_marked,
    entity_registry,
    extracted_batch,
    inferred_dates,
    inputs_to_read,
    new_inputs,
    published_views,
    stored_documents,
    unchanged_run_recorded,
)
from presseschau import __version__
from presseschau.settings import Settings, load_settings
from presseschau.sources import InputFile
from warehouse import load, store
from warehouse.sql import one_row, sql_sha256

T = TypeVar("T")


@dataclass
class RunSummary:
    run_id: str
    db_path: str
    counts: dict[str, int] = field(default_factory=dict)
    views: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    """Time per step: ingest, clean, extract, load, validate, views (exclusive)."""


@flow(name="presseschau", log_prints=False)
def pipeline(inputs: list[str] | None = None, db: str | None = None) -> RunSummary:
    """Ingest, clean, extract, validate and publish every new or changed input."""
    settings = load_settings(inputs=inputs, db_path=db)
    code_version = _code_version()
    run = load.RunIdentity(
        f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}",
        _flow_run_id(),
        code_version,
        _settings_sha256(settings, code_version),
    )
    summary = RunSummary(run.run_id, settings.db_path)
    try:
        with store.locked(settings.db_path, settings.lock_timeout_s):
            progress.take_timings()
            with progress.timed("ingest"):
                inputs, fetch_problems = fetched_inputs(settings)
                files = discovered_inputs(inputs)
                to_read = inputs_to_read(_unwalked(files), settings.db_path, run.settings_sha256)
            summary.counts.update(inputs_seen=len(files), inputs_new=0, docs_loaded=0)
            if fetch_problems.empty and Path(settings.db_path).exists():
                views = unchanged_run_recorded(
                    settings.db_path, run, _unwalked(to_read), settings.max_file_bytes, summary.counts
                )
                if views is not None:
                    summary.views, summary.seconds = views, progress.take_timings()
                    return summary
            with store.working_copy(settings.db_path) as work, _frozen_heap():
                _build(str(work), run, to_read, fetch_problems, settings, summary)
    except store.WarehouseBusy:
        raise
    except BaseException as error:
        _record_failure(settings, run, error)
        raise
    return summary


def _build(
    db_path: str,
    run: load.RunIdentity,
    to_read: list[InputFile],
    fetch_problems: pd.DataFrame,
    settings: Settings,
    summary: RunSummary,
) -> None:
    """Every step of a run that has inputs to read, on the working copy."""
    run_id = run.run_id
    with store.connect(db_path) as con:
        load.start_run(con, run)
        load.store_quarantine(con, run_id, "fetch", fetch_problems)
    # The workers live while there are batches for them: the corpus-wide steps after extraction
    # then have the memory the worker processes held (about 500 MB each).
    with task_runner(settings) as workers:
        _clean_new_inputs(to_read, db_path, run_id, settings, summary.counts, workers)
        with progress.timed("load"):
            # Duplicates first, so that copies of one article do not count as a recurring
            # line; then again, because trimmed bodies may now be equal.
            duplicates_marked(db_path, settings.near_duplicate_threshold)
            summary.counts["boilerplate_trimmed"] = boilerplate_learned(db_path, run_id)
            duplicates_marked(db_path, settings.near_duplicate_threshold)
        store.set_memory_limit(db_path, store.EXTRACTION_MEMORY_LIMIT)
        _extract_pending(db_path, run_id, settings, summary.counts, workers)
    store.set_memory_limit(db_path, store.ALONE_MEMORY_LIMIT)
    with progress.timed("load"):
        summary.counts["entities"] = entity_registry(db_path, run_id, settings.aliases_path)
        summary.counts["dates_inferred"] = inferred_dates(db_path, run_id)
    with progress.timed("views"):
        summary.views = published_views(db_path, run_id)
    summary.seconds = progress.take_timings()
    _finish(db_path, run_id, settings, summary)


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Leave what is alive now (modules, Prefect's machinery) out of the garbage collector's
    full collections for the block, so that the one after each stored batch costs little."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _clean_new_inputs(
    files: list[InputFile],
    db_path: str,
    run_id: str,
    settings: Settings,
    counts: dict[str, int],
    workers: TaskRunner[Any],
) -> None:
    """raw → clean, batch by batch: read in this process, clean on the task runner, store here."""
    track = progress.step("clean", len(files))

    def store(future: PrefectFuture[Any]) -> None:
        with progress.timed("clean"):
            documents = future.result()
        with progress.timed("load"):
            counts["docs_loaded"] += stored_documents(documents, db_path, run_id)
        track(len(documents.clean))

    def submit(batch: list) -> PrefectFuture[Any] | None:
        with progress.timed("ingest"):
            raw: pd.DataFrame = new_inputs(_unwalked(batch), db_path, settings.max_file_bytes, run_id)
        counts["inputs_new"] += len(raw)
        track(len(batch) - len(raw))
        if raw.empty:
            return None
        return workers.submit(
            cleaned_batch, {"raw": raw, "max_body_chars": settings.max_body_chars, "run_id": run_id}
        )

    _pipelined(_batched(files, _batch_size(len(files), settings)), submit, store, settings.workers)


def _extract_pending(
    db_path: str, run_id: str, settings: Settings, counts: dict[str, int], workers: TaskRunner[Any]
) -> None:
    """clean → core for every document whose facts are missing or stale, a batch at a time."""
    with progress.timed("load"):
        pending: list[str] = documents_pending_extraction(db_path)
    counts["docs_extracted"] = len(pending)
    track = progress.step("extract", len(pending))
    in_flight: deque[pd.DataFrame] = deque()

    def submit(doc_ids: list[str]) -> PrefectFuture[Any]:
        with progress.timed("load"):
            docs: pd.DataFrame = documents_to_extract(db_path, _unwalked(doc_ids))
        in_flight.append(docs)
        return workers.submit(extracted_batch, {"docs": docs, "run_id": run_id})

    def store(future: PrefectFuture[Any]) -> None:
        docs = in_flight.popleft()
        with progress.timed("extract"):
            facts = future.result()
        with progress.timed("load"):
            core_facts(facts, docs, db_path, run_id)
        track(len(docs))

    _pipelined(_batched(pending, _batch_size(len(pending), settings)), submit, store, settings.workers)


def _unwalked(items: list[T]) -> list[T]:
    """`items` marked with Prefect's quote(): Prefect would otherwise walk every item of a task's
    arguments looking for futures to track, about 4 s per task call for 100,000 files (and
    1.5 ms per document when every batch's files and doc_ids were walked)."""
    return cast(list[T], quote(items))


def _batch_size(items: int, settings: Settings) -> int:
    """`batch_size`, but small enough that every worker gets a few batches of a small run."""
    return max(1, min(settings.batch_size, math.ceil(items / (4 * max(settings.workers, 1)))))


def _pipelined(
    batches: Iterator[T],
    submit: Callable[[T], PrefectFuture[Any] | None],
    store: Callable[[PrefectFuture[Any]], None],
    workers: int,
) -> None:
    """Keep up to `workers` batches running while finished ones are stored in order."""
    running: deque[PrefectFuture[Any]] = deque()

    def store_next() -> None:
        store(running.popleft())
        # A stored batch's frames stay reachable through reference cycles (Prefect's futures and
        # their callbacks, pandas' caches) until a full collection, which Python runs rarely in a
        # process with this many long-lived objects: without it, memory grows with the corpus.
        gc.collect()

    for batch in batches:
        future = submit(batch)
        if future is not None:
            running.append(future)
        while len(running) > max(workers, 1):
            store_next()
    while running:
        store_next()


def _finish(db_path: str, run_id: str, settings: Settings, summary: RunSummary) -> None:
    counts = summary.counts
    with store.connect(db_path) as con:
        (counts["docs_rejected"],) = one_row(
            con, "SELECT count(*) FROM clean.documents WHERE status = 'rejected' AND run_id = ?", [run_id]
        ) or (0,)
        too_many = con.execute(
            "SELECT step, schema_name, rows_in, rows_quarantined FROM ops.step_validations "
            "WHERE run_id = ? AND rows_in > 0 AND rows_quarantined / rows_in > ? ORDER BY ALL",
            [run_id, settings.max_failure_rate],
        ).fetchall()
        if too_many:
            step, schema, rows_in, bad = too_many[0]
            # The run's quarantine is discarded with it, so the message names the failed checks.
            checks = con.execute(
                "SELECT check_name, count(*) FROM ops.quarantine WHERE run_id = ? AND step = ? "
                "GROUP BY ALL ORDER BY 2 DESC, 1 LIMIT 3",
                [run_id, step],
            ).fetchall()
            raise StepFailed(
                f"step {step!r} rejected {bad} of {rows_in} rows against {schema}, more than "
                f"max_failure_rate={settings.max_failure_rate:g} (failed checks: "
                + ", ".join(f"{name} ×{n}" for name, n in checks)
                + "); nothing of this run was published. Fix the input or raise the threshold."
            )
        load.finish_run(con, run_id, "completed", counts, None, summary.seconds)


def _record_failure(settings: Settings, run: load.RunIdentity, error: BaseException) -> None:
    """The failed run's work was discarded; record in the published warehouse that it failed."""
    try:
        with (
            store.writer(settings.db_path, settings.lock_timeout_s) as work,
            store.connect(work) as con,
        ):
            load.start_run(con, run)
            load.finish_run(con, run.run_id, "failed", {}, f"{type(error).__name__}: {error}"[:2000])
    except Exception:  # recording is best effort; the original error is what the user must see
        pass


def _batched(items: Sequence[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _flow_run_id() -> str | None:
    run = runtime.flow_run.id
    return str(run) if run else None


def _settings_sha256(settings: Settings, code_version: str) -> str:
    """What the warehouse depends on besides the inputs: the settings that decide what a file
    becomes, the alias file, the SQL and the code. A run with another hash reads every input."""
    aliases = Path(settings.aliases_path) if settings.aliases_path else None
    shaping = [settings.max_file_bytes, settings.max_body_chars, settings.near_duplicate_threshold]
    digest = hashlib.sha256(json.dumps([shaping, code_version, __version__, sql_sha256()]).encode())
    digest.update(aliases.read_bytes() if aliases and aliases.is_file() else b"")
    return digest.hexdigest()


def _code_version() -> str:
    try:
        described = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent,
            timeout=5,
        )
        return described.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def run_pipeline(inputs: list[str] | None = None, db: str | None = None) -> RunSummary:
    """Run the flow with one Prefect API for it and its worker processes."""
    with shared_api():
        return pipeline(inputs=inputs, db=db)
