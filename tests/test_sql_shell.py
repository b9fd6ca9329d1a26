"""`presseschau sql` without a query: a read-only shell reading statements until end of input."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from presseschau.cli import app
from tests.signals import children_start_with_sigint

REPO = Path(__file__).resolve().parent.parent


def test_the_shell_runs_each_statement_and_survives_errors(sample_warehouse: Path) -> None:
    statements = (
        "SELECT count(*) AS n\n  FROM marts.documents;\n"
        "SELECT no_such_column FROM marts.documents;\n"
        "CREATE TABLE marts.scratch AS SELECT 1;\n"
        "SELECT 41 + 1 AS answer;\n"
    )
    result = CliRunner().invoke(
        app, ["sql", "--db", str(sample_warehouse), "--format", "csv"], input=statements
    )
    assert result.exit_code == 0, result.output
    assert "n\n5\n" in result.stdout, "a statement may span lines"
    assert "answer\n42\n" in result.stdout, "an error does not end the shell"
    assert result.output.count("Error") >= 2, "the bad query and the write are both refused"


def test_statements_of_only_comments_or_semicolons_are_skipped(sample_warehouse: Path) -> None:
    statements = "SELECT 1 AS a;\n;\n-- nur ein Kommentar\n;\n   ;\nSELECT 2 AS b"
    result = CliRunner().invoke(
        app, ["sql", "--db", str(sample_warehouse), "--format", "csv"], input=statements
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["a", "1", "b", "2"], "the last statement runs without its ';'"
    assert result.stderr == ""


def waits_for_input(pid: int) -> bool:
    """Whether process `pid` is blocked reading a pipe (Linux's /proc: its kernel wait channel),
    as the shell is once it has read everything it was given."""
    return "pipe" in Path(f"/proc/{pid}/wchan").read_text()


def wait_until(condition: Callable[[], bool], what: str, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.05)


def test_ctrl_c_drops_the_statement_or_cancels_the_query_and_the_shell_goes_on(
    sample_warehouse: Path,
) -> None:
    command = [sys.executable, "-m", "presseschau.cli", "sql", "--db", str(sample_warehouse)]
    command += ["--format", "csv"]
    with children_start_with_sigint(ignored=False):  # as a terminal starts it, Ctrl-C reaching it
        shell = subprocess.Popen(
            command,
            cwd=REPO,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    assert shell.stdin and shell.stdout
    try:
        shell.stdin.write(b"SELECT 1 AS a;\nSELECT 'verworfen' AS b\n")
        shell.stdin.flush()
        seen = b""
        while b"a\r\n1\r\n" not in seen:  # the first result is out; the shell waits for the ';'
            chunk = os.read(shell.stdout.fileno(), 1024)
            assert chunk, "the shell ended early"
            seen += chunk
        # Each Ctrl-C is sent once the shell is where it is meant to find it, not after a fixed
        # sleep: on a loaded machine the shell was still printing the first result.
        wait_until(lambda: waits_for_input(shell.pid), "the shell reads the half-typed statement")
        shell.send_signal(signal.SIGINT)  # Ctrl-C while a statement is half typed
        wait_until(lambda: waits_for_input(shell.pid), "the shell is back at its prompt")
        shell.stdin.write(b"SELECT sum(hash(range)) AS lang FROM range(100000000000);\n")
        shell.stdin.flush()
        wait_until(lambda: not waits_for_input(shell.pid), "the shell runs the query")
        time.sleep(0.5)
        shell.send_signal(signal.SIGINT)  # Ctrl-C while a query runs
        wait_until(lambda: waits_for_input(shell.pid), "the shell is back at its prompt")
        out, errors = shell.communicate(b";\nSELECT 3 AS c;\n", timeout=60)
    finally:
        shell.kill()
    assert shell.returncode == 0, errors
    assert (seen + out).decode().replace("\r\n", "\n") == "a\n1\nc\n3\n"
    assert errors.decode().splitlines() == ["error: query cancelled"]


def test_sql_reads_no_file_unless_allowed(sample_warehouse: Path, tmp_path: Path) -> None:
    note = tmp_path / "notiz.txt"
    note.write_text("Hallo", encoding="utf-8")
    query = f"SELECT content FROM read_text('{note}')"
    refused = CliRunner().invoke(app, ["sql", "--db", str(sample_warehouse), query])
    assert refused.exit_code == 1
    assert refused.stderr.splitlines() == [
        f'error: PermissionException: Permission Error: Cannot access file "{note}" - file system '
        "operations are disabled by configuration",
        "Queries read only the warehouse; --allow-files lets them read and write files.",
    ]
    allowed = CliRunner().invoke(
        app, ["sql", "--db", str(sample_warehouse), "--allow-files", "--format", "csv", query]
    )
    assert allowed.exit_code == 0, allowed.output
    assert allowed.stdout.splitlines() == ["content", "Hallo"]
