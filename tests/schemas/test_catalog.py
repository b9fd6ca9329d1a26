"""Every contract names real columns, holds on a real warehouse and is printable by the CLI."""

from __future__ import annotations

import re
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


def test_schemas_command_lists_every_table_and_view_and_writes_yaml(
    sample_warehouse: Path, tmp_path: Path
) -> None:
    with reader(sample_warehouse) as con:
        relations = [
            f"{schema}.{name}"
            for schema, name in con.execute(
                "SELECT schema_name, table_name FROM duckdb_tables() UNION ALL "
                "SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal ORDER BY ALL"
            ).fetchall()
        ]
    assert len([name for name in relations if name.startswith("marts.")]) >= 15
    runner = CliRunner()
    shown = runner.invoke(app, ["schemas"])
    assert shown.exit_code == 0, shown.output
    listed = re.findall(r"^## `([^`]+)` \((table|view|frame), ", shown.output, flags=re.MULTILINE)
    assert sorted(name for name, kind in listed if kind != "frame") == sorted(relations)
    for table in CONTRACTS:
        assert f"## `{table}`" in shown.output
    assert "published_between_1990_and_today" in shown.output
    assert "## `marts.cooccurrence` (view, no contract)" in shown.output
    assert (
        "| `doc_id` | VARCHAR | no | no | `str_length(1, None)` "
        "| input file name relative to its input root, or URL |" in shown.output
    ), "a table's columns carry the comments of its SQL file"

    target = tmp_path / "contracts.yaml"
    written = runner.invoke(app, ["schemas", "--format", "yaml", "--output", str(target)])
    assert written.exit_code == 0, written.output
    contracts = yaml.safe_load(target.read_text(encoding="utf-8"))["contracts"]
    assert [c["table"] for c in contracts] == [name for name, _ in listed]
    mentions = next(c for c in contracts if c["table"] == "core.mentions")
    assert "surface_equals_body_span" in mentions["row_checks"]
    assert mentions["unique_together"] == ["doc_id", "mention_no"]
    cooccurrence = next(c for c in contracts if c["table"] == "marts.cooccurrence")
    assert cooccurrence["contract"] is None and all(c["description"] for c in cooccurrence["columns"])


def test_dq_command_shows_the_latest_validations_and_quarantine(sample_warehouse: Path) -> None:
    shown = CliRunner().invoke(app, ["dq", "--db", str(sample_warehouse), "--format", "csv"])
    assert shown.exit_code == 0, shown.output
    assert "step,contract,rows in,rows out,quarantined,failure rate" in shown.output
    assert "clean,CleanDocuments,5,5,0,0.0" in shown.output
    assert "step,check,rows,documents,doc ids,example" in shown.output
