"""The scheduled deployment on a real Prefect server: served, triggered through the API, incremental.

Starts `prefect server start` (own PREFECT_HOME, loopback port) and `presseschau serve` as
subprocesses, triggers runs with `run_deployment`, and stops both at the end. No mocks.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import cast
from uuid import UUID

import httpx
import pytest
from prefect import get_client
from prefect.client.schemas.objects import FlowRun, StateType
from prefect.deployments import run_deployment
from prefect.exceptions import ObjectNotFound
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows.serve import DEPLOYMENT_NAME, RUN_RETRIES, CannotServe, serve_scheduled
from presseschau.settings import load_settings
from tests.signals import children_start_with_sigint
from warehouse.store import reader

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
DEPLOYMENT = f"presseschau/{DEPLOYMENT_NAME}"
NEVER_DUE = "0 0 1 1 *"  # the test triggers its runs itself; the schedule must not fire meanwhile


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.exists() else ""


class Service:
    """`python -m MODULE ARG …` in its own process group, so that it and every child it spawns can
    be stopped; under `flows.lifeline`, so that it ends with the test session even when that is
    killed outright (a server started directly kept its port and database open)."""

    def __init__(self, module: str, args: list[str], env: dict[str, str], log: Path, cwd: Path) -> None:
        self.log = log
        command = [sys.executable, "-m", "flows.lifeline", str(os.getpid()), "-m", module, *args]
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )

    def stop(self, sig: signal.Signals) -> list[str]:
        """Send `sig` and wait; returns what of its process group outlived it (then killed)."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:  # as long as a loaded machine needs to end a run and Prefect's runner (> 20 s seen)
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        leftovers = _group_members(self.process.pid)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        return leftovers


def _group_members(pgid: int) -> list[str]:
    """Live processes of a process group, waiting up to 5 s for exiting ones to finish."""
    deadline = time.monotonic() + 5
    while True:
        listing = subprocess.run(
            ["ps", "-e", "-o", "pgid=,stat=,args="], capture_output=True, text=True, check=True
        ).stdout.splitlines()
        members = [line for line in listing if line.split()[0] == str(pgid) and line.split()[1][0] != "Z"]
        if not members or time.monotonic() > deadline:
            return members
        time.sleep(0.2)


