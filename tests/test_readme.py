"""Every program the README tells a reader to run is installed by `make run` (or is make itself)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = REPO / ".venv" / "bin"


def commands() -> set[str]:
    """The programs the README runs: first words of its sh blocks and of inline commands."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL)
    lines = [line for block in blocks for line in block.splitlines() if line.strip()]
    inline = re.findall(r"`([a-z][\w-]* (?:-|[\w./\"])[^`]*)`", text)
    return {line.split()[0] for line in lines + inline}


def test_every_program_the_readme_runs_is_installed() -> None:
    found = commands()
    assert {"make", "presseschau", "prefect"} <= found
    path = os.pathsep.join([str(VENV_BIN), os.environ.get("PATH", "")])
    missing = sorted(program for program in found if shutil.which(program, path=path) is None)
    assert missing == [], f"the README runs programs that nothing installs: {missing}"
