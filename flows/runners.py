"""The task runner is configuration: local processes by default, or a Dask cluster."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from prefect.settings import (
    PREFECT_API_URL,
    PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
    temporary_settings,
)
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from presseschau.settings import Settings


def task_runner(settings: Settings) -> TaskRunner:
    """`task_runner = "local"` uses `workers` processes; anything else is a Dask scheduler address."""
    if settings.task_runner != "local":
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=settings.task_runner)
    if settings.workers > 1:
        return ProcessPoolTaskRunner(max_workers=settings.workers)
    return ThreadPoolTaskRunner(max_workers=1)


# Prefect waits 20 s for its temporary server by default; on a slow or busy two-core machine the
# server's first start (imports, database migrations) took longer, and the run failed before it began.
SERVER_START_TIMEOUT_S = 120


@contextmanager
def shared_api() -> Iterator[None]:
    """One Prefect API for the flow and every worker process of the run.

    Worker processes only inherit environment variables: without PREFECT_API_URL each one
    would start its own temporary server (seconds each, and ports can clash). So a server
    that is already configured is exported to them; otherwise one temporary server is
    started for the run and stopped after it.
    """
    configured = PREFECT_API_URL.value()
    if configured:
        with _environ(PREFECT_API_URL=configured):
            yield
        return
    # Imported here, not at the top: worker processes import the flow's modules to run its tasks,
    # and Prefect's server code would add about 80 MB to each of them.
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(
        timeout=max(SERVER_START_TIMEOUT_S, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
    )
    try:
        with (
            temporary_settings(updates={PREFECT_API_URL: server.api_url}),
            _environ(PREFECT_API_URL=server.api_url),
        ):
            yield
    finally:
        server.stop()


@contextmanager
def _environ(**values: str) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
