"""Hostile and broken input: every file ends loaded or rejected with a reason, and the run goes on.

One real run over a directory of awkward files (plus focused tests for what a run cannot
show: bounded memory on a huge file, a file changing while it is read, a huge single line).
"""

from __future__ import annotations

import gzip
import os
import threading
import time
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest

from flows import steps
from flows.inputs import read_inputs
from flows.pipeline import run_pipeline
from presseschau.settings import load_settings
from presseschau.sources import discover, read_capped
from tests.flows.processes import sample_paragraphs
from warehouse.store import reader

GERMAN = (
    "Berlin. Bundeskanzler Olaf Scholz hat am Montag in Berlin den französischen Präsidenten "
    "Emmanuel Macron getroffen. „Wir müssen gemeinsam handeln“, sagte Scholz nach dem Gespräch. "
    "Die Gespräche über die Zukunft der Europäischen Union dauerten mehr als drei Stunden. "
    "Für die Bürgerinnen und Bürger bedeutet das höhere Ausgaben von 2,5 Milliarden Euro.\n\n"
    "Macron äußerte sich später zurückhaltend über die Ergebnisse des Treffens in Berlin.\n"
)
ENGLISH = (
    "London. The government announced on Tuesday that it would review the funding of local "
    "libraries after a report showed that more than two hundred branches had closed since the "
    "last election. The minister said the review would be published before the summer, and that "
    "councils would be asked to explain how they decide which services to keep. Campaigners "
    "welcomed the announcement but warned that the money promised so far was not enough.\n"
)
FRENCH = (
    "Paris. Le conseil municipal a voté mardi soir un nouveau plan pour les pistes cyclables de la "
    "ville. Selon la maire, les travaux commenceront au printemps et dureront près de deux ans. "
    "Les associations de cyclistes ont salué une décision attendue depuis longtemps, tandis que "
    "plusieurs commerçants du centre craignent une baisse de la fréquentation pendant le chantier.\n"
)
BIG_FILE_BYTES = 200_000_000


_OWN_PARAGRAPHS = sample_paragraphs()


def german(no: int) -> str:
    """The German article plus a paragraph of its own, so that no two inputs are (near) duplicates."""
    return GERMAN + "\n" + _OWN_PARAGRAPHS[no % len(_OWN_PARAGRAPHS)] + "\n"


def _page(body_html: str, head: str = "") -> bytes:
    page = f"<!DOCTYPE html><html><head><title>Treffen</title>{head}</head><body>{body_html}</body></html>"
    return page.encode()


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{part}</p>" for part in text.split("\n\n"))


