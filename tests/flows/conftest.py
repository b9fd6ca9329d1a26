"""Fixtures for tests that run the pipeline as real processes on a generated corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.flows.processes import snapshot, write_corpus

CORPUS_SIZE = 200


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two hundred distinct articles: enough for a run to last seconds (read it only)."""
    return write_corpus(tmp_path_factory.mktemp("corpus") / "articles", CORPUS_SIZE, seed=5)


@pytest.fixture(scope="session")
def corpus_reference(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[object], list[object]]:
    """Snapshots after a clean, uninterrupted in-process run over the corpus, and after a rerun."""
    from flows.pipeline import run_pipeline

    db = tmp_path_factory.mktemp("reference") / "reference.duckdb"
    run_pipeline([str(corpus)], str(db))
    once = snapshot(db)
    run_pipeline([str(corpus)], str(db))
    return once, snapshot(db)


@pytest.fixture(scope="session")
def run_env() -> dict[str, str]:
    """Environment for `presseschau run` processes: this session's Prefect server, one worker."""
    import prefect.settings

    return {**os.environ, "PREFECT_API_URL": str(prefect.settings.PREFECT_API_URL.value())}
