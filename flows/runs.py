"""Starting a run: the lock, the run's identity, a quick path when nothing is new, the Prefect
API, and for a person at a terminal a progress display and a quiet shutdown.

Prefect is imported only once there is work: a run that finds nothing new records itself in
about a second, where starting Prefect's server alone takes several.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import subprocess
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from flows import progress
from flows.api import early_server, shared_api
from flows.lifeline import stopped_by_signals
from presseschau import __version__
from presseschau.settings import Settings, load_settings
from presseschau.sources import discover
from warehouse import load, store
from warehouse.sql import sql_sha256

if TYPE_CHECKING:
    from presseschau.fetch import FetchResult

T = TypeVar("T")


class StepFailed(RuntimeError):
    """Too many rows of a step failed their contract: the run stops instead of loading them."""


@dataclass
class RunSummary:
    run_id: str
    db_path: str
    counts: dict[str, int] = field(default_factory=dict)
    views: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    """Time per step: ingest, clean, extract, load, validate, views (exclusive)."""


def run_pipeline(inputs: list[str] | None = None, db: str | None = None) -> RunSummary:
    """Run the main flow once, as `presseschau run` does.

    The warehouse lock comes first, so a busy warehouse is reported (`store.WarehouseBusy`)
    after `lock_timeout_s` and before anything else starts. A run that finds nothing new is
    recorded without Prefect; any other runs the flow with one Prefect API for it and its
    worker processes. SIGTERM stops it like Ctrl-C, and no process of it outlives it.
    """
    settings = load_settings(inputs=inputs, db_path=db)
    with stopped_by_signals(), store.locked(settings.db_path, settings.lock_timeout_s):
        summary, to_read = _recorded_if_unchanged(settings)
        if summary is not None:
            return summary

        def prepared() -> Callable[[], RunSummary]:
            from flows.pipeline import pipeline
            from flows.runners import parallel_workers

            documents = to_read if to_read is not None else len(discover(settings.inputs))
            if not settings.sources and parallel_workers(settings, documents) == 1:
                _warm_up()
            return lambda: pipeline(inputs=inputs, db=db)

        return _with_api(prepared)


def fetch_pages(urls_file: str, landing_dir: str | None = None) -> list[FetchResult]:
    """Run the fetch flow once, as `presseschau fetch` does (Prefect API and signals as a run)."""

    def prepared() -> Callable[[], list[FetchResult]]:
        from flows.fetch import fetch

        return lambda: fetch(urls_file, landing_dir)

    with stopped_by_signals():
        return _with_api(prepared)


def _with_api(prepared: Callable[[], Callable[[], T]]) -> T:
    """Run a flow with one Prefect API for the run. The temporary server is launched first;
    `prepared()` imports Prefect and the flow (and readies what the run needs) while it starts,
    on the other core, and returns the call that runs the flow once the API answers."""
    early = early_server()
    try:
        flow_run = prepared()
        with shared_api(early):
            return flow_run()
    finally:
        if early is not None:
            early.stop()


# A short article in three formats: cleaning and extracting it loads what the text package and
# the contracts read on first use (parsers, the language model, gazetteers, word lists, schemas).
_WARM_UP_TEXT = (
    "Berlin. Bundeskanzler Olaf Scholz hat am Montag in Berlin den französischen Präsidenten "
    "Emmanuel Macron getroffen. „Wir müssen gemeinsam handeln“, sagte Scholz nach dem Gespräch. "
    "Die Bundesregierung stellt dafür 2,5 Milliarden Euro bereit."
)
_WARM_UP_PAGES = {
    "text": _WARM_UP_TEXT,
    "markdown": f"# Treffen in Berlin\n\n**Berlin** – {_WARM_UP_TEXT}\n",
    "html": f"<html><head><title>Treffen</title></head><body><p>{_WARM_UP_TEXT}</p></body></html>",
}


def _warm_up() -> None:
    """Clean and extract a short article here while the Prefect server starts: a run that cleans
    in this process would otherwise spend its first batch's first 2 s loading the same."""
    from presseschau.clean import clean_document
    from presseschau.extract import extract
    from schemas.catalog import CONTRACTS

    for fmt, text in _WARM_UP_PAGES.items():
        extract(clean_document(text, fmt).body, published=None, language="de")
    for contract in CONTRACTS.values():
        contract.to_schema()


def _recorded_if_unchanged(settings: Settings) -> tuple[RunSummary | None, int | None]:
    """The summary of a run that found nothing new, recorded without Prefect; else None and the
    number of inputs to read (None when not known yet: no warehouse, or pages to fetch first)."""
    if settings.sources or not Path(settings.db_path).exists():
        return None, None
    from flows.inputs import plan_inputs, record_unchanged_run  # not needed by a first run

    progress.take_timings()
    run = new_run(settings, None)
    summary = RunSummary(run.run_id, settings.db_path)
    with progress.timed("ingest"):
        plan = plan_inputs(settings.inputs, settings.db_path, run.settings_sha256, settings.max_file_bytes)
    summary.counts.update(inputs_seen=len(plan.files), inputs_new=0, docs_loaded=0)
    views = record_unchanged_run(settings.db_path, run, plan, settings.max_file_bytes, summary.counts)
    if views is None:
        return None, len(plan.to_read)
    summary.views, summary.seconds = views, progress.take_timings()
    return summary, None


def new_run(settings: Settings, flow_run_id: str | None) -> load.RunIdentity:
    """A run's identity: a new id (sortable by start time), its flow run and what it depends on."""
    code_version = _code_version()
    return load.RunIdentity(
        f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}",
        flow_run_id,
        code_version,
        _settings_sha256(settings, code_version),
    )


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


def run_with_progress(inputs: list[str] | None, db: str | None, console: Console) -> RunSummary:
    """Run the pipeline, drawing one progress bar per step on `console`."""
    _quiet_prefect_shutdown()
    bars = Progress(
        TextColumn("{task.description:>8}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )
    ids: dict[str, TaskID] = {}

    def show(step: str, done: int, total: int) -> None:
        # The bars appear with the first step: a run refused before it (warehouse busy)
        # leaves no empty progress line above its one-line error.
        if not ids:
            bars.start()
        if step not in ids:
            ids[step] = bars.add_task(step, total=total)
        bars.update(ids[step], completed=done, total=total)

    unsubscribe = progress.subscribe(show)
    try:
        return run_pipeline(inputs, db)
    finally:
        unsubscribe()
        if ids:
            bars.stop()


def _quiet_prefect_shutdown() -> None:
    """Prefect's temporary server logs event-flush errors and CancelledError while it stops.

    They say nothing about the run (its result is already stored), and a user would
    read them as a failure, so these two loggers only speak up for critical errors.
    """
    for name in ("prefect.events.clients", "prefect._internal.concurrency"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
