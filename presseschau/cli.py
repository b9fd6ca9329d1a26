"""`presseschau`: a thin command-line shell over the flows, the warehouse and the text package.

Errors of every command end in one place (`_Commands.main`): a person sees one line saying what
happened and, where it helps, one line saying what to do; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import os

# Set before Prefect is imported anywhere: no network, and no INFO chatter for users.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

import contextlib
import itertools
import json
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer._click.core import Context
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperArgument, TyperGroup, TyperOption

from presseschau.settings import load_settings
from presseschau.terminal import print_rows, say_error

DEBUG_ENV = "PRESSESCHAU_DEBUG"


class CommandError(Exception):
    """A problem the user can fix: shown as its message and a hint, with exit status 1."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class _Commands(TyperGroup):
    """The command group, with one error layer for every command and a conventional --help."""

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        args = list(sys.argv[1:] if args is None else args)
        debug = _debug_requested(args)
        try:
            with _prefect_errors_left_to_us(debug):
                return super().main(args, prog_name, standalone_mode=False, **extra)
        except typer.Exit as done:
            sys.exit(done.exit_code)
        except NoArgsIsHelpError as shown:  # the help was printed: nothing to add
            sys.exit(shown.exit_code)
        except UsageError as error:
            hint = f"Try '{error.ctx.command_path} --help'." if error.ctx else None
            say_error(error.format_message(), hint)
            sys.exit(error.exit_code)
        except (Exception, KeyboardInterrupt) as error:
            message, hint, status = _explained(error)
            if debug:
                traceback.print_exception(error)
            else:
                say_error(message, hint)
            _drop_frames(error)
            sys.exit(status)

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        for command in (self, *self.commands.values()):
            _conventional_help(command, ctx)
        return super().parse_args(ctx, args)


def _debug_requested(args: list[str]) -> bool:
    """`--debug` among the options before the command, or PRESSESCHAU_DEBUG set to a true value."""
    before_command = itertools.takewhile(lambda arg: arg.startswith("-"), args)
    return "--debug" in before_command or os.environ.get(DEBUG_ENV, "") not in ("", "0", "false")


@contextmanager
def _prefect_errors_left_to_us(debug: bool) -> Iterator[None]:
    """Prefect logs a failed flow or task with its traceback (and then fails to send that log to
    its stopped temporary server). The error layer reports the error itself in one line, so
    Prefect only speaks for critical problems, in this process and the workers it starts,
    unless --debug asks for everything."""
    before = os.environ.get("PREFECT_LOGGING_LEVEL")
    if not debug:
        os.environ["PREFECT_LOGGING_LEVEL"] = "CRITICAL"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PREFECT_LOGGING_LEVEL", None)
        else:
            os.environ["PREFECT_LOGGING_LEVEL"] = before


def _explained(error: BaseException) -> tuple[str, str | None, int]:
    """The line, the hint and the exit status a person gets for `error`."""
    import duckdb

    if isinstance(error, KeyboardInterrupt):
        return "interrupted", None, 130
    if isinstance(error, CommandError):
        return str(error), error.hint, 1
    if _self_explaining(error):
        return str(error), None, 1
    if isinstance(error, duckdb.Error):
        return f"{type(error).__name__}: {_first_line(error)}", None, 1
    if isinstance(error, OSError) and error.filename is not None:
        return f"{error.filename}: {error.strerror or _first_line(error)}", None, 1
    return (
        f"{type(error).__name__}: {_first_line(error)}",
        f"This looks like a bug: `presseschau --debug …` (or {DEBUG_ENV}=1) shows the traceback to report.",
        1,
    )


# Errors whose message says what happened and what to do, by the module that defines them.
_SELF_EXPLAINING = {
    "warehouse.store": ("WarehouseBusy", "WarehouseMissing", "WarehouseDamaged"),
    "flows.runs": ("StepFailed",),
    "flows.serve": ("CannotServe",),
    "presseschau.settings": ("SettingsError",),
}


