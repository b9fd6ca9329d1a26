"""Fetching the configured sources into the landing directory: a Prefect task and flow.

The main flow calls `fetched_inputs` first, so a run with `sources` configured
ingests what it just fetched; `presseschau fetch URLS_FILE` runs the `fetch` flow alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from pathlib import Path

import pandas as pd
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NONE

from presseschau.fetch import FAILED, REFUSED, FetchPolicy, FetchResult, fetch_urls, read_url_list
from presseschau.settings import Settings, load_settings
from presseschau.url_safety import AllowList


def fetch_policy(settings: Settings) -> FetchPolicy:
    return FetchPolicy(
        user_agent=settings.fetch_user_agent,
        content_types=settings.fetch_content_types,
        timeout_s=settings.fetch_timeout_s,
        max_bytes=settings.fetch_max_bytes,
        retries=settings.fetch_retries,
        backoff_s=settings.fetch_backoff_s,
        max_redirects=settings.fetch_max_redirects,
        per_host=settings.fetch_per_host,
        concurrency=settings.fetch_concurrency,
        allowed=AllowList.parse(settings.fetch_allow_networks),
        feed_max_items=settings.fetch_feed_max_items,
    )


# Per-URL retries happen inside the fetcher (with backoff, per attempt); retrying the whole
# task would only repeat URLs that already ended with a reason.
@task(name="fetched pages", cache_policy=NONE)
def fetched_pages(urls_file: str, landing_dir: str, policy: FetchPolicy) -> list[FetchResult]:
    """Fetch every URL of the file into the landing directory; each ends landed or with a reason."""
    path = Path(urls_file)
    if not path.is_file():
        raise FileNotFoundError(f"sources file {path} does not exist: list one URL per line in it")
    results = fetch_urls(read_url_list(path.read_text(encoding="utf-8")), landing_dir, policy)
    counts = Counter(result.outcome for result in results)
    get_run_logger().info("fetched %s into %s", dict(counts), landing_dir)
    problems = [asdict(result) for result in results if result.outcome in (REFUSED, FAILED)]
    if problems:
        create_table_artifact(
            problems, key="fetch-problems", description=f"URLs of {urls_file} that did not land"
        )
    return results


@flow(name="presseschau-fetch", log_prints=False)
def fetch(urls_file: str, landing_dir: str | None = None) -> list[FetchResult]:
    """Fetch the URLs (and RSS/Atom feeds) listed in `urls_file` into the landing directory."""
    settings = load_settings(landing_dir=landing_dir)
    return fetched_pages(urls_file, settings.landing_dir, fetch_policy(settings))


def fetched_inputs(settings: Settings) -> tuple[list[str], pd.DataFrame]:
    """The run's inputs and the URLs that did not land (as quarantine rows, with their reasons).

    With `sources` configured, fetch them first and ingest the landing directory too.
    """
    if not settings.sources:
        return list(settings.inputs), _problems([])
    results = fetched_pages(settings.sources, settings.landing_dir, fetch_policy(settings))
    inputs = list(dict.fromkeys(str(Path(p).resolve()) for p in (*settings.inputs, settings.landing_dir)))
    return inputs, _problems(results)


def _problems(results: list[FetchResult]) -> pd.DataFrame:
    failed = [r for r in results if r.outcome in (REFUSED, FAILED)]
    return pd.DataFrame(
        {
            "doc_id": [r.url for r in failed],
            "check_name": [f"fetch_{r.outcome}" for r in failed],
            "failure_case": [r.reason for r in failed],
            "column_name": [None] * len(failed),
            "value": [None if r.http_status is None else str(r.http_status) for r in failed],
        }
    )
