"""What the processes of a run carry: the flow's process, and the workers, which import the flow's
modules to run its tasks."""

from __future__ import annotations

import subprocess
import sys

from tests.flows.processes import REPO


def imported_by_the_flow(module: str) -> bool:
    probe = f"import sys, flows.pipeline; print({module!r} in sys.modules)"
    command = [sys.executable, "-c", probe]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=True)
    return result.stdout.strip() == "True"


def test_importing_the_flow_leaves_prefects_server_code_out() -> None:
    # The server is only started by the process that runs the flow; in each worker its code
    # would cost about 80 MB (issue 8: the run's processes share 2 GB).
    assert not imported_by_the_flow("prefect.server.api.server")


def test_importing_the_flow_leaves_the_minhash_library_out() -> None:
    # datasketch imports scipy: 65 MB and a second of start-up, which only the processes that
    # clean documents need (the flow's process computes no signature).
    assert not imported_by_the_flow("datasketch")