def _self_explaining(error: BaseException) -> bool:
    """An error of a module that was never imported cannot have been raised: only imported
    modules are asked (importing the flows, and Prefect, to report a typo would cost seconds)."""
    return any(
        isinstance(error, getattr(sys.modules[module], name))
        for module, names in _SELF_EXPLAINING.items()
        if module in sys.modules
        for name in names
    )


def _drop_frames(error: BaseException | None) -> None:
    """Clear what the reported error's frames hold. Prefect keeps a failed run's state, its
    exception included, until the process exits, and the exception's traceback every frame it
    passed through: the DuckDB connections of those frames then outlive DuckDB's bindings,
    which print a screenful of "nanobind: leaked instance" after the error line."""
    while error is not None:
        traceback.clear_frames(error.__traceback__)
        error = error.__cause__ or error.__context__


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _conventional_help(command: Any, ctx: Context) -> None:
    """Typer labels every parameter in --help with its Python type (`<bool>`, `<list[str]>`). Show
    what a command line conventionally shows instead: nothing for a flag, the option's name for
    its value (`--format FORMAT`), and the argument's name alone (`QUERY`)."""
    help_option = command.get_help_option(ctx)
    for param in [*command.params, *([help_option] if help_option else [])]:
        if param.metavar is not None:
            continue
        if isinstance(param, TyperOption):
            value = max(param.opts, key=len).lstrip("-").upper().replace("-", "_")
            param.metavar = "" if param.is_flag or param.count else value
        elif isinstance(param, TyperArgument):
            param.metavar = str(param.name).upper()
            param.display_type_rich = _no_type  # type: ignore[method-assign]


def _no_type(ctx: Context) -> str | None:
    return None


app = typer.Typer(
    cls=_Commands,
    help="Presseschau: German news articles → a validated DuckDB warehouse.",
    no_args_is_help=True,
)

DbOption = Annotated[str | None, typer.Option("--db", help="Warehouse file (default from settings).")]
FormatOption = Annotated[str, typer.Option("--format", help="table | csv | json | markdown")]


@app.callback()
def _options(
    debug: Annotated[
        bool,
        typer.Option("--debug", help=f"Show the traceback of an error (or set {DEBUG_ENV}=1)."),
    ] = False,
) -> None:
    """Presseschau: German news articles → a validated DuckDB warehouse."""
    # `--debug` is read by _Commands.main, which reports the errors of every command.


