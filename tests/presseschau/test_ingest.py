from __future__ import annotations

import pytest

from presseschau.ingest import RejectedInput, decode_bytes, detect_format
from tests.fixtures.clean import FIXTURES


def test_cp1252_file_is_detected_and_decoded() -> None:
    decoded = decode_bytes((FIXTURES / "cp1252_article.txt").read_bytes())
    assert decoded.encoding == "cp1252"
    assert "Köln" in decoded.text and "95 €" in decoded.text and "„Wir" in decoded.text


def test_mojibake_is_repaired() -> None:
    decoded = decode_bytes((FIXTURES / "mojibake_article.txt").read_bytes())
    assert "Glätte auf den Straßen" in decoded.text and "Ã" not in decoded.text


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Grüße aus München".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "Grüße aus München".encode(), "utf-8-sig"),
        ("Grüße aus München".encode("utf-16"), "utf-16"),
        ("Grüße aus München".encode("latin-1"), "cp1252"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == "Grüße aus München"
    assert decoded.encoding == encoding


def test_german_quotes_survive_decoding() -> None:
    assert decode_bytes("„Ja“, sagte sie, ‚gut‘.".encode()).text == "„Ja“, sagte sie, ‚gut‘."


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"  \n\t ", "empty"), (b"%PDF-1.7 ...", "binary"), (b"\x00\x01\x02" * 100, "binary")],
)
def test_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(RejectedInput) as error:
        decode_bytes(data)
    assert error.value.reason == reason


def test_detect_format() -> None:
    assert detect_format("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert detect_format("<h2>Titel</h2>\n<p>Ein Absatz.</p>\n<p>Noch einer.</p>") == "html"
    markdown_with_html = "## Titel\n\nText **fett**.\n\n<ul><li><a href='x'>a</a></li><li>b</li></ul>" * 3
    assert detect_format(markdown_with_html) == "markdown"
    assert detect_format("---\ntitle: x\n---\nText") == "markdown"
    assert detect_format("Titel\n\nEin ganz normaler Absatz. Noch ein Satz.") == "text"
    assert detect_format((FIXTURES / "flattened_free.txt").read_text(encoding="utf-8")) == "flattened"


def test_page_opening_with_a_comment_is_html() -> None:
    # A server's comment before the doctype, then a head of scripts long enough that no block
    # element stands in the first 5,000 characters, and markdown-like text in a script.
    script = "var teaser = '**Neu** [mehr](/a) [weiter](/b)';" * 120
    page = f"<!-- auth - false --><!DOCTYPE html>\n<html><head><script>{script}</script></head>"
    assert detect_format(page + "<body><p>Ein Absatz.</p><p>Noch einer.</p></body></html>") == "html"


def test_short_flattened_page_is_flattened_and_short_text_stays_text() -> None:
    # 1,500 characters on one line without a full stop: a small page flattened, not a note.
    short_page = "Startseite Politik Wetter Die Stadt hat am Abend entschieden dass der Markt bleibt " * 18
    assert len(short_page) < 2000
    assert detect_format(short_page) == "flattened"
    assert detect_format("Ein kurzer Hinweis ohne Punkt am Ende") == "text"
    assert detect_format("Ein Satz. " * 100) == "text"


def test_markdown_is_told_by_a_first_line_heading_or_inline_marks_alone() -> None:
    assert detect_format("# Titel\n\nEin Absatz. Noch ein Satz.") == "markdown"
    assert detect_format("Ein Absatz mit **fett** und [Link](https://example.org/a).") == "markdown"
    assert detect_format("Ein Absatz mit **fett** allein.") == "text"


@pytest.mark.parametrize("control", ["\x7f", "\x1b", "\u206a", "\ufeff", "\ufffc"])
def test_stray_control_characters_are_removed(control: str) -> None:
    # ASCII ones and the others alike (ftfy's list), in text without mojibake's marks (two
    # non-ASCII characters side by side) that ftfy's full repair would remove them with.
    assert decode_bytes(f"Köln{control} und Bonn".encode()).text == "Köln und Bonn"
