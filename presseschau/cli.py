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
from typing import Annotated, Any

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
    from warehouse.store import wait_until_free

    settings = load_settings(db_path=db)
    with _warehouse_errors():
        # Waiting here, before Prefect is even imported, makes "warehouse busy" one quick, clear line.
        wait_until_free(settings.db_path, settings.lock_timeout_s)
        from flows.runs import StepFailed, run_with_progress

        try:
            summary = run_with_progress(inputs or None, db, console)
        except StepFailed as error:
            err.print(f"[red]run failed: {error}[/red]")
            raise typer.Exit(1) from None
    _print_rows(*_summary_rows(summary.db_path), "table", title=f"Run {summary.run_id}")


@app.command()
def sql(
    query: Annotated[
        str | None,
        typer.Argument(help="SQL to run against the published warehouse (read-only); none: a shell."),
    ] = None,
    db: DbOption = None,
    output_format: FormatOption = "table",
) -> None:
    """Run a read-only SQL query and print the result; without a query, an interactive shell."""
    from warehouse.store import reader

    with _warehouse_errors(), reader(_db(db)) as con:
        if query is None:
            _sql_shell(con, output_format)
            return
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
    from warehouse.sql import one_row
    from warehouse.store import reader

    with reader(db_path) as con:
        row = one_row(
            con,
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
            """,
        )
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


@app.command()
def fetch(
    urls_file: Annotated[
        Path,
        typer.Argument(
            exists=True, dir_okay=False, help="One URL per line; RSS/Atom feed URLs expand to their articles."
        ),
    ],
    landing: Annotated[
        str | None, typer.Option("--landing", help="Landing directory (default from settings).")
    ] = None,
) -> None:
    """Fetch pages into the landing directory; `presseschau run --input DIR` then ingests them.

    Only public addresses are fetched. For an intranet or a server on this machine:
    list its networks or hosts in fetch_allow_networks (PRESSESCHAU_FETCH_ALLOW_NETWORKS=127.0.0.1).
    """
    from collections import Counter

    from flows.runs import fetch_pages

    results = fetch_pages(str(urls_file), landing)
    counts = Counter(result.outcome for result in results)
    _print_rows(["outcome", "urls"], sorted(counts.items()), "table", title="Fetch")
    problems = [(r.url, r.outcome, r.reason) for r in results if r.outcome in ("refused", "failed")]
    if problems:
        _print_rows(["url", "outcome", "reason"], problems, "table", title="Not landed")


@app.command()
def serve(
    cron: Annotated[
        str | None, typer.Option("--cron", help="Cron schedule (default from settings: every 30 min).")
    ] = None,
    landing: Annotated[
        str | None, typer.Option("--landing", help="Landing directory to ingest (default from settings).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Run the main flow on its schedule until stopped; needs `prefect server start` (docs/scheduling.md)."""
    from flows.serve import CannotServe, serve_scheduled

    try:
        serve_scheduled(load_settings(schedule_cron=cron, landing_dir=landing, db_path=db))
    except CannotServe as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None


@app.command()
def schemas(
    output_format: Annotated[str, typer.Option("--format", help="markdown | yaml")] = "markdown",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")
    ] = None,
) -> None:
    """Print the data contract of every table and view: columns, types, nullability, checks."""
    from schemas.catalog import as_markdown, as_yaml, describe_all

    render = {"markdown": as_markdown, "yaml": as_yaml}.get(output_format)
    if render is None:
        raise typer.BadParameter(
            f"unknown format {output_format!r}: use markdown or yaml", param_hint="--format"
        )
    text = render(describe_all())
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@app.command()
def dq(
    db: DbOption = None,
    run_id: Annotated[str | None, typer.Option("--run", help="Run id (default: the latest run).")] = None,
    output_format: FormatOption = "table",
) -> None:
    """Show a run's validation table (rows in/out/quarantined per step) and its quarantine summary."""
    from warehouse.sql import one_row
    from warehouse.store import reader

    with _warehouse_errors(), reader(_db(db)) as con:
        run = one_row(
            con,
            "SELECT run_id, status, started_at, message FROM ops.runs WHERE coalesce(run_id = ?, true) "
            "ORDER BY started_at DESC, run_id DESC LIMIT 1",
            [run_id],
        )
        if run is None:
            err.print(f"[red]no run {run_id or ''} is recorded in {_db(db)}[/red]")
            raise typer.Exit(1)
        checks = con.execute(
            "SELECT step, schema_name, rows_in, rows_out, rows_quarantined, failure_rate FROM marts.dq "
            "WHERE run_id = ? ORDER BY rows_quarantined DESC, step, schema_name",
            [run[0]],
        ).fetchall()
        quarantine = con.execute(
            "SELECT step, check_name, count(*) AS n, count(DISTINCT doc_id), "
            "string_agg(DISTINCT doc_id, ', ' ORDER BY doc_id), any_value(failure_case) "
            "FROM ops.quarantine WHERE run_id = ? GROUP BY ALL ORDER BY n DESC, step, check_name",
            [run[0]],
        ).fetchall()
    notes = console if output_format == "table" else err  # keep csv/json output machine-readable
    notes.print(f"run {run[0]}: {run[1]}, started {run[2]:%Y-%m-%d %H:%M:%S} UTC")
    if run[1] == "failed":
        notes.print(f"[red]{run[3]}[/red]")
        notes.print(
            "A failed run publishes nothing, its validations included; `--run ID` shows an earlier run."
        )
    _print_rows(
        ["step", "contract", "rows in", "rows out", "quarantined", "failure rate"],
        checks,
        output_format,
        title="Validations",
    )
    _print_rows(
        ["step", "check", "rows", "documents", "doc ids", "example"],
        [(*row[:4], _shorten(row[4], 80), _shorten(row[5], 120)) for row in quarantine],
        output_format,
        title="Quarantine",
    )