@app.command()
def run(
    inputs: Annotated[
        list[str] | None,
        typer.Option("--input", "-i", metavar="PATH", help="File or directory to ingest (repeatable)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Run the main flow on the inputs (default: the bundled sample articles) and print a summary."""
    _check_inputs(load_settings(inputs=inputs).inputs)
    # The run takes the warehouse lock before Prefect starts, so "warehouse busy" is one quick line.
    from flows.runs import run_with_progress

    started = time.monotonic()
    summary = run_with_progress(inputs or None, db, Console())
    _print_run_summary(summary.db_path, summary.run_id, time.monotonic() - started)


def _check_inputs(inputs: Sequence[str]) -> None:
    """A missing input stops the command before the flow starts (and Prefect with it)."""
    for path in inputs:
        if not Path(path).exists():
            raise CommandError(
                f"input {path} does not exist",
                "--input takes an article file or a folder of them; without it the samples are read.",
            )


@app.command()
def sql(
    query: Annotated[
        str | None,
        typer.Argument(help="SQL to run against the published warehouse (read-only); none: a shell."),
    ] = None,
    db: DbOption = None,
    output_format: FormatOption = "table",
    allow_files: Annotated[
        bool,
        typer.Option(
            "--allow-files",
            help="Let queries read and write files (read_csv, COPY … TO, ATTACH); off by default.",
        ),
    ] = False,
) -> None:
    """Run a read-only SQL query and print the result; without a query, an interactive shell."""
    from warehouse.store import reader

    with reader(_db(db), external_access=allow_files) as con:
        if query is None:
            _sql_shell(con, output_format)
            return
        result = _query(con, query)
    if result is None:
        raise CommandError(
            "the query holds no SQL statement (only blanks, comments or ';')",
            'Pass one, e.g. presseschau sql "SELECT * FROM marts.documents LIMIT 5".',
        )
    print_rows(*result, output_format)


def _query(con: Any, statement: str) -> tuple[list[str], list[tuple[Any, ...]]] | None:
    """The columns and rows of the statements' last result; None when there is no statement.

    The query runs in a thread while this one waits, so that Ctrl-C reaches this one at once and
    cancels the query: DuckDB's own check for Ctrl-C misses it now and then on a busy machine,
    and the query then runs on.
    """
    import duckdb

    with ThreadPoolExecutor(max_workers=1) as pool:
        running = pool.submit(_fetch, con, statement)
        try:
            return running.result()
        except KeyboardInterrupt:
            con.interrupt()
            with contextlib.suppress(duckdb.Error):  # its end: interrupted, or done just before
                running.result()
            raise CommandError("query cancelled") from None
        except duckdb.PermissionException as error:
            raise CommandError(
                f"{type(error).__name__}: {_first_line(error)}",
                "Queries read only the warehouse; --allow-files lets them read and write files.",
            ) from error
        except duckdb.Error as error:
            raise CommandError(
                f"{type(error).__name__}: {_first_line(error)}",
                'Check the query; presseschau sql "SHOW ALL TABLES" lists what exists.',
            ) from error


def _fetch(con: Any, statement: str) -> tuple[list[str], list[tuple[Any, ...]]] | None:
    cursor = con.execute(statement)
    if cursor is None:  # DuckDB found no statement in the text
        return None
    return [d[0] for d in cursor.description or []], cursor.fetchall()


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
    _check_writable(output)
    with reader(_db(db)) as con:
        handle = output.open("w", encoding="utf-8") if output else sys.stdout
        try:
            for record in export_records(con):
                handle.write(to_json_line(record) + "\n")
        finally:
            if output:
                handle.close()


def _check_writable(output: Path | None) -> None:
    """An output file's folder must exist: found out before the work, not after it."""
    if output is not None and not output.parent.is_dir():
        raise CommandError(
            f"cannot write {output}: the folder {output.parent} does not exist",
            "Create the folder first, or give --output a path in an existing one.",
        )


@app.command(name="eval")
def evaluate(
    gold: Annotated[
        Path | None,
        typer.Option(
            "--gold", exists=True, dir_okay=False, help="Gold file in the format of tests/gold/seeds.json."
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Score this warehouse; default: run the samples into a temp one."),
    ] = None,
    inputs: Annotated[
        list[str] | None, typer.Option("--input", "-i", metavar="PATH", help="Inputs for the temporary run.")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit with status 1 when a quality floor is missed.")
    ] = False,
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="Score the development corpus (e.g. ../shared/corpus) instead."),
    ] = None,
    shape: Annotated[str, typer.Option("--shape", help="html | text | flattened | markdown | all")] = "all",
    by_set: Annotated[bool, typer.Option("--by-set", help="Rows per source set too.")] = False,
    misses: Annotated[
        bool, typer.Option("--misses", help="List what was missed, by shape and field.")
    ] = False,
    fields: Annotated[
        list[str] | None, typer.Option("--field", help="Only these fields' misses (repeatable).")
    ] = None,
    with_trafilatura: Annotated[
        bool, typer.Option("--trafilatura/--no-trafilatura", help="Score trafilatura on the HTML pages.")
    ] = True,
    output_format: Annotated[
        str, typer.Option("--format", help="With --corpus: table | csv | json | markdown")
    ] = "table",
) -> None:
    """Print per-field scores of the pipeline's output against a gold file, or of the cleaning
    of the development corpus in each input shape (--corpus), trafilatura beside it."""
    from presseschau.evaluate import FLOORS, below_floor, score
    from warehouse.export import export_records
    from warehouse.store import reader

    if corpus is not None:
        _eval_corpus(corpus, shape, by_set, misses, fields, with_trafilatura, output_format)
        return
    if gold is None:
        raise typer.BadParameter("give a gold file (--gold FILE) or the corpus (--corpus DIR)")
    gold_data = json.loads(gold.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        if db is None:
            from flows.runs import run_with_progress

            _check_inputs(load_settings(inputs=inputs).inputs)
            db = str(Path(tmp) / "eval.duckdb")
            run_with_progress(inputs or None, db, Console())
        with reader(db) as con:
            scores = score(list(export_records(con)), gold_data)
    rows = [
        (key, f"{value:.3f}", FLOORS.get(key, ""), "; ".join(scores.misses.get(key, [])[:3]))
        for key, value in scores.values.items()
    ]
    print_rows(["field", "score", "floor", "first misses"], rows, "table", title="Evaluation")
    missed = below_floor(scores)
    if check and missed:
        raise CommandError(f"quality floors missed: {', '.join(f'{k}={v:.3f}' for k, v in missed.items())}")


def _eval_corpus(
    corpus: Path,
    shape: str,
    by_set: bool,
    misses: bool,
    fields: list[str] | None,
    with_trafilatura: bool,
    output_format: str,
) -> None:
    from presseschau.corpus.build import SHAPES
    from presseschau.corpus.metrics import FIELDS
    from presseschau.corpus.report import COLUMNS, miss_lines, table_rows
    from presseschau.corpus.score import score_corpus

    if not (corpus / "gold.json").is_file():
        raise typer.BadParameter(f"no gold.json in {corpus}: give the corpus folder", param_hint="--corpus")
    if shape != "all" and shape not in SHAPES:
        raise typer.BadParameter(
            f"unknown shape {shape!r}: use {', '.join(SHAPES)} or all", param_hint="--shape"
        )
    unknown = set(fields or []) - set(FIELDS)
    if unknown:
        raise typer.BadParameter(f"unknown field(s) {sorted(unknown)}: use {', '.join(FIELDS)}")
    scores = score_corpus(corpus, SHAPES if shape == "all" else (shape,), with_trafilatura)
    if misses:
        out = Console(highlight=False, soft_wrap=True)
        for line in miss_lines(scores, fields or FIELDS):
            out.print(Text(line))
    sets = ("all", "fundus", "trafilatura") if by_set else ("all",)
    print_rows(COLUMNS, table_rows(scores, sets), output_format, title="Development corpus: scores")
    print_rows(COLUMNS, table_rows(scores, sets, counts=True), output_format, title="Checks scored")


_SHAPES_FOLDER = Path(tempfile.gettempdir()) / "presseschau-corpus-shapes"


@app.command(name="corpus-shapes")
def corpus_shapes(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write the shapes to (outside the repository).")
    ] = _SHAPES_FOLDER,
    corpus: Annotated[Path, typer.Option("--corpus", help="The corpus folder.")] = Path("../shared/corpus"),
) -> None:
    """Write every corpus page as html, text, flattened and markdown, one folder per shape with
    its gold.json; report pages the pipeline's ingest takes for another shape."""
    from presseschau.corpus.build import build, detected_shape, write

    if not (corpus / "gold.json").is_file():
        raise typer.BadParameter(f"no gold.json in {corpus}: give the corpus folder", param_hint="--corpus")
    pages = list(build(corpus))
    folders = write(pages, output)
    out = Console(highlight=False)
    for page in pages:
        detected = detected_shape(page.content)
        if detected != page.shape:
            out.print(Text(f"{page.shape}/{page.name}: ingest detects {detected}"))
    out.print(Text(f"{len(pages)} files in {', '.join(map(str, folders.values()))}"))


@app.command(name="eval-quotes")
def evaluate_quotes(
    files: Annotated[list[Path], typer.Argument(help="Annotated articles, JSON lines (corpus/quotes).")],
    misses: Annotated[int, typer.Option("--misses", help="Print up to N misses per measure.")] = 0,
) -> None:
    """Score quote extraction and speakers on articles with annotated quotations."""
    from presseschau.evaluate_quotes import read_articles, report_rows, score_quotes

    out = Console(highlight=False)
    for file in files:
        scores = score_quotes(read_articles(file))
        rows = report_rows(scores)
        print_rows(["measure", "right", "of", "score", "meaning"], rows, "table", title=str(file))
        for key, _right, _of, _score, _meaning in rows if misses else []:
            for what in scores.misses.get(key, [])[:misses]:
                out.print(Text(f"{key}: {what}"))


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="Article file, or - for standard input.")],
) -> None:
    """Clean and extract one document and print its export JSON (no warehouse involved)."""
    from presseschau.article import process_article

    if file != "-" and not Path(file).is_file():
        raise CommandError(
            f"{file} is a folder" if Path(file).is_dir() else f"no file {file}",
            "extract reads one article file (or - for standard input); "
            "`presseschau run --input FOLDER` loads a folder into the warehouse.",
        )
    data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    record = process_article("stdin" if file == "-" else Path(file).name, data)
    Console().print_json(json.dumps(record, ensure_ascii=False))


