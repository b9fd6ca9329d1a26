"""Running the flow for a person at a terminal: a progress display and a quiet shutdown."""

from __future__ import annotations

import logging

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from flows import progress
from flows.pipeline import RunSummary, run_pipeline


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
        if step not in ids:
            ids[step] = bars.add_task(step, total=total)
        bars.update(ids[step], completed=done, total=total)

    unsubscribe = progress.subscribe(show)
    try:
        with bars:
            return run_pipeline(inputs, db)
    finally:
        unsubscribe()


def _quiet_prefect_shutdown() -> None:
    """Prefect's temporary server logs event-flush errors and CancelledError while it stops.

    They say nothing about the run (its result is already stored), and a user would
    read them as a failure, so these two loggers only speak up for critical errors.
    """
    for name in ("prefect.events.clients", "prefect._internal.concurrency"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