def _shorten(text: str | None, limit: int) -> str | None:
    return text if text is None or len(text) <= limit else text[: limit - 1] + "…"


@app.command()
def bench(
    sizes: Annotated[
        list[int] | None,
        typer.Option("--n", help="Corpus size in documents (repeatable: --n 1000 --n 10000)."),
    ] = None,
    small: Annotated[
        bool, typer.Option("--small", help="Time `presseschau run` on the samples: fresh, unchanged, 5 new.")
    ] = False,
    large: Annotated[
        list[float] | None,
        typer.Option("--large", help="Time cleaning one input of this many MB (repeatable: 1, 4, 16)."),
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="JSON file for the results.")] = Path(
        "benchmarks/results.json"
    ),
    workdir: Annotated[
        Path | None,
        typer.Option("--workdir", help="Where corpora (reused between runs) and warehouses go."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the synthetic corpus.")] = 0,
) -> None:
    """Benchmark the flow on synthetic corpora against the floor and trafilatura (docs/scaling.md)."""
    if not (sizes or small or large):
        raise typer.BadParameter("say what to measure: --n N, --small or --large MB")
    if small or large:
        from benchmarks import large_inputs, small_runs

        results = {
            "small_runs": small_runs.measure(say=typer.echo) if small else None,
            "large_inputs": large_inputs.measure(large, say=typer.echo) if large else None,
        }
        output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if sizes:
        from benchmarks.run import DEFAULT_WORKDIR, run_benchmarks

        run_benchmarks(sizes, output, workdir or DEFAULT_WORKDIR, seed, say=typer.echo)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words to find, e.g. "Waffenruhe Putin" (German stemming).')],
    limit: Annotated[int, typer.Option("--limit", "-n", help="Number of documents to show.")] = 10,
    db: DbOption = None,
    output_format: FormatOption = "table",
) -> None:
    """Rank documents by BM25 over their clean text and show snippets with the words highlighted."""
    from rich.text import Text

    from warehouse.search import search as ranked
    from warehouse.store import reader

    with _warehouse_errors(), reader(_db(db)) as con:
        hits = ranked(con, query, limit)
    if not hits:
        err.print(f"no document matches {query!r}")
        return
    if output_format != "table":
        rows = [
            (
                rank,
                round(h.score, 4),
                h.doc_id,
                h.outlet,
                h.published,
                h.title,
                "".join(f"**{part}**" if hit else part for part, hit in h.snippet),
            )
            for rank, h in enumerate(hits, 1)
        ]
        _print_rows(
            ["rank", "score", "doc_id", "outlet", "published", "title", "snippet"], rows, output_format
        )
        return
    table = Table("#", "score", "document", "snippet", title=f"Search: {query}", show_lines=True)
    for rank, h in enumerate(hits, 1):
        where = Text(f"{h.title or h.doc_id}\n", style="bold")
        where.append(" · ".join(v for v in (h.outlet, h.published, h.doc_id) if v), style="dim")
        snippet = Text()
        for part, hit in h.snippet:
            snippet.append(part, style="bold yellow" if hit else None)
        table.add_row(str(rank), f"{h.score:.2f}", where, snippet)
    console.print(table)


@app.command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("report.html"),
    db: DbOption = None,
) -> None:
    """Write the report: one self-contained HTML file (offline, no script) with charts of the marts."""
    from presseschau.report import render_report
    from warehouse.report_data import load_report_data
    from warehouse.store import reader

    with _warehouse_errors(), reader(_db(db)) as con:
        data = load_report_data(con)
    output.write_text(render_report(data), encoding="utf-8")
    console.print(f"report written to {output}")


def _sql_shell(con: Any, output_format: str) -> None:
    """Read statements ending in ';' until end of input and print each result; a bad one is reported."""
    import contextlib

    import duckdb

    with contextlib.suppress(ImportError):  # line editing and history for input(), where available
        import readline  # noqa: F401
    interactive = sys.stdin.isatty()
    if interactive:
        console.print("Read-only SQL on the warehouse; end a statement with ';', leave with Ctrl-D.")
        console.print("The views: SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'marts';")
    statement = ""
    while True:
        try:
            line = input(("presseschau> " if not statement else "        ...> ") if interactive else "")
        except (EOFError, KeyboardInterrupt):
            break
        statement += line + "\n"
        if not statement.rstrip().endswith(";"):
            continue
        try:
            cursor = con.execute(statement)
            _print_rows([d[0] for d in cursor.description or []], cursor.fetchall(), output_format)
        except duckdb.Error as error:
            err.print(f"[red]{type(error).__name__}: {str(error).splitlines()[0]}[/red]")
        statement = ""


if __name__ == "__main__":
    app()
