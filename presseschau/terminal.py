"""Results and errors as a person at a terminal reads them.

Every value is printed as its literal text (never as Rich markup), lists as JSON in every
text format, and a table wider than the terminal as one block per row; an error is one
line, with a hint below it where one helps.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

# A column is readable when it is at least this wide (or as wide as its widest value, if less).
# A result whose columns cannot all have that width in the terminal is shown one row per block.
READABLE_COLUMN = 12


def print_rows(
    columns: list[str], rows: Sequence[Sequence[object]], output_format: str, title: str | None = None
) -> None:
    """Print a result in `output_format`; every value as its literal text."""
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows([("" if v is None else _text(v) for v in row) for row in rows])
        sys.stdout.write(buffer.getvalue())
    elif output_format == "json":
        sys.stdout.write(
            json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, default=str)
        )
        sys.stdout.write("\n")
    elif output_format == "markdown":
        sys.stdout.write("| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n")
        for r in rows:
            cells = ("" if v is None else _text(v).replace("|", "\\|").replace("\n", "<br>") for v in r)
            sys.stdout.write("| " + " | ".join(cells) + " |\n")
    elif output_format == "table":
        _print_table(columns, rows, title)
    else:
        raise typer.BadParameter(
            f"unknown format {output_format!r}: use table, csv, json or markdown", param_hint="--format"
        )


def _text(value: object) -> str:
    """A value as text: lists and structs as JSON (the convention a CSV cell or a reader expects,
    not Python's repr), true/false as in SQL and JSON, everything else as it prints."""
    if isinstance(value, list | tuple | dict | bool):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _cell(value: object) -> Text:
    """A table cell: the value's literal text (no Rich markup or emoji codes), NULL dimmed."""
    return Text("NULL", style="dim") if value is None else Text(_text(value))


def _print_table(columns: list[str], rows: Sequence[Sequence[object]], title: str | None) -> None:
    out = Console()
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [
        min(READABLE_COLUMN, max([cell_len(name)] + [_widest_line(row[no]) for row in cells]))
        for no, name in enumerate(columns)
    ]
    # Rich's table draws a border between and around the columns and pads each by one space.
    if sum(widths) + 3 * len(columns) + 1 > out.width:
        _print_records(out, columns, cells, title)
        return
    table = Table(title=Text(title) if title else None)
    for name in columns:
        table.add_column(Text(name), overflow="fold")
    for row in cells:
        table.add_row(*row)
    out.print(table)


def _print_records(out: Console, columns: list[str], cells: list[list[Text]], title: str | None) -> None:
    """One block per row, a line per column (like psql's expanded display): wide results stay readable."""
    if title:
        out.print(Text(title, style="italic"))
    if not cells:
        out.print(Text(f"No rows. Columns: {', '.join(columns)}."))
        return
    for no, row in enumerate(cells, 1):
        out.print(Rule(Text(f"row {no} of {len(cells)}"), align="left"))
        block = Table.grid(padding=(0, 2))
        block.add_column(style="bold", no_wrap=True, max_width=max(12, out.width // 3))
        block.add_column(overflow="fold")
        for name, value in zip(columns, row, strict=True):
            block.add_row(Text(name), value)
        out.print(block)
    out.print(
        Text(
            f"{len(columns)} columns are wider than the terminal ({out.width}): one block per row. "
            "--format csv|json|markdown prints them as rows.",
            style="dim",
        )
    )


def _widest_line(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.splitlines()), default=0)


def say_error(message: str, hint: str | None = None) -> None:
    """One line on stderr, never wrapped, and its text shown as it is (no Rich markup)."""
    err = Console(stderr=True, highlight=False)
    err.print(Text(f"error: {message}", style="red"), soft_wrap=True)
    if hint:
        err.print(Text(hint, style="dim"), soft_wrap=True)
