"""The task runner is configuration: local processes by default, or a Dask cluster."""

from __future__ import annotations

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
