"""Weekdays of undated articles dated from other articles about the same event
(warehouse/steps/infer_weekday_dates.sql), on small hand-written warehouses."""

from __future__ import annotations

from pathlib import Path

import duckdb

from flows.tasks import entity_registry
from tests.warehouse.corpus import Doc, add_documents, build_warehouse
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


def inferred_from_scratch(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    """What the step infers when it matches everything again, as after a change of code."""
    con.execute("DELETE FROM core.event_participants; DELETE FROM core.weekday_matches")
    run_step(con, "infer_weekday_dates", {"run_id": "scratch"})
    return con.execute(_INFERRED).fetchall()


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


# A later run matches only the documents that changed since the last one (core.weekday_matches keeps
# the earlier matches): each test below changes one thing between two runs of the step and compares
# the result with the step matching everything from scratch.


def test_a_later_article_with_another_date_leaves_the_weekday_undated(tmp_path: Path) -> None:
    docs = [dated("first", CALL, "12. Februar 2025", "2025-02-12"), undated()]
    with duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb", docs))) as con:
        run_step(con, "infer_weekday_dates", {"run_id": "first"})
        assert [row[1] for row in con.execute(_INFERRED).fetchall()] == ["2025-02-12"]
        add_documents(con, [dated("later", CALL, "19. Februar 2025", "2025-02-19")], run_id="second")
        run_step(con, "infer_weekday_dates", {"run_id": "second"})
        assert con.execute(_INFERRED).fetchall() == [] == inferred_from_scratch(con)


def test_a_source_that_is_no_longer_extracted_no_longer_dates_the_weekday(tmp_path: Path) -> None:
    docs = [dated("dated", CALL, "12. Februar 2025", "2025-02-12"), undated()]
    with duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb", docs))) as con:
        run_step(con, "infer_weekday_dates", {"run_id": "first"})
        assert len(con.execute(_INFERRED).fetchall()) == 1
        # The source turns out to be a duplicate: its facts are dropped, as in a run.
        con.execute("UPDATE clean.documents SET status = 'duplicate' WHERE doc_id = 'dated'")
        run_step(con, "drop_stale_facts")
        run_step(con, "infer_weekday_dates", {"run_id": "second"})
        assert con.execute(_INFERRED).fetchall() == [] == inferred_from_scratch(con)


def test_an_entity_the_registry_renames_is_matched_again(tmp_path: Path) -> None:
    """The undated article names "Adler" alone, which a user's alias file then merges into "Anna
    Adler" of the dated article: the registry's run records the rename, and the weekday matches."""
    surname = Doc(
        "undated",
        "Am Mittwoch telefonierte Adler mit Boris Brandt.",
        entities={"Adler": "PER", "Boris Brandt": "PER"},
        weekdays=[("Am Mittwoch", 2)],
    )
    path = build_warehouse(
        tmp_path / "w.duckdb", [dated("dated", CALL, "12. Februar 2025", "2025-02-12"), surname]
    )
    with duckdb.connect(str(path)) as con:
        run_step(con, "infer_weekday_dates", {"run_id": "first"})
        assert con.execute(_INFERRED).fetchall() == []
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text(
        "entities:\n  - {canonical: Anna Adler, type: PER, variants: [Adler]}\n", encoding="utf-8"
    )
    entity_registry.fn(str(path), "second", str(aliases))
    with duckdb.connect(str(path)) as con:
        renames = con.execute("SELECT doc_name, old_name, new_name FROM ops.renames WHERE run_id = 'second'")
        assert renames.fetchall() == [("Adler", "Adler", "Anna Adler")]
        run_step(con, "infer_weekday_dates", {"run_id": "second"})
        rows = con.execute(_INFERRED).fetchall()
        assert rows == [("undated", "2025-02-12", 0, "Am Mittwoch", "dated")] == inferred_from_scratch(con)
