"""The main flow: article files → validated DuckDB warehouse.

Reads like a table of contents: discover → raw → clean → learned boilerplate →
duplicates → extract → registry → inferred dates → views. Pure batches go to the task runner
(processes or Dask) while the flow process, the only writer, stores finished batches;
the worker processes end before the corpus-wide steps. A run that finds no file
changed since the last run only records itself.
"""

from __future__ import annotations

import gc
import math
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
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
from flows.inputs import InputPlan
from flows.runners import parallel_workers, task_runner
from flows.runs import RunSummary, StepFailed, new_run
from flows.runs import run_pipeline as run_pipeline  # the entry point, kept where callers import it
from flows.tasks import (
    boilerplate_learned,
    cleaned_batch,
    core_facts,
    documents_pending_extraction,
    documents_to_extract,
    duplicates_marked,
    entity_registry,
    extracted_batch,
    inferred_dates,
    new_inputs,
    planned_inputs,
    published_views,
    stored_documents,
    unchanged_run_recorded,
)
from presseschau.settings import Settings, load_settings
from presseschau.sources import InputFile
from warehouse import load, store
from warehouse.sql import one_row

T = TypeVar("T")

_SMALLEST_BATCH_IN_PROCESS = 25


@flow(name="presseschau", log_prints=False)
def pipeline(inputs: list[str] | None = None, db: str | None = None) -> RunSummary:
    """Ingest, clean, extract, validate and publish every new or changed input."""
    settings = load_settings(inputs=inputs, db_path=db)
    run = new_run(settings, _flow_run_id())
    summary = RunSummary(run.run_id, settings.db_path)
    try:
        with store.locked(settings.db_path, settings.lock_timeout_s):
            progress.take_timings()
            with progress.timed("ingest"):
                inputs, fetch_problems = fetched_inputs(settings)
                plan = planned_inputs(inputs, settings.db_path, run.settings_sha256, settings.max_file_bytes)
            summary.counts.update(inputs_seen=len(plan.files), inputs_new=0, docs_loaded=0)
            if fetch_problems.empty and Path(settings.db_path).exists():
                views = unchanged_run_recorded(
                    settings.db_path, run, _unwalked(plan), settings.max_file_bytes, summary.counts
                )
                if views is not None:
                    summary.views, summary.seconds = views, progress.take_timings()
                    return summary
            with store.working_copy(settings.db_path) as work, _frozen_heap():
                _build(str(work), run, plan, fetch_problems, settings, summary)
    except store.WarehouseBusy:
        raise
    except BaseException as error:
        _record_failure(settings, run, error)
        raise
    return summary


def _build(
    db_path: str,
    run: load.RunIdentity,
    plan: InputPlan,
    fetch_problems: pd.DataFrame,
    settings: Settings,
    summary: RunSummary,
) -> None:
    """Every step of a run that has inputs to read, on the working copy."""
    run_id = run.run_id
    with store.connect(db_path) as con:
        load.start_run(con, run)
        load.store_quarantine(con, run_id, "fetch", fetch_problems)
        load.store_gone(con, run_id, plan.gone, plan.back)
    # The workers live while there are batches for them: the corpus-wide steps after extraction
    # then have the memory the worker processes held (about 500 MB each).
    with task_runner(settings, len(plan.to_read)) as workers:
        # Batches sized for the workers that run them: in this process, fewer and larger ones.
        batching = replace(settings, workers=parallel_workers(settings, len(plan.to_read)))
        _clean_new_inputs(plan.to_read, db_path, run_id, batching, summary.counts, workers)
        with progress.timed("load"):
            # Duplicates first, so that copies of one article do not count as a recurring
            # line; then again, because trimmed bodies may now be equal.
            duplicates_marked(db_path, settings.near_duplicate_threshold)
            summary.counts["boilerplate_trimmed"] = boilerplate_learned(db_path, run_id)
            duplicates_marked(db_path, settings.near_duplicate_threshold)
        store.set_memory_limit(db_path, store.EXTRACTION_MEMORY_LIMIT)
        _extract_pending(db_path, run_id, batching, summary.counts, workers)
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


def _unwalked(items: T) -> T:
    """`items` marked with Prefect's quote(): Prefect would otherwise walk every item of a task's
    arguments looking for futures to track, about 4 s per task call for 100,000 files (and
    1.5 ms per document when every batch's files and doc_ids were walked)."""
    return cast(T, quote(items))


def _batch_size(items: int, settings: Settings) -> int:
    """`batch_size`, but small enough that every worker gets a few batches of a small run.

    A run in this process has no second worker to keep busy: its batches only show progress,
    and each costs its tasks' calls to the Prefect API (about 0.1 s), more than a few documents.
    """
    workers = max(settings.workers, 1)
    smallest = 1 if workers > 1 else _SMALLEST_BATCH_IN_PROCESS
    return max(1, min(settings.batch_size, max(smallest, math.ceil(items / (4 * workers)))))


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
            store.locked(settings.db_path, settings.lock_timeout_s),
            store.recording(settings.db_path) as con,
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
