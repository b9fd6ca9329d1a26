"""Session-wide fixtures: one Prefect test server, one warehouse built from the samples."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# Nothing reads the run logs of the test server. Sending them starts Prefect's log worker inside
# whichever run logs first, and the worker keeps that run's context until exit: a failed run's
# exception with every frame it passed through (nanobind then reports their DuckDB objects as leaked).
os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
# One process per run keeps the many small test runs fast; the sample warehouse uses two.
os.environ.setdefault("PRESSESCHAU_WORKERS", "1")

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "data" / "samples"
GOLD = REPO / "tests" / "gold" / "seeds.json"
# The development corpus: evaluation data read where it lies, never copied into the repository.
CORPUS = Path(os.environ.get("PRESSESCHAU_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture(scope="session", autouse=True)
def prefect_server() -> Iterator[None]:
    """A temporary Prefect API for the whole session (it costs seconds to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """`../shared/corpus` (or `$PRESSESCHAU_CORPUS`): its pages, gold and annotated quotes."""
    if not (CORPUS / "gold.json").is_file():
        pytest.skip(f"the development corpus is not at {CORPUS}: set PRESSESCHAU_CORPUS to its folder")
    return CORPUS


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    """A private copy of the sample articles that a test may change."""
    target = tmp_path / "samples"
    shutil.copytree(SAMPLES, target)
    return target


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse built from the samples by the real flow, once per session (read it only)."""
    from flows.pipeline import run_pipeline

    db = tmp_path_factory.mktemp("warehouse") / "presseschau.duckdb"
    # The parallel path, as large runs take it: two worker processes, whatever the run's size.
    parallel = {"PRESSESCHAU_WORKERS": "2", "PRESSESCHAU_POOL_MIN_DOCUMENTS": "1"}
    saved = {key: os.environ.get(key) for key in parallel}
    os.environ.update(parallel)
    try:
        run_pipeline([str(SAMPLES)], str(db))
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key)
            else:
                os.environ[key] = value
    return db


@pytest.fixture(scope="session")
def sample_records(sample_warehouse: Path) -> list[dict[str, Any]]:
    """The sample warehouse in the export contract."""
    from warehouse.export import export_records
    from warehouse.store import reader

    with reader(sample_warehouse) as con:
        return list(export_records(con))
