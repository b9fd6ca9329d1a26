"""The main flow as a scheduled deployment, served by a long-running process.

Two services run it: a Prefect server (`prefect server start`, whose scheduler creates
the runs) and `presseschau serve` (this module, which executes them). See
docs/scheduling.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from pathlib import Path
from typing import Any

from prefect import Flow
from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.client.schemas.schedules import CronSchedule
from prefect.runner import Runner
from prefect.settings import PREFECT_API_URL

from flows.pipeline import pipeline
from presseschau.settings import Settings

DEPLOYMENT_NAME = "scheduled"
# A failed run is retried as a whole: the warehouse is built on a copy and swapped in only
# on success, so a retry starts from the published state and never loads anything twice.
# Transient causes: the warehouse lock held by a manual run, a killed worker process, I/O.
RUN_RETRIES = 2
RETRY_DELAY_S = 60
# One run at a time: the warehouse has one writer. A run due while another is still going
# is cancelled rather than queued; the next one picks up everything new anyway.
ONE_AT_A_TIME = ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW)


class CannotServe(RuntimeError):
    """The configuration does not allow serving: no Prefect server, or an invalid schedule."""


def scheduled_flow() -> Flow[..., Any]:
    """The main flow with whole-run retries (it starts the configured task runner itself)."""
    return pipeline.with_options(retries=RUN_RETRIES, retry_delay_seconds=RETRY_DELAY_S)


def serve_scheduled(settings: Settings) -> None:
    """Register the deployment with the Prefect server and execute its runs until stopped."""
    try:
        CronSchedule(cron=settings.schedule_cron)
    except ValueError:
        raise CannotServe(
            f"schedule_cron {settings.schedule_cron!r} is not a cron expression; "
            'the default "*/30 * * * *" means every 30 minutes'
        ) from None
    if not PREFECT_API_URL.value():
        raise CannotServe(
            "PREFECT_API_URL is not set. Start the server with `prefect server start` and set "
            "PREFECT_API_URL=http://127.0.0.1:4200/api (see docs/scheduling.md)."
        )
    landing = Path(settings.landing_dir).resolve()
    landing.mkdir(parents=True, exist_ok=True)
    # What `Flow.serve` does, with a runner that stops on SIGTERM as on Ctrl-C (see below). The
    # runner runs this very flow object, so the retries of `scheduled_flow` apply.
    # `pause_on_shutdown=False` keeps the schedule active while this process is stopped; runs
    # resume when it restarts.
    runner = _Runner(name=DEPLOYMENT_NAME, pause_on_shutdown=False, limit=1)
    runner.add_flow(
        scheduled_flow(),
        name=DEPLOYMENT_NAME,
        cron=settings.schedule_cron,
        concurrency_limit=ONE_AT_A_TIME,
        parameters={"inputs": [str(landing)], "db": str(Path(settings.db_path).resolve())},
        description="Ingest new and changed files of the landing directory into the warehouse.",
    )
    print(
        f"Serving {pipeline.name}/{DEPLOYMENT_NAME} on {settings.schedule_cron!r} "
        f"({PREFECT_API_URL.value()}); stop with Ctrl-C or SIGTERM.",
        flush=True,
    )
    # SIGTERM stops the runner by way of Ctrl-C (see `_Runner`). A shell script's background job
    # starts with SIGINT ignored (POSIX), and then SIGTERM left serve hanging: take Ctrl-C back.
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    with contextlib.suppress(KeyboardInterrupt):  # the way to stop serving, not an error
        asyncio.run(runner.start())


class _Runner(Runner):
    """Prefect's runner handles SIGTERM by calling its `stop()` from inside the running event
    loop, where it only creates a coroutine that nothing awaits ("RuntimeWarning: coroutine
    'Runner.astop' was never awaited"), and exits at once. Raise SIGINT instead: the event loop
    cancels the runner, which shuts down as on Ctrl-C."""

    def handle_sigterm(self, *args: Any, **kwargs: Any) -> None:
        signal.raise_signal(signal.SIGINT)
