"""The task runner is configuration and work: local processes for large batches, or a Dask cluster."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from contextlib import contextmanager

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.lifeline import end_with_parent
from presseschau.settings import Settings


@contextmanager
def task_runner(settings: Settings, documents: int) -> Iterator[TaskRunner]:
    """The run's task runner, started for the block.

    `task_runner = "local"` runs the run's `documents` in this process, or on `workers`
    processes when there are at least `pool_min_documents` of them: starting a pool costs
    seconds (each worker imports the cleaning and extraction code and loads its data), more
    than a few documents take here. Anything else is a Dask scheduler address.

    When the block fails or is stopped (SIGTERM, Ctrl-C), the worker processes are ended at
    once: the runner would otherwise wait for their running batches, whose results no one stores.
    """
    runner: TaskRunner
    if settings.task_runner != "local":
        from prefect_dask import DaskTaskRunner

        runner = DaskTaskRunner(address=settings.task_runner)
    elif parallel_workers(settings, documents) > 1:
        runner = ProcessPoolTaskRunner(
            max_workers=settings.workers, initializer=end_with_parent, initargs=(os.getpid(),)
        )
    else:
        runner = ThreadPoolTaskRunner(max_workers=1)
    with runner:
        try:
            yield runner
        except BaseException:
            for worker in multiprocessing.active_children():
                worker.terminate()
            raise


def parallel_workers(settings: Settings, documents: int) -> int:
    """How many batches of a run of `documents` run at once: 1 when they run in this process."""
    if settings.task_runner == "local" and documents < settings.pool_min_documents:
        return 1
    return max(settings.workers, 1)
