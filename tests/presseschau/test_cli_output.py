"""What `presseschau` prints is the data as it is: literal values, readable at any terminal width,
lists in each format's own convention, and a run summary of what the run did."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from presseschau.cli import app
from tests.conftest import SAMPLES
from warehouse.store import reader

# Text that Rich would read as markup or emoji codes, or reject (`[/x]` closes nothing).
TRICKY = {
    "markup": "[red]rot[/red]",
    "stray_close": "a [/x] b",
    "aside": "[warum die USA sich auf Russland einlassen]",
    "emoji_code": "Daumen :thumbs_up: hoch",
}
TRICKY_QUERY = "SELECT " + ", ".join(f"'{text}' AS {name}" for name, text in TRICKY.items())


def sql(db: Path, *args: str, columns: int = 200) -> str:
    result = CliRunner().invoke(app, ["sql", "--db", str(db), *args], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("output_format", ["table", "csv", "json", "markdown"])
def test_every_format_shows_values_as_their_literal_text(sample_warehouse: Path, output_format: str) -> None:
    shown = sql(sample_warehouse, TRICKY_QUERY, "--format", output_format)
    for text in TRICKY.values():
        assert text in shown, f"{text!r} is not printed as it is"


def test_bracketed_asides_of_the_articles_are_printed_as_stored(sample_warehouse: Path) -> None:
    query = (
        "SELECT DISTINCT unnest(regexp_extract_all(body, '\\[[^\\]\\n]{1,60}\\]')) AS aside "
        "FROM clean.documents ORDER BY aside"
    )
    with reader(sample_warehouse) as con:
        asides = [aside for (aside,) in con.execute(query).fetchall()]
    assert asides, "the samples have bracketed asides in quotes, e.g. [warum die USA …]"
    shown = sql(sample_warehouse, query)
    for aside in asides:
        assert aside in shown


@pytest.mark.parametrize("columns", [80, 120])
def test_a_result_wider_than_the_terminal_is_shown_one_block_per_row(
    sample_warehouse: Path, columns: int
) -> None:
    with reader(sample_warehouse) as con:
        names = [d[0] for d in con.execute("SELECT * FROM marts.documents").description or []]
        doc_ids = [d for (d,) in con.execute("SELECT doc_id FROM marts.documents").fetchall()]
    shown = sql(sample_warehouse, "SELECT * FROM marts.documents", columns=columns)
    assert max(len(line) for line in shown.splitlines()) <= columns
    assert f"row 1 of {len(doc_ids)}" in shown and f"row {len(doc_ids)} of {len(doc_ids)}" in shown
    first_block = shown.split("row 1 of", 1)[1].split("row 2 of", 1)[0].splitlines()[1:]
    labels = [line.split()[0] for line in first_block if line[:1].isalpha()]
    assert labels == names, "a block has a line for each column, starting with its name"
    for doc_id in doc_ids:
        assert re.search(rf"^doc_id +{re.escape(doc_id)} *$", shown, flags=re.MULTILINE), doc_id
    assert "…" not in shown, "nothing is cut off"
    empty = sql(sample_warehouse, "SELECT * FROM marts.documents WHERE false", columns=columns)
    assert " ".join(empty.split()) == f"No rows. Columns: {', '.join(names)}."


def test_a_result_that_fits_stays_a_table_at_any_width(sample_warehouse: Path) -> None:
    query = "SELECT doc_id, outlet, words FROM marts.documents ORDER BY doc_id"
    with reader(sample_warehouse) as con:
        rows = con.execute(query).fetchall()
    for columns in (80, 400):
        shown = sql(sample_warehouse, query, columns=columns)
        assert "row 1 of" not in shown
        assert re.search(r"┃ doc_id +┃ outlet +┃ words +┃", shown)
        for doc_id, outlet, words in rows:
            assert re.search(rf"│ {re.escape(doc_id)} +│ {re.escape(outlet or 'NULL')} +│ {words} +│", shown)
    wide = sql(sample_warehouse, "SELECT * FROM marts.documents", columns=400)
    assert "row 1 of" not in wide and "┃ doc_id" in wide, "at 400 columns the documents fit as a table"


def test_csv_writes_lists_and_structs_as_json(sample_warehouse: Path) -> None:
    shown = sql(
        sample_warehouse,
        "SELECT ['Markus Becker', 'Ann-Dorit Brück'] AS authors, {'n': 1} AS s, true AS b",
        "--format",
        "csv",
    )
    header, row = csv.reader(io.StringIO(shown))
    assert header == ["authors", "s", "b"]
    assert json.loads(row[0]) == ["Markus Becker", "Ann-Dorit Brück"]
    assert json.loads(row[1]) == {"n": 1} and row[2] == "true"

    query = "SELECT doc_id, authors FROM marts.documents ORDER BY doc_id"
    as_json = json.loads(sql(sample_warehouse, query, "--format", "json"))
    as_csv = list(csv.DictReader(io.StringIO(sql(sample_warehouse, query, "--format", "csv"))))
    assert [json.loads(row["authors"]) for row in as_csv] == [row["authors"] for row in as_json]
    assert any(row["authors"] for row in as_json), "the samples have authors"


def run(db: Path, inputs: Path) -> str:
    result = CliRunner().invoke(app, ["run", "--input", str(inputs), "--db", str(db)], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.stdout


def counts(shown: str, *labels: str) -> tuple[int, ...]:
    """The numbers the summary table `shown` gives for `labels`, in order."""
    found = []
    for label in labels:
        match = re.search(rf"│ {label} +│ (\d+) +│", shown)
        assert match, f"no {label!r} line in\n{shown}"
        found.append(int(match[1]))
    return tuple(found)


THIS_RUN = ("new", "changed", "unchanged", "rejected", "duplicates")


def test_the_run_summary_says_what_this_run_did(tmp_path: Path) -> None:
    inputs, db = tmp_path / "inputs", tmp_path / "w.duckdb"
    inputs.mkdir()
    first, second = sorted(SAMPLES.iterdir())[:2]
    shutil.copy(first, inputs)

    shown = run(db, inputs)
    assert counts(shown, *THIS_RUN, "documents") == (1, 0, 0, 0, 0, 1)
    for header in re.findall(r"┃(.*)┃", shown):
        assert all(cell.strip() for cell in header.split("┃")), f"an unlabelled column: {header}"

    rerun = run(db, inputs)
    assert counts(rerun, *THIS_RUN, "documents") == (0, 0, 1, 0, 0, 1), "nothing new; the document stays"

    (inputs / first.name).write_bytes(first.read_bytes() + b"\nEin Nachtrag der Redaktion.\n")
    shutil.copy(second, inputs)
    shutil.copy(second, inputs / f"copy_of_{second.name}")
    changed = run(db, inputs)
    assert counts(changed, *THIS_RUN, "documents") == (2, 1, 0, 0, 1, 2), "one copy is a duplicate"
    assert counts(changed, "cleaned again") == (0,)


def test_the_run_summary_counts_documents_an_older_cleaning_made_as_cleaned_again(tmp_path: Path) -> None:
    inputs, db = tmp_path / "inputs", tmp_path / "w.duckdb"
    inputs.mkdir()
    for sample in sorted(SAMPLES.iterdir())[:2]:
        shutil.copy(sample, inputs)
    run(db, inputs)
    with duckdb.connect(str(db)) as con:
        first = "(SELECT min(doc_id) FROM clean.documents)"
        con.execute(f"UPDATE clean.documents SET clean_version = 0 WHERE doc_id = {first}")

    rerun = run(db, inputs)
    assert counts(rerun, "new", "changed", "cleaned again", "unchanged", "documents") == (0, 0, 1, 1, 2)
