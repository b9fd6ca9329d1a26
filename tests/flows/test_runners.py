"""What the worker processes of a run carry: they import the flow's modules to run its tasks."""

from __future__ import annotations

import subprocess
import sys

from tests.flows.processes import REPO


def test_importing_the_flow_leaves_prefects_server_code_out() -> None:
    # The server is only started by the process that runs the flow; in each worker its code
    # would cost about 80 MB (issue 8: the run's processes share 2 GB).
    probe = "import sys, flows.pipeline; print('prefect.server.api.server' in sys.modules)"
    command = [sys.executable, "-c", probe]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "False"