def prefect_env(tmp_path: Path, api_url: str | None) -> dict[str, str]:
    """This environment without Prefect settings of the test session, plus a private Prefect home."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(tmp_path / "prefect-home"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_UI_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
        PRESSESCHAU_WORKERS="1",
    )
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


@pytest.fixture
def prefect_server(tmp_path: Path) -> Iterator[str]:
    """A real Prefect server on a free loopback port; yields its API URL."""
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    server = Service(
        "prefect",
        ["server", "start", "--host", "127.0.0.1", "--port", str(port)],
        prefect_env(tmp_path, None),
        tmp_path / "server.log",
        tmp_path,
    )
    try:
        deadline = time.monotonic() + 60
        while not _healthy(api_url):
            assert server.process.poll() is None, f"prefect server exited:\n{tail(server.log)}"
            assert time.monotonic() < deadline, f"prefect server did not start:\n{tail(server.log)}"
            time.sleep(0.3)
        yield api_url
    finally:
        leftovers = server.stop(signal.SIGTERM)
    assert leftovers == [], "the Prefect server left processes behind"


def _healthy(api_url: str) -> bool:
    try:
        return httpx.get(f"{api_url}/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def wait_for_deployment(api_url: str, serve: Service) -> None:
    deadline = time.monotonic() + 45
    with temporary_settings({PREFECT_API_URL: api_url}), get_client(sync_client=True) as client:
        while True:
            try:
                client.read_deployment_by_name(DEPLOYMENT)
                return
            except ObjectNotFound:
                assert serve.process.poll() is None, f"serve exited:\n{tail(serve.log)}"
                assert time.monotonic() < deadline, f"deployment never registered:\n{tail(serve.log)}"
                time.sleep(0.3)


def triggered_run(api_url: str, serve: Service) -> FlowRun:
    """Create a run of the deployment through the API and wait until it is final (fail fast)."""
    with temporary_settings({PREFECT_API_URL: api_url}):
        # timeout=0: return at once with the created run; waiting here lets the test fail fast.
        created = cast(FlowRun, run_deployment(DEPLOYMENT, timeout=0))
        flow_run_id: UUID = created.id
        deadline = time.monotonic() + 60
        with get_client(sync_client=True) as client:
            while True:
                flow_run = client.read_flow_run(flow_run_id)
                state = flow_run.state
                assert state is not None
                if state.is_final() or state.name == "AwaitingRetry":
                    assert state.type == StateType.COMPLETED, f"{state!r}\n{tail(serve.log)}"
                    return flow_run
                assert time.monotonic() < deadline, f"run still {state.name}:\n{tail(serve.log)}"
                time.sleep(0.3)


def test_serving_needs_a_prefect_server_and_a_valid_schedule(tmp_path: Path) -> None:
    landing = str(tmp_path / "landing")
    with pytest.raises(CannotServe, match="not a cron expression"):
        serve_scheduled(load_settings(landing_dir=landing, schedule_cron="every day"))
    with temporary_settings(restore_defaults={PREFECT_API_URL}), pytest.raises(CannotServe, match="API_URL"):
        serve_scheduled(load_settings(landing_dir=landing))


@pytest.mark.slow
def test_served_deployment_runs_on_demand_and_picks_up_new_files(prefect_server: str, tmp_path: Path) -> None:
    landing, db = tmp_path / "landing", tmp_path / "warehouse.duckdb"
    landing.mkdir()
    samples = sorted(SAMPLES.iterdir())
    for sample in samples[:2]:
        shutil.copy(sample, landing)
    command = ["serve", "--cron", NEVER_DUE, "--landing", str(landing), "--db", str(db)]
    # Started as a shell script's background job is, with Ctrl-C ignored: SIGTERM must stop it
    # all the same (serve stops by way of Ctrl-C, and once hung on this).
    with children_start_with_sigint(ignored=True):
        serve = Service(
            "presseschau.cli",
            command,
            prefect_env(tmp_path, prefect_server),
            tmp_path / "serve.log",
            tmp_path,
        )
    try:
        wait_for_deployment(prefect_server, serve)
        with temporary_settings({PREFECT_API_URL: prefect_server}), get_client(sync_client=True) as client:
            deployment = client.read_deployment_by_name(DEPLOYMENT)
        assert [s.schedule.cron for s in deployment.schedules] == [NEVER_DUE]  # type: ignore[union-attr]
        assert deployment.global_concurrency_limit is not None
        assert deployment.global_concurrency_limit.limit == 1
        assert deployment.parameters == {"inputs": [str(landing.resolve())], "db": str(db.resolve())}

        first = triggered_run(prefect_server, serve)
        assert first.empirical_policy.retries == RUN_RETRIES
        with reader(db) as con:
            docs = con.execute("SELECT doc_id, status FROM clean.documents ORDER BY 1").fetchall()
            runs = con.execute("SELECT flow_run_id, status, inputs_new FROM ops.runs").fetchall()
        assert docs == [(s.name, "ok") for s in samples[:2]]
        assert runs == [(str(first.id), "completed", 2)]

        shutil.copy(samples[2], landing)
        second = triggered_run(prefect_server, serve)
        with reader(db) as con:
            docs = con.execute("SELECT doc_id, status FROM clean.documents ORDER BY 1").fetchall()
            raw = con.execute("SELECT doc_id, version FROM raw.documents ORDER BY 1").fetchall()
            runs = con.execute(
                "SELECT flow_run_id, inputs_seen, inputs_new FROM ops.runs ORDER BY started_at"
            ).fetchall()
        assert docs == [(s.name, "ok") for s in samples[:3]]
        assert raw == [(s.name, 1) for s in samples[:3]], "each file was stored once"
        assert runs == [(str(first.id), 2, 2), (str(second.id), 3, 1)], "only the new file was processed"
    finally:
        leftovers = serve.stop(signal.SIGTERM)  # how service managers stop it
    assert leftovers == [], "serve left processes behind"
    shown = tail(serve.log)
    assert serve.process.returncode == 0, shown
    assert "never awaited" not in shown and "Traceback" not in shown, shown
    with temporary_settings({PREFECT_API_URL: prefect_server}), get_client(sync_client=True) as client:
        assert not client.read_deployment_by_name(DEPLOYMENT).paused, (
            "stopping serve must not pause the schedule"
        )
