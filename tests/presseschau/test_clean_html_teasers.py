from __future__ import annotations

import lxml.html

from presseschau.clean.html_teasers import teaser_cards

_EXCERPT = "Nach dem Ende der Bauarbeiten fahren die Linienbusse wieder durch die Altstadt."


def test_a_cards_title_and_excerpt_are_read_whether_the_title_or_another_line_links() -> None:
    linked_title = (
        "<html><body><div class='card'><h3><a href='/busse.html'>Busse fahren wieder</a></h3>"
        f"<div><p>{_EXCERPT}</p></div></div></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(linked_title)) == {"Busse fahren wieder", _EXCERPT}
    more_link = (
        "<html><body><div class='card'><h3>Busse fahren wieder</h3>"
        f"<a href='/busse.html'><img src='b.jpg'></a><p>{_EXCERPT}</p>"
        "<a href='/busse.html'>zum Artikel</a></div></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(more_link)) == {"Busse fahren wieder", _EXCERPT}


def test_a_section_linking_only_in_its_text_or_a_long_box_is_no_card() -> None:
    long_text = "<p>" + "Der Stadtrat hat lange über den Radweg am Fluss gestritten. " * 12 + "</p>"
    page = (
        "<html><body><div><h2>Busse fahren wieder</h2><p>Nach dem Ende der Bauarbeiten fahren die "
        "<a href='/linien.html'>Linienbusse</a> wieder durch die Altstadt.</p></div><article>"
        f"<h2><a href='/radweg.html'>Radweg wird breiter</a></h2>{long_text}</article></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(page)) == frozenset()