def _db(db: str | None) -> str:
    return db or load_settings().db_path


def _print_run_summary(db_path: str, run_id: str, seconds: float) -> None:
    """What this run did to the inputs, what the warehouse holds now, and its validations."""
    from warehouse.run_status import run_summary
    from warehouse.store import reader

    with reader(db_path) as con:
        summary = run_summary(con, run_id)
    out = Console(highlight=False)
    out.print(Text(f"Run {run_id} took {seconds:.1f} s.", style="bold"))
    print_rows(["inputs", "files"], summary.inputs, "table")
    print_rows(["warehouse", "rows"], summary.holds, "table")
    checks = summary.validations
    if not checks:
        out.print("No validations: nothing new to read.")
        return
    quarantined = [(step, schema, n_in, bad) for step, schema, n_in, bad in checks if bad]
    out.print(
        f"{len(checks)} contracts validated, {sum(bad for *_, bad in checks)} rows quarantined "
        "(`presseschau dq` shows them)."
    )
    if quarantined:
        print_rows(["step", "contract", "rows in", "quarantined"], quarantined, "table")


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
    from presseschau.fetch import FAILED, FETCHED, REFUSED, UNCHANGED

    results = fetch_pages(str(urls_file), landing)
    counts = Counter(result.outcome for result in results)
    print_rows(["outcome", "urls"], sorted(counts.items()), "table", title="Fetch")
    problems = [(r.url, r.outcome, r.reason) for r in results if r.outcome in (REFUSED, FAILED)]
    if problems:
        print_rows(["url", "outcome", "reason"], problems, "table", title="Not landed")
    if not counts[FETCHED] + counts[UNCHANGED]:
        raise CommandError(
            f"no page of {urls_file} could be fetched"
            + (f" ({counts[REFUSED]} refused, {counts[FAILED]} failed)" if results else ": it lists no URL"),
            "Each URL's reason is in the table above.",
        )


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
    from flows.serve import serve_scheduled

    serve_scheduled(load_settings(schedule_cron=cron, landing_dir=landing, db_path=db))


