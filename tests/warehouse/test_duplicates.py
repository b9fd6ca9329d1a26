"""Exact and near duplicates are marked, point at the first seen, and keep their raw bytes."""

from __future__ import annotations

from pathlib import Path

from flows.pipeline import run_pipeline
from warehouse.store import reader

ARTICLE = (
    "Brüssel. Die Außenminister der Europäischen Union haben am Montag über neue Sanktionen beraten. "
    "Nach Angaben von Diplomaten soll das Paket Einschränkungen für Banken und Energiefirmen enthalten. "
    "Die ungarische Regierung kündigte Widerstand an, während Polen und die baltischen Staaten auf eine "
    "rasche Einigung drängten. Eine Entscheidung wird frühestens in zwei Wochen erwartet, hieß es. "
    "Der Außenbeauftragte sprach von einem wichtigen Signal an Moskau und rief zur Geschlossenheit auf. "
)


def test_exact_and_near_duplicates_point_at_the_first_document(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(ARTICLE * 3, encoding="utf-8")
    (inputs / "b.txt").write_text("  " + (ARTICLE * 3).upper() + "\n", encoding="utf-8")  # same words
    (inputs / "c.txt").write_text(ARTICLE * 3 + "Ergänzt um einen Satz.", encoding="utf-8")  # near
    (inputs / "d.txt").write_text(
        "München. Der Stadtrat hat am Dienstag einen neuen Radweg an der Isar beschlossen. " * 4,
        encoding="utf-8",
    )
    db = tmp_path / "w.duckdb"
    run_pipeline([str(inputs)], str(db))
    with reader(db) as con:
        rows = con.execute(
            "SELECT doc_id, status, duplicate_of, reject_reason FROM clean.documents ORDER BY doc_id"
        ).fetchall()
        raw = con.execute("SELECT count(*) FROM raw.documents").fetchone()[0]
        facts = con.execute("SELECT DISTINCT doc_id FROM core.extracted ORDER BY 1").fetchall()
    assert rows == [
        ("a.txt", "ok", None, None),
        ("b.txt", "duplicate", "a.txt", "exact_duplicate"),
        ("c.txt", "duplicate", "a.txt", "near_duplicate"),
        ("d.txt", "ok", None, None),
    ]
    assert raw == 4, "duplicates keep their raw bytes"
    assert facts == [("a.txt",), ("d.txt",)], "facts are extracted once per article"