# file name → (bytes, expected status or reject reason). None: either outcome, but a clean one.
HOSTILE: dict[str, tuple[bytes, str | None]] = {
    "leer.txt": (b"", "empty"),
    "nur leerzeichen.txt": (b" \n\t \r\n", "empty"),
    "bild.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
    "dokument.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" * 20, "binary"),
    "archiv.txt.gz": (gzip.compress(german(0).encode()), "binary"),
    "utf16 ohne bom.txt": (german(1).encode("utf-16-le"), "binary"),
    "kaputtes utf8.txt": (german(2).encode()[:150] + b"\xff\xfe\xfa" + german(2).encode()[150:], "ok"),
    "gemischt.txt": (german(3).encode() + b"\n" + german(4).encode("cp1252"), "ok"),
    "windows-1252.txt": (german(5).encode("cp1252"), "ok"),
    "utf16 mit bom.txt": (german(6).encode("utf-16"), "ok"),
    "nullbytes.txt": (german(7).encode().replace(b". ", b".\x00 ", 2), "ok"),
    "verschachtelt.html": (
        _page("<div>" * 20_000 + _paragraphs(german(8)) + "</div>" * 20_000),
        "too_deeply_nested",
    ),
    "300 divs tief.html": (_page("<div>" * 300 + _paragraphs(german(13)) + "</div>" * 300), "ok"),
    "kaputt.html": (_page("<p>Berlin <b>Scholz <i>" * 2_000 + "<p <div"), None),
    "skript und stil.html": (
        _page(
            "<article><h1>Treffen in Berlin</h1>"
            + _paragraphs(german(9))
            + "<script>alert('Kunigunde Prell');"
            + " document.write('<p>Ottokar Wimmelbach</p>')</script></article>",
            head="<style>p::after { content: 'Balthasar Quendt' }</style>"
            + "<script>var n = 'Gerlinde Sturmhaus';</script>",
        ),
        "ok",
    ),
    "markdown mit html.md": (
        (
            "# Treffen in Berlin\n\n"
            + german(10)
            + "\n<div class=\"anzeige\"><script>alert('Gerlinde Sturmhaus')</script></div>\n\n"
            + "<style>p { color: red }</style>\n\n**Mehr dazu** [hier](https://example.org/mehr)\n"
        ).encode(),
        "ok",
    ),
    "Bericht mit Leerzeichen.txt": (german(11).encode(), "ok"),
    "Überraschung äöü 日本語.txt": (german(12).encode(), "ok"),
    "english.txt": (ENGLISH.encode(), "ok"),
    "francais.txt": (FRENCH.encode(), "ok"),
}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One real run over every hostile file at once; returns (input dir, warehouse)."""
    root = tmp_path_factory.mktemp("hostile")
    inputs = root / "eingang"
    inputs.mkdir()
    for name, (content, _) in HOSTILE.items():
        (inputs / name).write_bytes(content)
    with open(inputs / "riesig.txt", "wb") as huge:  # sparse: instant to create, never read whole
        huge.truncate(BIG_FILE_BYTES)
    (root / "ziel.txt").write_bytes(GERMAN.encode())
    (inputs / "verknüpfung.txt").symlink_to(root / "ziel.txt")
    os.mkfifo(inputs / "rohr.txt")  # a named pipe: opening it would block for ever
    db = root / "w.duckdb"
    run_pipeline([str(inputs)], str(db))
    return inputs, db


def _documents(db: Path) -> pd.DataFrame:
    with reader(db) as con:
        return con.execute(
            "SELECT d.doc_id, d.status, d.reject_reason, d.language, d.body, e.notes, "
            "(SELECT count(*) FROM core.mentions AS m WHERE m.doc_id = d.doc_id) AS mentions "
            "FROM clean.documents AS d LEFT JOIN core.extracted AS e USING (doc_id) ORDER BY d.doc_id"
        ).df()


def test_every_hostile_file_is_loaded_or_rejected_with_a_reason(hostile_run: tuple[Path, Path]) -> None:
    inputs, db = hostile_run
    docs = _documents(db).set_index("doc_id")
    assert sorted(docs.index) == sorted(p.name for p in inputs.iterdir()), "no input is lost"
    outcome = docs["reject_reason"].fillna(docs["status"])
    for name, (_, expected) in HOSTILE.items():
        if expected is None:
            assert docs.at[name, "status"] == "ok" or isinstance(docs.at[name, "reject_reason"], str), name
        else:
            assert outcome[name] == expected, f"{name}: {outcome[name]}"
    assert outcome["riesig.txt"] == "too_large"
    assert outcome["verknüpfung.txt"] == "symlink"
    assert outcome["rohr.txt"] == "not_a_file"
    with reader(db) as con:
        quarantined = dict(
            con.execute(
                "SELECT doc_id, check_name FROM ops.quarantine WHERE step IN ('ingest', 'clean')"
            ).fetchall()
        )
        run = con.execute("SELECT status, inputs_seen FROM ops.runs").fetchall()
    rejected = docs[docs["status"] == "rejected"]
    assert {doc_id: quarantined.get(doc_id) for doc_id in rejected.index} == rejected[
        "reject_reason"
    ].to_dict()
    assert run == [("completed", len(docs))]


def test_decoded_text_is_clean_whatever_the_encoding(hostile_run: tuple[Path, Path]) -> None:
    docs = _documents(hostile_run[1]).set_index("doc_id")
    for name in (
        "kaputtes utf8.txt",
        "gemischt.txt",
        "windows-1252.txt",
        "utf16 mit bom.txt",
        "nullbytes.txt",
    ):
        body = docs.at[name, "body"]
        assert "Präsidenten" in body and "äußerte" in body, f"{name}: umlauts survive decoding"
        assert "Ã" not in body and "\x00" not in body, f"{name}: no mojibake, no NUL"


_SCRIPT_LEFTOVERS = (
    "alert(",
    "document.write",
    "<script",
    "<style",
    "color: red",
    "Gerlinde Sturmhaus",
    "Balthasar Quendt",
)


def test_script_and_style_of_a_page_never_reach_the_body(hostile_run: tuple[Path, Path]) -> None:
    docs = _documents(hostile_run[1]).set_index("doc_id")
    body = docs.at["skript und stil.html", "body"]
    assert "Bundeskanzler Olaf Scholz" in body
    assert [leftover for leftover in _SCRIPT_LEFTOVERS if leftover in body] == []
    with reader(hostile_run[1]) as con:
        names = {
            n
            for (n,) in con.execute(
                "SELECT DISTINCT surface FROM core.mentions WHERE doc_id = 'skript und stil.html'"
            ).fetchall()
        }
    assert not names & {"Gerlinde Sturmhaus", "Balthasar Quendt", "Kunigunde Prell", "Ottokar Wimmelbach"}


def test_script_and_style_in_markdown_never_reach_the_body(hostile_run: tuple[Path, Path]) -> None:
    body = _documents(hostile_run[1]).set_index("doc_id").at["markdown mit html.md", "body"]
    assert "Bundeskanzler Olaf Scholz" in body
    assert [leftover for leftover in _SCRIPT_LEFTOVERS if leftover in body] == []


def test_foreign_articles_are_loaded_flagged_and_not_run_through_german_extraction(
    hostile_run: tuple[Path, Path],
) -> None:
    docs = _documents(hostile_run[1]).set_index("doc_id")
    for name, language in (("english.txt", "en"), ("francais.txt", "fr")):
        assert (docs.at[name, "status"], docs.at[name, "language"]) == ("ok", language)
        assert docs.at[name, "mentions"] == 0
        assert any("German-only" in note for note in docs.at[name, "notes"]), docs.at[name, "notes"]
    assert docs.at["Bericht mit Leerzeichen.txt", "mentions"] > 0, "German articles are extracted"


def test_unreadable_files_get_a_reason(tmp_path: Path) -> None:
    locked = tmp_path / "gesperrt.txt"
    locked.write_bytes(GERMAN.encode())
    locked.chmod(0)
    if os.geteuid() == 0:
        locked.chmod(0o644)
        pytest.skip(
            "running as root: permissions do not stop root from reading (the FIFO case covers refusal)"
        )
    result = read_capped(str(locked), 1_000_000)
    assert result.content is None and result.rejected is not None
    assert result.rejected.reason == "unreadable"


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "riesig.txt"
    with open(huge, "wb") as handle:
        handle.truncate(BIG_FILE_BYTES)
    tracemalloc.start()
    try:
        result = read_capped(str(huge), load_settings().max_file_bytes)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.rejected is not None and result.rejected.reason == "too_large"
    assert result.size_bytes == BIG_FILE_BYTES and result.content is None
    assert peak < 1_000_000, f"reading a refused file allocated {peak:,} bytes"


def test_a_file_that_changes_while_it_is_read_is_retried_later(tmp_path: Path) -> None:
    growing = tmp_path / "wachsend.txt"
    growing.write_bytes(GERMAN.encode() * 20_000)  # a few MB, so that a read takes a while
    stop = threading.Event()

    def append() -> None:
        with open(growing, "ab") as handle:
            while not stop.is_set():
                handle.write(b"Noch ein Satz. ")
                handle.flush()

    writer = threading.Thread(target=append)
    writer.start()
    try:
        results = [read_capped(str(growing), 100_000_000) for _ in range(20)]
    finally:
        stop.set()
        writer.join()
    changed = [r for r in results if r.rejected is not None]
    assert changed and all(r.rejected.reason == "changed_while_reading" for r in changed)
    assert all(r.content is None for r in changed), "half-read bytes are never handed on"
    assert all(len(r.content) == r.size_bytes for r in results if r.content is not None)


def test_a_five_million_character_line_takes_bounded_time(tmp_path: Path) -> None:
    line = tmp_path / "eine zeile.txt"
    line.write_text((GERMAN.replace("\n", " ") * 12_000)[:5_000_000], encoding="utf-8")
    settings = load_settings()
    started = time.monotonic()
    raw = read_inputs(discover([line]), settings.max_file_bytes)
    cleaned = steps.clean_batch(raw, settings.max_body_chars)
    ok = cleaned[cleaned["status"] == "ok"]
    if len(ok):
        steps.extract_batch(ok)
    seconds = time.monotonic() - started
    row = cleaned.iloc[0]
    assert row["status"] == "ok" or isinstance(row["reject_reason"], str)
    assert len(row["body"]) <= settings.max_body_chars
    assert seconds < 60, f"a 5-million-character line took {seconds:.0f} s"


def test_a_text_too_long_for_any_body_is_refused_before_cleaning(tmp_path: Path) -> None:
    settings = load_settings()
    cap = settings.max_body_chars
    lines = tmp_path / "lange liste.txt"  # short lines: per character the costliest to clean
    text = "Meldung\n" * (2 * cap // 8 + 1)
    lines.write_text(text, encoding="utf-8")
    page = tmp_path / "seite.html"  # long markup, short text: cleaned as any page
    page.write_bytes(_page(f"<script>var data = '{'x' * 2 * cap}';</script>" + _paragraphs(german(14))))
    raw = read_inputs(discover([lines, page]), settings.max_file_bytes).assign(version=1)
    refused, cleaned = steps.clean_batch(raw, cap).to_dict("records")
    assert (refused["reject_step"], refused["reject_reason"]) == ("ingest", "body_too_long")
    assert f"{len(text):,} characters before cleaning" in refused["reject_detail"]
    assert cleaned["status"] == "ok" and "Bundeskanzler Olaf Scholz" in cleaned["body"]
