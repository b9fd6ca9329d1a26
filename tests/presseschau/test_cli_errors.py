"""An error is one line saying what happened, a hint, and a non-zero exit status; `--debug`
(or PRESSESCHAU_DEBUG=1) shows the traceback instead. The commands run for real."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presseschau.cli import app

REPO = Path(__file__).resolve().parents[2]


def invoke(*args: str) -> tuple[int, list[str], list[str]]:
    """Exit status, stdout lines and stderr lines of `presseschau ARGS` (at 80 columns)."""
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "80"})
    return result.exit_code, result.stdout.splitlines(), result.stderr.splitlines()


def command(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`presseschau ARGS` as its own process, as a person runs it."""
    return subprocess.run(
        [sys.executable, "-m", "presseschau.cli", *args],
        cwd=REPO,
        env={**os.environ, "COLUMNS": "80", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_missing_input_is_one_line_before_any_flow_starts(tmp_path: Path) -> None:
    ran = command("run", "--input", str(tmp_path / "nirgends"), "--db", str(tmp_path / "w.duckdb"))
    assert ran.returncode == 1
    assert ran.stdout == ""
    assert ran.stderr.splitlines() == [
        f"error: input {tmp_path / 'nirgends'} does not exist",
        "--input takes an article file or a folder of them; without it the samples are read.",
    ]
    assert not (tmp_path / "w.duckdb").exists()


def test_extract_names_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    hint = (
        "extract reads one article file (or - for standard input); "
        "`presseschau run --input FOLDER` loads a folder into the warehouse."
    )
    assert invoke("extract", str(tmp_path / "fehlt.txt")) == (
        1,
        [],
        [f"error: no file {tmp_path}/fehlt.txt", hint],
    )
    assert invoke("extract", str(tmp_path)) == (1, [], [f"error: {tmp_path} is a folder", hint])


def test_an_output_file_in_a_missing_folder_is_refused_before_the_work(
    sample_warehouse: Path, tmp_path: Path
) -> None:
    target = tmp_path / "fehlt" / "report.html"
    for args in (
        ["report", "--db", str(sample_warehouse)],
        ["export", "--db", str(sample_warehouse)],
        ["schemas"],
    ):
        status, out, errors = invoke(*args, "--output", str(target))
        assert (status, out) == (1, [])
        assert errors == [
            f"error: cannot write {target}: the folder {target.parent} does not exist",
            "Create the folder first, or give --output a path in an existing one.",
        ]


def test_a_missing_gold_file_is_a_usage_error(tmp_path: Path) -> None:
    status, out, errors = invoke("eval", "--gold", str(tmp_path / "gold.json"))
    assert (status, out) == (2, [])
    assert errors[0] == f"error: Invalid value for '--gold': file '{tmp_path}/gold.json' does not exist."
    assert re.fullmatch(r"Try '.* eval --help'\.", errors[1]) and len(errors) == 2


@pytest.mark.parametrize("statement", [";", " ", "-- nur ein Kommentar\n;"])
def test_a_query_without_a_statement_is_an_error(sample_warehouse: Path, statement: str) -> None:
    assert invoke("sql", "--db", str(sample_warehouse), "--", statement) == (
        1,
        [],
        [
            "error: the query holds no SQL statement (only blanks, comments or ';')",
            'Pass one, e.g. presseschau sql "SELECT * FROM marts.documents LIMIT 5".',
        ],
    )


def test_a_bad_query_and_a_missing_warehouse_are_one_line(sample_warehouse: Path, tmp_path: Path) -> None:
    status, out, errors = invoke("sql", "--db", str(sample_warehouse), "SELECT * FROM marts.nichts")
    assert (status, out) == (1, [])
    assert errors[0].startswith(
        "error: CatalogException: Catalog Error: Table with name nichts does not exist"
    )
    assert errors[1:] == ['Check the query; presseschau sql "SHOW ALL TABLES" lists what exists.']
    assert invoke("dq", "--db", str(tmp_path / "w.duckdb")) == (
        1,
        [],
        [f"error: no warehouse at {tmp_path}/w.duckdb: run `presseschau run` first to build one"],
    )


def test_an_unexpected_error_is_one_line_and_debug_shows_its_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.toml"
    broken.write_text("workers = 'zwei'\n", encoding="utf-8")  # not a number: a bug-like ValueError
    plain = command("dq", PRESSESCHAU_CONFIG=str(broken))
    assert plain.returncode == 1 and plain.stdout == ""
    assert plain.stderr.splitlines() == [
        "error: ValueError: invalid literal for int() with base 10: 'zwei'",
        "This looks like a bug: `presseschau --debug …` (or PRESSESCHAU_DEBUG=1) shows the traceback "
        "to report.",
    ]
    for debug in (
        command("--debug", "dq", PRESSESCHAU_CONFIG=str(broken)),
        command("dq", PRESSESCHAU_CONFIG=str(broken), PRESSESCHAU_DEBUG="1"),
    ):
        assert debug.returncode == 1
        assert "Traceback" in debug.stderr and "in load_settings" in debug.stderr
        assert "ValueError: invalid literal for int()" in debug.stderr


def test_help_reads_like_a_command_line_not_like_python_types() -> None:
    for name in ("", "run", "sql", "eval", "extract", "search", "bench", "schemas"):
        status, out, _ = invoke(*([name] if name else []), "--help")
        assert status == 0
        text = "\n".join(out)
        assert not re.search(r"<(bool|str|int|path|list\[\w+\])>", text), (
            f"`{name} --help` shows Python types"
        )
    _, run_help, _ = invoke("run", "--help")
    assert any(re.search(r"--input\s+-i\s+PATH\s+File or directory", line) for line in run_help)
    assert any(re.search(r"--help\s+Show this message and exit", line) for line in run_help)
    _, sql_help, _ = invoke("sql", "--help")
    assert any("[QUERY]" in line for line in sql_help)


def test_a_setting_that_was_replaced_is_one_line_naming_its_replacement(tmp_path: Path) -> None:
    ran = command("run", "--db", str(tmp_path / "w.duckdb"), PRESSESCHAU_FETCH_ALLOW_PRIVATE="true")
    assert ran.returncode == 1
    assert ran.stdout == ""
    [line] = ran.stderr.splitlines()
    assert line.startswith("error: fetch_allow_private") and "fetch_allow_networks" in line
    assert not (tmp_path / "w.duckdb").exists()
