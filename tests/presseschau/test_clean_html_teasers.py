from __future__ import annotations

import lxml.html

from presseschau.clean.html_teasers import teaser_cards

_EXCERPT = "Nach dem Ende der Bauarbeiten fahren die Linienbusse wieder durch die Altstadt."


def test_a_cards_linked_title_and_its_excerpt_are_read() -> None:
    page = (
        "<html><body><div class='card'><h3><a href='/busse.html'>Busse fahren wieder</a></h3>"
        f"<div><p>{_EXCERPT}</p></div></div></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(page)) == {"Busse fahren wieder", _EXCERPT}


def test_a_heading_not_all_linked_or_in_a_long_box_is_no_card() -> None:
    long_text = "<p>" + "Der Stadtrat hat lange über den Radweg am Fluss gestritten. " * 12 + "</p>"
    page = (
        "<html><body><div><h2>Busse <a href='/busse.html'>fahren wieder</a></h2>"
        f"<p>{_EXCERPT}</p></div><article><h2><a href='/radweg.html'>Radweg wird breiter</a></h2>"
        f"{long_text}</article></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(page)) == frozenset()
