"""Metadata an HTML page states (`presseschau.clean.html_meta`)."""

from __future__ import annotations

import lxml.html

from presseschau.clean.html_meta import _CAPTIONS, read_html_metadata


def test_caption_elements_are_every_figcaption_and_credit_class_in_page_order() -> None:
    # Credit classes on elements of several kinds, a figcaption with a class and without, an
    # element with a class that names no credit and one with none: found as a walk over every
    # element finds them, in page order, each once.
    page = lxml.html.fromstring(
        "<html><body><article><p class='lead'>Der Hafen wächst.</p>"
        "<figure><img src='a.jpg'><figcaption>Die Kaimauer. Foto: Jana Reiter</figcaption></figure>"
        "<span class='image-credit'>Bild: Ole Brandt/dpa</span><p>Text ohne Klasse.</p>"
        "<figure><figcaption class='caption credit'>Der Kran.</figcaption></figure>"
        "<div class='footer-copyright'>© Kieler Hafenblatt</div><div class=''>leer</div>"
        "</article></body></html>"
    )
    by_walk = [
        element
        for element in page.iter()
        if isinstance(element.tag, str)
        and (
            element.tag == "figcaption"
            or "credit" in (element.get("class") or "")
            or "copyright" in (element.get("class") or "")
        )
    ]
    assert _CAPTIONS(page) == by_walk
    assert [element.tag for element in by_walk] == ["figcaption", "span", "figcaption", "div"]
    # A short text in a credit-classed element is a credit as it stands.
    credits = ("Jana Reiter", "Ole Brandt/dpa", "Der Kran.", "Kieler Hafenblatt")
    assert read_html_metadata(page).image_credits == credits
