"""The corpus shapes of a small handmade page: the text a browser copies, flattened, markdown."""

from __future__ import annotations

from presseschau.corpus.render import flatten, page_markdown, page_text, visible_tree

PAGE = """<!DOCTYPE html>
<html><head><title>Seitentitel</title><meta name="author" content="Anna Krüger">
<style>p { color: red }</style><script>var hidden = "Skripttext";</script></head>
<body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<main><article>
<h1>Die   <em>große</em> Schlagzeile</h1>
<p class="meta">4. März 2025, 18:03 Uhr</p>
<p>Erster Absatz mit <b>fettem</b> Wort und einem
   <a href="https://example.org/x">Verweis</a>.</p>
<p style="display: none">Unsichtbar per Stil</p>
<div hidden>Unsichtbar per Attribut</div>
<noscript>Bitte aktivieren Sie JavaScript</noscript>
<template><p>Vorlage</p></template>
<p>Zeile eins<br>Zeile zwei</p>
<figure><img src="bild.jpg" alt="Alternativtext"><figcaption>Foto: dpa</figcaption></figure>
<table><tr><td>Ort</td><td>Wert</td></tr><tr><td>Berlin</td><td>3</td></tr></table>
<details><summary>Mehr lesen</summary>Aufgeklappter Text</details>
<span aria-hidden="true">Dekor</span> <!-- Kommentar -->Nach dem Kommentar
</article></main>
<footer><p>© 2025 Beispielverlag</p></footer>
</body></html>"""

TEXT = """Startseite
Politik

Die große Schlagzeile

4. März 2025, 18:03 Uhr

Erster Absatz mit fettem Wort und einem Verweis.

Zeile eins
Zeile zwei

Foto: dpa
Ort\tWert
Berlin\t3
Mehr lesen
Dekor Nach dem Kommentar

© 2025 Beispielverlag
"""


def test_page_text_is_what_a_browser_copies() -> None:
    assert page_text(visible_tree(PAGE.encode())) == TEXT


def test_unseen_and_hidden_elements_are_left_out() -> None:
    text = page_text(visible_tree(PAGE.encode()))
    for unseen in (
        "Seitentitel",
        "Skripttext",
        "color",
        "Unsichtbar",
        "JavaScript",
        "Vorlage",
        "Aufgeklappt",
    ):
        assert unseen not in text
    assert "Dekor" in text  # aria-hidden hides from screen readers, not from the eye


def test_preformatted_text_keeps_its_spaces_and_lines() -> None:
    page = b"<html><body><p>Vor</p><pre>a  b\n  c</pre><p>Nach</p></body></html>"
    assert page_text(visible_tree(page)) == "Vor\n\na  b\n  c\n\nNach\n"


def test_bytes_in_another_encoding_are_read_in_the_declared_charset() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Größe</p></body></html>'
    assert page_text(visible_tree(page.encode("latin-1"))) == "Größe\n"


def test_flattening_strips_punctuation_onto_one_line() -> None:
    assert flatten("4. März 2025, 18:03 Uhr") == "4 März 2025 18 03 Uhr"
    flat = flatten(TEXT)
    assert "\n" not in flat
    assert "Die große Schlagzeile 4 März 2025 18 03 Uhr Erster Absatz" in flat


def test_markdown_has_headings_links_lists_and_emphasis_as_markup() -> None:
    markdown = page_markdown(visible_tree(PAGE.encode()))
    assert "# Die *große* Schlagzeile" in markdown
    assert "[Verweis](https://example.org/x)" in markdown
    assert "**fettem**" in markdown
    assert "* [Startseite](/)" in markdown
    assert "Unsichtbar" not in markdown and "Skripttext" not in markdown
    # The footer is a block of its own, not run on from the text before it.
    assert "\n© 2025 Beispielverlag" in markdown


def test_a_body_hidden_until_scripts_run_is_shown() -> None:
    page = b'<html><body style="display:none"><p>Artikel</p><p style="display: none">Nein</p></body></html>'
    assert page_text(visible_tree(page)) == "Artikel\n"
