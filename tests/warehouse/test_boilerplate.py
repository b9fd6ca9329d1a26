"""Corpus-learned boilerplate: lines recurring across an outlet's documents are removed."""

from __future__ import annotations

from pathlib import Path

from flows.pipeline import run_pipeline
from warehouse.store import reader

# A line the cleaning of one document keeps (a question to the reader, as an interviewer asks
# one): only its recurrence across the outlet's documents gives it away.
TEASER = "Sie wollen keine Nachricht zur Lage in Europa mehr verpassen?"


def article(n: int, outlet_marker: str) -> str:
    return (
        f"Bericht Nummer {n} aus Brüssel\n\n"
        f"Die Verhandlungen über das Paket {n} gingen am Montag weiter, sagte ein Diplomat.\n\n"
        f"{TEASER}\n\n"
        f"Beobachter erwarten eine Einigung in Runde {n}, doch die Lage bleibt unklar.\n\n"
        f"Besuchen Sie uns auf: {outlet_marker}\n"
    )


def test_recurring_lines_of_one_outlet_are_learned_and_removed(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(4):
        (inputs / f"a{n}.txt").write_text(article(n, "beispiel-zeitung.de"), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    run_pipeline([str(inputs)], str(db))
    with reader(db) as con:
        learned = con.execute("SELECT outlet, segment, doc_count FROM ops.boilerplate_segments").fetchall()
        ok_bodies = con.execute("SELECT body FROM clean.documents WHERE status = 'ok'").fetchall()
        bodies = [body for (body,) in ok_bodies]
        pending = con.execute(
            "SELECT count(*) FROM clean.documents d JOIN core.extracted e USING (doc_id) "
            "WHERE d.body_sha256 <> e.body_sha256"
        ).fetchone()[0]
    assert (TEASER, 4) in [(segment, count) for _outlet, segment, count in learned]
    assert len(bodies) == 4
    assert all(TEASER not in body and "Verhandlungen" in body for body in bodies)
    assert pending == 0, "facts were extracted from the trimmed bodies"
