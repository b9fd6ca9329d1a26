"""The task runner is configuration: a real Dask cluster builds the same warehouse as the default."""

from __future__ import annotations

from pathlib import Path

import pytest
from distributed import LocalCluster

from flows.pipeline import run_pipeline
from tests.conftest import SAMPLES
from tests.flows.test_pipeline import snapshot


@pytest.mark.slow
def test_a_dask_cluster_builds_the_same_warehouse_as_the_default_runner(
    sample_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "dask.duckdb"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        monkeypatch.setenv("PRESSESCHAU_TASK_RUNNER", cluster.scheduler_address)
        run_pipeline([str(SAMPLES)], str(db))
        computed = {
            name: prefix.all_durations["compute"] for name, prefix in cluster.scheduler.task_prefixes.items()
        }
    assert computed.get("cleaned_batch", 0) > 0, "the cluster's workers cleaned the batches"
    assert computed.get("extracted_batch", 0) > 0, "the cluster's workers extracted the batches"
    assert snapshot(db) == snapshot(sample_warehouse)
