"""One run of the real flow in this process; the benchmark starts it as a child process.

    python -m benchmarks.flow_run DB_PATH RESULT_JSON INPUT [INPUT ...]

Writes the run's counts, the flow's own seconds per step (wall-clock in the flow process,
validation apart from loading), and Prefect's record of its task runs: seconds per task,
summed over the worker processes, read back while this process's Prefect server still runs.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from typing import Any

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

_PAGE = 200


def main() -> None:
    db, result_path, *inputs = sys.argv[1:]
    import duckdb

    from flows.pipeline import run_pipeline
    from warehouse.sql import one_row

    started = time.perf_counter()
    summary = run_pipeline(inputs, db)
    seconds = time.perf_counter() - started
    with duckdb.connect(db, read_only=True) as con:
        row = one_row(con, "SELECT flow_run_id FROM ops.runs WHERE run_id = ?", [summary.run_id])
    result = {
        "seconds": seconds,
        "counts": summary.counts,
        "steps": summary.seconds,
        "task_seconds": task_seconds(row[0]) if row and row[0] else {},
    }
    with open(result_path, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=2)


def task_seconds(flow_run_id: str) -> dict[str, float]:
    """Total run time of the flow run's tasks, by task name ("cleaned batch-3" → "cleaned batch")."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.client.schemas.sorting import TaskRunSort

    totals: dict[str, float] = defaultdict(float)
    flow_filter = FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))  # type: ignore[list-item]
    with get_client(sync_client=True) as client:
        offset = 0
        while page := client.read_task_runs(
            flow_run_filter=flow_filter, sort=TaskRunSort.ID_DESC, limit=_PAGE, offset=offset
        ):
            for run in page:
                totals[run.name.rsplit("-", 1)[0]] += _run_seconds(run)
            offset += len(page)
    return {name: round(seconds, 3) for name, seconds in sorted(totals.items())}


def _run_seconds(run: Any) -> float:
    if run.start_time and run.end_time:
        return float((run.end_time - run.start_time).total_seconds())
    return float(run.total_run_time.total_seconds())


if __name__ == "__main__":
    main()