@app.command()
def schemas(
    output_format: Annotated[str, typer.Option("--format", help="markdown | yaml")] = "markdown",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")
    ] = None,
) -> None:
    """Print every table and view: columns, types, nullability, meaning, and the checks of its contract."""
    from dataclasses import asdict

    from schemas.catalog import as_markdown, as_yaml, describe_all
    from warehouse.catalog import relations

    render = {"markdown": as_markdown, "yaml": as_yaml}.get(output_format)
    if render is None:
        raise typer.BadParameter(
            f"unknown format {output_format!r}: use markdown or yaml", param_hint="--format"
        )
    _check_writable(output)
    text = render(describe_all([asdict(relation) for relation in relations()]))
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
    from warehouse.run_status import run_checks
    from warehouse.store import reader

    with reader(_db(db)) as con:
        run = run_checks(con, run_id)
    if run is None:
        raise CommandError(
            f"no run {run_id} is recorded in {_db(db)}" if run_id else f"{_db(db)} records no run",
            "Without --run, dq shows the latest run." if run_id else None,
        )
    # Keep csv/json output machine-readable: the notes go to stderr then.
    notes = Console(stderr=output_format != "table", highlight=False)
    notes.print(Text(f"run {run.run_id}: {run.status}, started {run.started_at:%Y-%m-%d %H:%M:%S} UTC"))
    if run.status == "failed":
        notes.print(Text(run.message or "", style="red"))
        notes.print(
            "A failed run publishes nothing, its validations included; `--run ID` shows an earlier run."
        )
    print_rows(
        ["step", "contract", "rows in", "rows out", "quarantined", "failure rate"],
        run.validations,
        output_format,
        title="Validations",
    )
    print_rows(
        ["step", "check", "rows", "documents", "doc ids", "example"],
        [(*row[:4], _shorten(row[4], 80), _shorten(row[5], 120)) for row in run.quarantine],
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
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Number of documents to show.")] = 10,
    db: DbOption = None,
    output_format: FormatOption = "table",
) -> None:
    """Rank documents by BM25 over title, lead and text and show snippets with the words highlighted."""
    from warehouse.search import search as ranked
    from warehouse.store import reader

    with reader(_db(db)) as con:
        hits = ranked(con, query, limit)
    if not hits:
        Console(stderr=True, highlight=False).print(Text(f"no document matches {query!r}"))
        return
    if hits[0].missing:  # the best hit lacks a word, so every hit does: ranked by words held first
        Console(stderr=True, highlight=False).print(
            Text(f"no document holds every word of {query!r}; each result lists the words it lacks")
        )
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
                list(h.missing),
            )
            for rank, h in enumerate(hits, 1)
        ]
        print_rows(
            ["rank", "score", "doc_id", "outlet", "published", "title", "snippet", "missing"],
            rows,
            output_format,
        )
        return
    table = Table("#", "score", "document", "snippet", title=Text(f"Search: {query}"), show_lines=True)
    for rank, h in enumerate(hits, 1):
        where = Text(f"{h.title or h.doc_id}\n", style="bold")
        where.append(" · ".join(v for v in (h.outlet, h.published, h.doc_id) if v), style="dim")
        if h.missing:
            where.append(f"\nlacks: {' '.join(h.missing)}", style="italic")
        snippet = Text()
        for part, hit in h.snippet:
            snippet.append(part, style="bold yellow" if hit else None)
        table.add_row(str(rank), f"{h.score:.2f}", where, snippet)
    Console().print(table)


