"""No process outlives its run: real `presseschau run` processes with their own temporary Prefect
server and two worker processes, killed with SIGKILL or stopped with SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from tests.conftest import SAMPLES
from tests.flows.processes import start_run
from warehouse.store import working_path

# A dead parent's children notice within flows.lifeline.POLL_S; this allows for a loaded machine.
ENDED_WITHIN_S = 10


@pytest.fixture
def run_with_children(corpus: Path, tmp_path: Path) -> Iterator[tuple[psutil.Process, Path]]:
    """A run on the corpus with its own server (no PREFECT_API_URL) and a pool of two workers,
    returned once all three children are up; whatever is left is ended afterwards, by pid."""
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    db = tmp_path / "w.duckdb"
    process = start_run(corpus, db, env, tmp_path / "run.log", workers="2", pool_min_documents="1")
    flow = psutil.Process(process.pid)
    seen: dict[int, psutil.Process] = {}
    deadline = time.monotonic() + 180
    while (roles := list(_roles(flow, seen).values())).count("worker") < 2 or "server" not in roles:
        assert process.poll() is None, (tmp_path / "run.log").read_text()
        assert time.monotonic() < deadline, f"the run never started its children: {roles}"
        time.sleep(0.2)
    try:
        yield flow, db
    finally:
        for child in [flow, *seen.values()]:
            if child.is_running():
                child.kill()
        process.wait(timeout=30)


def _roles(flow: psutil.Process, seen: dict[int, psutil.Process]) -> dict[int, str]:
    """The run's server and worker processes running now, by pid (every child is remembered in
    `seen` as it appears: the flow may be gone before its children)."""
    try:
        for child in flow.children(recursive=True):
            seen.setdefault(child.pid, child)
    except psutil.NoSuchProcess:
        pass
    roles = {}
    for pid, child in seen.items():
        try:
            command = " ".join(child.cmdline())
        except psutil.Error:
            continue
        if "uvicorn" in command:
            # The run's own server starts under flows.lifeline; Prefect's ephemeral one does not.
            roles[pid] = "server" if "flows.lifeline" in command else "prefect server"
        elif "multiprocessing" in command and "resource_tracker" not in command:
            roles[pid] = "worker"
    return roles


def _alive(processes: list[psutil.Process]) -> list[str]:
    alive = []
    for process in processes:
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                alive.append(" ".join(process.cmdline())[:120])
        except psutil.NoSuchProcess:
            continue
    return alive


def _wait_until_ended(processes: list[psutil.Process]) -> list[str]:
    deadline = time.monotonic() + ENDED_WITHIN_S
    while (alive := _alive(processes)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return alive


def test_children_end_when_the_run_is_killed(run_with_children: tuple[psutil.Process, Path]) -> None:
    flow, _ = run_with_children
    children = flow.children(recursive=True)
    os.kill(flow.pid, signal.SIGKILL)
    assert _wait_until_ended(children) == [], "processes outlived their killed run"


def test_sigterm_stops_the_run_and_its_server(run_with_children: tuple[psutil.Process, Path]) -> None:
    flow, db = run_with_children
    children = flow.children(recursive=True)
    ports = [
        connection.laddr.port
        for child in children
        for connection in child.net_connections(kind="tcp4")
        if connection.status == psutil.CONN_LISTEN
    ]
    assert ports, "the run's temporary server listens"
    flow.send_signal(signal.SIGTERM)
    assert _wait_until_ended([flow, *children]) == [], "the run or its children kept running"
    for port in ports:
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still listens"
    assert not working_path(db).exists(), "the stopped run removed its working copy"


def test_a_pooled_run_has_one_server_for_the_flow_and_its_workers(tmp_path: Path) -> None:
    # The pool forwards its workers' events from a thread of its own: when that thread saw no
    # API, Prefect started a second temporary server there (9 CPU-s of a 2,000-document run).
    # Servers are counted while they run side by side: one whose port another program took
    # before it bound it exits, and the run starts the next on another port.
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    log = tmp_path / "run.log"
    process = start_run(SAMPLES, tmp_path / "w.duckdb", env, log, workers="2", pool_min_documents="1")
    flow = psutil.Process(process.pid)
    seen: dict[int, psutil.Process] = {}
    others: dict[int, str] = {}
    most_servers = 0
    while process.poll() is None:
        running = _roles(flow, seen)
        most_servers = max(most_servers, list(running.values()).count("server"))
        others.update((pid, role) for pid, role in running.items() if role != "server")
        time.sleep(0.05)
    assert process.returncode == 0, log.read_text()
    # No server of Prefect's own at any time (one started after the run's stopped would be).
    assert (most_servers, sorted(others.values())) == (1, ["worker", "worker"])
