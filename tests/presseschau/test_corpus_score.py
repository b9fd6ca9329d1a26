"""Checks of a reading against the per-shape gold, and the corpus commands on a tiny corpus."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presseschau.cli import app
from presseschau.corpus.metrics import Reading, check_page

GOLD = {
    "title_any_of": ["Der Rat entscheidet"],
    "published": "2025-03-04",
    "authors": ["Anna Krüger", "Clara Meta"],
    "must_keep": ["Der Rat der Stadt", "knappe Mehrheit"],
    "must_drop": ["Newsletter"],
    "main_text": "Der Rat der Stadt tagte. Es gab eine knappe Mehrheit.",
    "article_region": "Von Anna Krüger\nDer Rat der Stadt tagte. Es gab eine knappe Mehrheit.",
    "not_shown": {"authors": ["Clara Meta"]},
}
BODY = "Der Rat der Stadt tagte. Es gab eine knappe Mehrheit."


def scores(reading: Reading, gold: dict[str, object] = GOLD) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {}
    for check in check_page(reading, gold):
        found.setdefault(check.field, []).append(check.score)
    return found


def test_a_perfect_reading_scores_one_on_every_check() -> None:
    reading = Reading(BODY, "Der Rat entscheidet", "2025-03-04T18:03", ("Anna Krüger",))
    assert scores(reading) == {
        "title": [1.0],
        "published": [1.0],
        "authors": [1.0],  # only the name the shape shows is expected
        "keep": [1.0, 1.0],
        "drop": [1.0],
        "body_precision": [1.0],
        "body_recall": [1.0],
    }


def test_menus_in_the_body_cost_precision_and_a_missing_paragraph_recall() -> None:
    menus = scores(Reading("Startseite Politik Newsletter\n" + BODY))
    assert menus["body_precision"] == [pytest.approx(10 / 13)]
    assert menus["body_recall"] == [1.0]
    assert menus["drop"] == [0.0]
    half = scores(Reading("Der Rat der Stadt tagte."))
    assert half["body_recall"] == [pytest.approx(5 / 10)]
    assert half["keep"] == [1.0, 0.0]


def test_an_empty_body_scores_zero_and_wrong_metadata_fails() -> None:
    found = scores(Reading("", "Startseite", "2025-03-05", ("Alle Themen",)))
    assert found["body_precision"] == found["body_recall"] == [0.0]
    assert found["title"] == found["published"] == found["authors"] == [0.0]


def test_gold_not_shown_or_not_annotated_is_not_scored() -> None:
    gold = {**GOLD, "not_shown": {"published": "2025-03-04", "title_any_of": ["Der Rat entscheidet"]}}
    del gold["authors"]
    found = scores(Reading(BODY), gold)
    assert "published" not in found and "title" not in found and "authors" not in found


PAGE = Path(__file__).parent.parent / "fixtures" / "corpus" / "article.html"


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    """One handmade page with its gold, laid out like ../shared/corpus."""
    corpus = tmp_path / "corpus"
    (corpus / "pages").mkdir(parents=True)
    (corpus / "pages" / "seite.html").write_bytes(PAGE.read_bytes())
    gold = {
        "title_any_of": ["Streit um die Brücke: Der Rat entscheidet"],
        "published": "2025-03-04",
        "authors": ["Anna Krüger"],
        "must_keep": ["Der Rat der Stadt hat am"],
        "must_drop": ["Newsletter bestellen"],
        "source": "fundus",
    }
    (corpus / "gold.json").write_text(json.dumps({"documents": {"seite.html": gold}}), encoding="utf-8")
    return corpus


def test_eval_prints_a_row_per_shape_and_the_misses(tiny_corpus: Path) -> None:
    result = CliRunner().invoke(
        app, ["eval", "--corpus", str(tiny_corpus), "--misses", "--field", "drop", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    rows = {row[0]: row for row in csv.reader(result.output.splitlines()) if row}
    for reading in ("html", "html (trafilatura)", "text", "flattened", "markdown", "text: html, same checks"):
        assert reading in rows, reading
    assert rows["text"][:1] + rows["text"][-1:] == ["text", "0"]  # nothing misread


def test_eval_refuses_an_unknown_shape_and_a_folder_without_gold(tiny_corpus: Path) -> None:
    shape = CliRunner().invoke(app, ["eval", "--corpus", str(tiny_corpus), "--shape", "pdf"])
    assert shape.exit_code != 0 and "unknown shape" in shape.output
    folder = CliRunner().invoke(app, ["eval", "--corpus", str(tiny_corpus / "pages")])
    assert folder.exit_code != 0 and "no gold.json" in folder.output


def test_corpus_shapes_writes_each_shape_with_its_gold(tiny_corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "shapes"
    result = CliRunner().invoke(app, ["corpus-shapes", "--corpus", str(tiny_corpus), "--output", str(output)])
    assert result.exit_code == 0, result.output
    files = {"html": "seite.html", "text": "seite.txt", "flattened": "seite.txt", "markdown": "seite.md"}
    for shape, name in files.items():
        assert (output / shape / name).is_file(), shape
        gold = json.loads((output / shape / "gold.json").read_text(encoding="utf-8"))["documents"][name]
        assert gold["main_text"].startswith("Der Rat der Stadt hat am Dienstag"), shape
    flat = (output / "flattened" / "seite.txt").read_text(encoding="utf-8")
    assert "\n" not in flat.strip() and "4 März 2025 18 03 Uhr" in flat
    # The page is short: ingest takes its flattened shape for plain text, and says so.
    assert "flattened/seite.txt: ingest detects text" in result.output
