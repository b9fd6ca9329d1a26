"""The run's temporary Prefect server (`flows.api`): a real server process on a real port."""

from __future__ import annotations

import httpx
from pytest_httpserver import HTTPServer

from flows.api import TemporaryServer


def test_another_programs_answer_on_the_port_is_not_taken_for_the_server(httpserver: HTTPServer) -> None:
    # Another program took the port first and answers the health check: the server started
    # there exits, and one on another port serves the run.
    httpserver.expect_request("/api/health").respond_with_json(True)
    server = TemporaryServer(port=httpserver.port)
    try:
        server.wait_ready()
        assert server.port != httpserver.port
        assert httpx.get(f"{server.api_url}/health", timeout=5).status_code == 200
        assert server.process.poll() is None
    finally:
        server.stop()
    assert server.process.poll() is not None, "the stopped server still runs"
