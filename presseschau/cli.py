"""`presseschau`: a thin command-line shell over the flows, the warehouse and the text package."""

from __future__ import annotations

import os

# Set before Prefect is imported anywhere: no network, and no INFO chatter for users.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

import csv
import io
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from presseschau.settings import load_settings

app = typer.Typer(
    help="Presseschau: German news articles → a validated DuckDB warehouse.", no_args_is_help=True
)
console = Console()
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Warehouse file (default from settings).")]
FormatOption = Annotated[str, typer.Option("--format", help="table | csv | json | markdown")]


@app.command()
def run(
    inputs: Annotated[
        list[str] | None, typer.Option("--input", "-i", help="File or directory to ingest (repeatable).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Run the main flow on the inputs (default: the bundled sample articles) and print a summary."""
    from flows.runs import run_with_progress

    summary = run_with_progress(inputs or None, db, console)
    _print_rows(*_summary_rows(summary.db_path), "table", title=f"Run {summary.run_id}")


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run against the published warehouse (read-only).")],
    db: DbOption = None,
    output_format: FormatOption = "table",
) -> None:
    """Run a read-only SQL query and print the result."""
    from warehouse.store import reader

    with _warehouse_errors(), reader(_db(db)) as con:
        cursor = con.execute(query)
        columns = [d[0] for d in cursor.description or []]
        rows = cursor.fetchall()
    _print_rows(columns, rows, output_format)


@app.command()
def export(
    db: DbOption = None,
    output_format: Annotated[str, typer.Option("--format", help="jsonl (one document per line)")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")
    ] = None,
) -> None:
    """Export every document in the export contract, one JSON object per line."""
    from warehouse.export import export_records, to_json_line
    from warehouse.store import reader

    if output_format != "jsonl":
        raise typer.BadParameter("only jsonl is supported", param_hint="--format")
    with _warehouse_errors(), reader(_db(db)) as con:
        handle = output.open("w", encoding="utf-8") if output else sys.stdout
        try:
            for record in export_records(con):
                handle.write(to_json_line(record) + "\n")
        finally:
            if output:
                handle.close()


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold file in the format of tests/gold/seeds.json.")],
    db: Annotated[
        str | None,
        typer.Option("--db", help="Score this warehouse; default: run the samples into a temp one."),
    ] = None,
    inputs: Annotated[
        list[str] | None, typer.Option("--input", "-i", help="Inputs for the temporary run.")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit with status 1 when a quality floor is missed.")
    ] = False,
) -> None:
    """Print per-field scores of the pipeline's output against a gold file."""
    from presseschau.evaluate import FLOORS, below_floor, score
    from warehouse.export import export_records
    from warehouse.store import reader

    gold_data = json.loads(gold.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        if db is None:
            from flows.runs import run_with_progress

            db = str(Path(tmp) / "eval.duckdb")
            run_with_progress(inputs or None, db, console)
        with _warehouse_errors(), reader(db) as con:
            scores = score(list(export_records(con)), gold_data)
    rows = [
        (key, f"{value:.3f}", FLOORS.get(key, ""), "; ".join(scores.misses.get(key, [])[:3]))
        for key, value in scores.values.items()
    ]
    _print_rows(["field", "score", "floor", "first misses"], rows, "table", title="Evaluation")
    missed = below_floor(scores)
    if check and missed:
        err.print(f"[red]quality floors missed: {', '.join(f'{k}={v:.3f}' for k, v in missed.items())}[/red]")
        raise typer.Exit(1)


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="Article file, or - for standard input.")],
) -> None:
    """Clean and extract one document and print its export JSON (no warehouse involved)."""
    from presseschau.article import process_article

    data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    record = process_article("stdin" if file == "-" else Path(file).name, data)
    console.print_json(json.dumps(record, ensure_ascii=False))


def _db(db: str | None) -> str:
    return db or load_settings().db_path


class _warehouse_errors:
    """Turn a missing or busy warehouse, or a bad query, into a short message and exit code 1."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, error: BaseException | None, _tb: object) -> None:
        import duckdb

        from warehouse.store import WarehouseBusy, WarehouseMissing

        if isinstance(error, WarehouseMissing | WarehouseBusy):
            err.print(f"[red]{error}[/red]")
            raise typer.Exit(1)
        if isinstance(error, duckdb.Error):
            first_line = str(error).splitlines()[0]
            err.print(f"[red]{type(error).__name__}: {first_line}[/red]")
            err.print('Check the query; `presseschau sql "SHOW ALL TABLES"` lists what exists.')
            raise typer.Exit(1)


def _summary_rows(db_path: str) -> tuple[list[str], list[tuple[object, ...]]]:
    from warehouse.store import reader

    with reader(db_path) as con:
        row = con.execute(
            """
            SELECT
                (SELECT count(*) FROM clean.documents WHERE status = 'ok'),
                (SELECT count(*) FROM clean.documents WHERE status = 'rejected'),
                (SELECT count(*) FROM clean.documents WHERE status = 'duplicate'),
                (SELECT count(*) FROM core.entities),
                (SELECT count(*) FROM core.mentions),
                (SELECT count(*) FROM core.quotes),
                (SELECT count(*) FROM core.dates),
                (SELECT count(*) FROM core.amounts)
            """
        ).fetchone()
        checks = con.execute(
            "SELECT step || ' / ' || schema_name, rows_in, rows_out, rows_quarantined FROM marts.dq "
            "WHERE run_id = (SELECT max(run_id) FROM ops.runs WHERE status = 'completed')"
        ).fetchall()
    labels = [
        "documents loaded",
        "rejected",
        "duplicates",
        "entities",
        "mentions",
        "quotes",
        "dates",
        "amounts",
    ]
    rows: list[tuple[object, ...]] = [
        (label, value, "", "") for label, value in zip(labels, row or (), strict=True)
    ]
    rows += [
        (f"validated {name}", f"{n_in} in", f"{n_out} out", f"{bad} quarantined")
        for name, n_in, n_out, bad in checks
    ]
    return ["warehouse", "count", "", ""], rows


def _print_rows(
    columns: list[str], rows: Sequence[tuple[object, ...]], output_format: str, title: str | None = None
) -> None:
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows(rows)
        sys.stdout.write(buffer.getvalue())
    elif output_format == "json":
        sys.stdout.write(
            json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, default=str)
        )
        sys.stdout.write("\n")
    elif output_format == "markdown":
        sys.stdout.write("| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n")
        for r in rows:
            sys.stdout.write("| " + " | ".join(str(v).replace("|", "\\|") for v in r) + " |\n")
    elif output_format == "table":
        table = Table(*columns, title=title)
        for r in rows:
            table.add_row(*("" if v is None else str(v) for v in r))
        console.print(table)
    else:
        raise typer.BadParameter(f"unknown format {output_format!r}: use table, csv, json or markdown")


if __name__ == "__main__":
    app()
