"""A fetched page is cleaned with its fetch time: a stamp such as "vor 3 Stunden" dates it."""

from __future__ import annotations

from pathlib import Path

from flows import inputs, steps
from presseschau.landing import land_page
from presseschau.settings import load_settings
from presseschau.sources import discover

_PAGE = "\n\n".join(
    [
        "Startseite\nPolitik\nSport",
        "Hafenstadt plant neue Fährlinie",
        "vor 3 Stunden",
        "Die Stadt will ab dem Sommer eine zusätzliche Fährlinie über die Förde einrichten. Das hat der "
        "Wirtschaftsausschuss am Dienstag einstimmig beschlossen, nach einer langen Debatte im Rathaus.",
        "Die neue Linie soll die Stadtteile am Ostufer im Halbstundentakt mit der Innenstadt verbinden. "
        "Die Stadtwerke rechnen mit rund 2000 Fahrgästen pro Tag, im Sommer mit deutlich mehr.",
        "Impressum\nDatenschutz",
    ]
)


def test_relative_stamp_of_a_fetched_page_is_dated_by_its_fetch_time(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    meta = {"url": "https://example.org/faehre", "fetched_at": "2025-03-04T17:05:00+00:00"}
    land_page(landing, "https://example.org/faehre", _PAGE.encode(), ".txt", meta)
    (tmp_path / "notes.txt").write_text(_PAGE, encoding="utf-8")
    settings = load_settings()
    raw = inputs.read_inputs(discover([landing, tmp_path / "notes.txt"]), settings.max_file_bytes)
    cleaned = steps.clean_batch(raw, settings.max_body_chars).set_index("source_path")
    fetched = cleaned.loc[next(path for path in cleaned.index if "landing" in path)]
    assert fetched["published"] == "2025-03-04T15:05"
    assert fetched["title"] == "Hafenstadt plant neue Fährlinie"
    # The same text read from a file nobody fetched has no time to count back from.
    assert not isinstance(cleaned.loc[str(tmp_path / "notes.txt")]["published"], str)