@app.command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("report.html"),
    db: DbOption = None,
) -> None:
    """Write the report: one self-contained HTML file (offline, no script) with charts of the marts."""
    from presseschau.report import render_report
    from warehouse.report_data import load_report_data
    from warehouse.store import reader

    _check_writable(output)
    with reader(_db(db)) as con:
        data = load_report_data(con)
    output.write_text(render_report(data), encoding="utf-8")
    Console(highlight=False).print(Text(f"report written to {output}"))


def _sql_shell(con: Any, output_format: str) -> None:
    """Read statements ending in ';' until end of input and print each result; a bad one is reported.

    Ctrl-C drops the statement being typed (or cancels the running one) and the shell goes on,
    as psql's and DuckDB's do; Ctrl-D (end of input) leaves it.
    """
    with contextlib.suppress(ImportError):  # line editing and history for input(), where available
        import readline  # noqa: F401
    interactive = sys.stdin.isatty()
    if interactive:
        out = Console(highlight=False)
        out.print("Read-only SQL on the warehouse; end a statement with ';', leave with Ctrl-D.")
        out.print("The views: SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'marts';")
    statement = ""
    while True:
        try:
            line = input(("presseschau> " if not statement else "        ...> ") if interactive else "")
        except EOFError:
            break
        except KeyboardInterrupt:
            statement = ""
            if interactive:
                print()
            continue
        statement += line + "\n"
        if statement.rstrip().endswith(";"):
            _run_in_shell(con, statement, output_format)
            statement = ""
    if statement.strip():  # the last statement may lack its ';'
        _run_in_shell(con, statement, output_format)


def _run_in_shell(con: Any, statement: str, output_format: str) -> None:
    try:
        result = _query(con, statement)
        if result is not None:  # nothing to show for a statement of only comments
            print_rows(*result, output_format)
    except CommandError as error:
        say_error(str(error), error.hint)
    except KeyboardInterrupt:  # while the rows were read or printed
        say_error("query cancelled")


if __name__ == "__main__":
    app()
