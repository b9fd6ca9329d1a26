"""Every contract names real columns, holds on a real warehouse and is printable by the CLI."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from presseschau.cli import app
from schemas import ops
from schemas.catalog import CONTRACTS
from schemas.contract import check
from warehouse.store import reader

# Contracts of frames the flow assembles rather than reads from one table or view.
DERIVED = {"core.quotes + core.entities"}


def test_every_contract_names_columns_that_exist(sample_warehouse: Path) -> None:
    with reader(sample_warehouse) as con:
        for table, model in CONTRACTS.items():
            if table in DERIVED:
                continue
            schema, name = table.split(".")
            existing = {
                column
                for (column,) in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ?",
                    [schema, name],
                ).fetchall()
            }
            assert existing, f"{table} does not exist"
            missing = set(model.to_schema().columns) - existing
            assert not missing, f"{model.__name__} names columns {table} lacks: {missing}"


def test_ops_tables_and_marts_of_a_real_run_meet_their_contracts(sample_warehouse: Path) -> None:
    with reader(sample_warehouse) as con:
        for table, model in CONTRACTS.items():
            if table.startswith(("ops.", "marts.")):
                failures = check(model, con.execute(f"SELECT * FROM {table}").df()).failures
                assert failures.empty, f"{table}: {failures.to_dict('records')[:3]}"
        steps = {step for (step,) in con.execute("SELECT DISTINCT step FROM ops.step_validations").fetchall()}
    assert steps == set(ops.STEPS) - {"fetch"}, "every step after fetching validates its output"


def test_schemas_command_prints_markdown_and_writes_yaml(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(app, ["schemas"])
    assert shown.exit_code == 0, shown.output
    for table in CONTRACTS:
        assert f"## `{table}`" in shown.output
    assert "published_between_1990_and_today" in shown.output

    target = tmp_path / "contracts.yaml"
    written = runner.invoke(app, ["schemas", "--format", "yaml", "--output", str(target)])
    assert written.exit_code == 0, written.output
    contracts = yaml.safe_load(target.read_text(encoding="utf-8"))["contracts"]
    assert [c["table"] for c in contracts] == list(CONTRACTS)
    mentions = next(c for c in contracts if c["table"] == "core.mentions")
    assert "surface_equals_body_span" in mentions["row_checks"]
    assert mentions["unique_together"] == ["doc_id", "mention_no"]


def test_dq_command_shows_the_latest_validations_and_quarantine(sample_warehouse: Path) -> None:
    shown = CliRunner().invoke(app, ["dq", "--db", str(sample_warehouse), "--format", "csv"])
    assert shown.exit_code == 0, shown.output
    assert "step,contract,rows in,rows out,quarantined,failure rate" in shown.output
    assert "clean,CleanDocuments,5,5,0,0.0" in shown.output
    assert "step,check,rows,documents,doc ids,example" in shown.output
