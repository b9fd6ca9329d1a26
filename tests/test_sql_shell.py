"""`presseschau sql` without a query: a read-only shell reading statements until end of input."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from presseschau.cli import app


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
