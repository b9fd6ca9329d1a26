"""Weekdays of undated articles dated from other articles about the same event
(warehouse/steps/infer_weekday_dates.sql), on small hand-written warehouses."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tests.warehouse.corpus import Doc, build_warehouse
from warehouse.sql import run_step

PEOPLE = {"Anna Adler": "PER", "Boris Brandt": "PER"}
_INFERRED = (
    "SELECT doc_id, date, sentence_no, text, inferred_from FROM core.dates "
    "WHERE inferred_from IS NOT NULL ORDER BY ALL"
)


def dated(doc_id: str, sentence: str, day: str, iso: str) -> Doc:
    return Doc(doc_id, sentence.format(day=day), entities=PEOPLE, dates=[(day, iso, "day")])


def undated(doc_id: str = "undated") -> Doc:
    body = "Zuvor war es ruhig. Am Mittwoch telefonierte Anna Adler mit Boris Brandt."
    return Doc(doc_id, body, entities=PEOPLE, weekdays=[("Am Mittwoch", 2)])


CALL = "Anna Adler und Boris Brandt telefonierten am {day} miteinander."


def inferred(tmp_path: Path, docs: list[Doc]) -> list[tuple[object, ...]]:
    """The inferred dates after the step; running it again must change nothing."""
    with duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb", docs))) as con:
        run_step(con, "infer_weekday_dates", {"run_id": "first"})
        rows = con.execute(_INFERRED).fetchall()
        run_step(con, "infer_weekday_dates", {"run_id": "second"})
        assert con.execute(_INFERRED).fetchall() == rows
        return rows


def test_a_weekday_takes_the_date_another_article_gives_for_the_same_event(tmp_path: Path) -> None:
    docs = [dated("dated", CALL, "12. Februar 2025", "2025-02-12"), undated()]
    # The inferred date sits in the weekday's sentence (the second), which the event marts join on.
    assert inferred(tmp_path, docs) == [("undated", "2025-02-12", 1, "Am Mittwoch", "dated")]


def test_a_date_on_another_weekday_is_not_taken(tmp_path: Path) -> None:
    docs = [dated("dated", CALL, "13. Februar 2025", "2025-02-13"), undated()]
    assert inferred(tmp_path, docs) == []


def test_two_dates_on_that_weekday_leave_it_undated(tmp_path: Path) -> None:
    docs = [
        dated("first", CALL, "12. Februar 2025", "2025-02-12"),
        dated("second", CALL, "19. Februar 2025", "2025-02-19"),
        undated(),
    ]
    assert inferred(tmp_path, docs) == []


def test_an_event_of_another_family_is_not_the_same_event(tmp_path: Path) -> None:
    meeting = "Das Treffen von Anna Adler und Boris Brandt war am {day} in Wien."
    docs = [dated("dated", meeting, "12. Februar 2025", "2025-02-12"), undated()]
    assert inferred(tmp_path, docs) == []
