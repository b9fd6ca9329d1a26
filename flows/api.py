"""The Prefect API of a run: a configured server, or a temporary one for this run alone.

The temporary server is Prefect's own app (`prefect.server.api.server:create_app`) under
uvicorn, as Prefect's ephemeral mode starts it, with two differences: it runs under
`flows.lifeline`, so it ends when the run's process dies, and it can be launched before
this process imports Prefect, so that the server's start (seconds of imports) and the
flow's imports overlap on two cores.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import psutil

# Prefect waits 20 s for its temporary server by default; on a slow or busy two-core machine the
# server's first start (imports, database migrations) took longer, and the run failed before it began.
SERVER_START_TIMEOUT_S = 120
# uvicorn exits with this status when its port was taken in the meantime; another port is tried.
_PORT_TAKEN = 3
# What Prefect sets for its own ephemeral server: no UI, no scheduler or other services.
_SERVER_ENVIRONMENT = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_EPHEMERAL": "1",
    "PREFECT__SERVER_FINAL": "1",
}


class TemporaryServer:
    """A Prefect API server in a child process of this one, on a free port of 127.0.0.1."""

    def __init__(self, port: int | None = None) -> None:
        self.port, self.process = self._launch(port)

    @staticmethod
    def _launch(port: int | None = None) -> tuple[int, subprocess.Popen[bytes]]:
        port = port or _free_port()
        return port, subprocess.Popen(
            [
                sys.executable,
                "-m",
                "flows.lifeline",
                str(os.getpid()),
                "-m",
                "uvicorn",
                "--factory",
                "prefect.server.api.server:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "error",
                "--lifespan",
                "on",
            ],
            env={"PREFECT_SERVER_ANALYTICS_ENABLED": "false", **os.environ, **_SERVER_ENVIRONMENT},
            stdin=subprocess.DEVNULL,
        )

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait_ready(self, timeout_s: float = SERVER_START_TIMEOUT_S) -> None:
        """Return once the API answers; start again on another port if this one was taken."""
        deadline = time.monotonic() + timeout_s
        with httpx.Client(timeout=5) as client:
            while time.monotonic() < deadline:
                if self.process.poll() == _PORT_TAKEN:
                    self.port, self.process = self._launch()
                elif self.process.poll() is not None:
                    raise RuntimeError(f"the temporary Prefect server exited ({self.process.returncode})")
                try:
                    if self._listening() and client.get(f"{self.api_url}/health").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the temporary Prefect server did not start within {timeout_s:g} s")

    def _listening(self) -> bool:
        """Whether this server's own process listens on its port. Until it does, an answer there
        comes from a program that took the port between `_free_port` and the bind (this server
        then exits with `_PORT_TAKEN`): a run that took that answer for its own used another
        run's server, and failed when that run stopped it."""
        try:
            connections = psutil.Process(self.process.pid).net_connections(kind="tcp4")
        except psutil.Error:
            return False
        return any(c.status == psutil.CONN_LISTEN and c.laddr.port == self.port for c in connections)

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def early_server() -> TemporaryServer | None:
    """A temporary server launched now, before Prefect is imported, unless an API is configured.

    Prefect's settings can only be read once it is imported; `shared_api` stops this server
    again if a Prefect profile turns out to name an API.
    """
    if os.environ.get("PREFECT_API_URL"):
        return None
    if "prefect" in sys.modules:
        from prefect.settings import PREFECT_API_URL

        if PREFECT_API_URL.value():
            return None
    return TemporaryServer()


@contextmanager
def shared_api(early: TemporaryServer | None = None) -> Iterator[None]:
    """One Prefect API for the flow and every worker process of the run.

    Worker processes only inherit environment variables: without PREFECT_API_URL each one
    would start its own temporary server (seconds each, and ports can clash). So a server
    that is already configured is exported to them; otherwise the temporary server (`early`,
    or one started now) serves the run and is stopped after it.
    """
    from prefect.settings import PREFECT_API_URL

    configured = PREFECT_API_URL.value()
    if configured:
        if early is not None:
            early.stop()
        with _environ(PREFECT_API_URL=configured):
            yield
        return
    server = early or TemporaryServer()
    try:
        server.wait_ready()
        with _process_api(server.api_url):
            try:
                yield
            finally:
                _flush_to_api()
    finally:
        server.stop()


def _flush_to_api(timeout_s: float = 5) -> None:
    """Send the logs and events Prefect still holds while the temporary server listens: sent
    later, each would fail with "Error logging to API" (a crashed run logs a lot at its end)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=timeout_s)
    EventsWorker.drain_all(timeout=timeout_s)


@contextmanager
def _process_api(url: str) -> Iterator[None]:
    """`url` as the API of every thread of this process, and of the processes it starts.

    Prefect's `temporary_settings` would set it for this thread's context only: the process
    pool's thread that forwards the workers' events then saw no API and started a second
    temporary server of Prefect's own (about 9 CPU-s of a 2,000-document run on two cores).
    The flow sends no heartbeats: they tell a lasting server that a run still lives, and this
    server ends with the run; stopping their thread cost each run up to a second.
    """
    from prefect.context import refresh_global_settings_context
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    try:
        with _environ(PREFECT_API_URL=url):
            refresh_global_settings_context()
            with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
                yield
    finally:
        refresh_global_settings_context()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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


if __name__ == "__main__":
    # `make` runs this once after installing: a server's first start migrates Prefect's database
    # and registers its block types, seconds that the first `make run` would otherwise wait for.
    prepared_server = TemporaryServer()
    prepared_server.wait_ready()
    prepared_server.stop()
