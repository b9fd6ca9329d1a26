from __future__ import annotations

import lxml.html

from presseschau.clean.html_teasers import teaser_cards

_EXCERPT = "Nach dem Ende der Bauarbeiten fahren die Linienbusse wieder durch die Altstadt."


def test_a_cards_title_and_excerpt_are_read_whether_the_title_or_another_line_links() -> None:
    linked_title = (
        "<html><body><div class='card'><h3><a href='/busse.html'>Busse fahren wieder</a></h3>"
        f"<div><p>{_EXCERPT}</p></div></div></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(linked_title), None) == {"Busse fahren wieder", _EXCERPT}
    more_link = (
        "<html><body><div class='card'><h3>Busse fahren wieder</h3>"
        f"<a href='/busse.html'><img src='b.jpg'></a><p>{_EXCERPT}</p>"
        "<a href='/busse.html'>zum Artikel</a></div></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(more_link), None) == {"Busse fahren wieder", _EXCERPT}


def test_a_section_linking_only_in_its_text_or_a_long_box_is_no_card() -> None:
    long_text = "<p>" + "Der Stadtrat hat lange über den Radweg am Fluss gestritten. " * 20 + "</p>"
    page = (
        "<html><body><div><h2>Busse fahren wieder</h2><p>Nach dem Ende der Bauarbeiten fahren die "
        "<a href='/linien.html'>Linienbusse</a> wieder durch die Altstadt.</p></div><article>"
        f"<h2><a href='/radweg.html'>Radweg wird breiter</a></h2>{long_text}</article></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(page), None) == frozenset()


def test_a_short_article_under_the_pages_title_is_no_card() -> None:
    page = (
        "<html><body><div class='story'><h1>Busse fahren wieder durch die Altstadt</h1>"
        f"<p>{_EXCERPT}</p><a href='https://example.org/quelle'>Quelle: Verkehrsbetriebe</a>"
        "</div></body></html>"
    )
    tree = lxml.html.fromstring(page)
    assert teaser_cards(tree, "Busse fahren wieder durch die Altstadt | Stadtbote") == frozenset()
    assert teaser_cards(tree, "Ein anderer Titel") == {"Busse fahren wieder durch die Altstadt", _EXCERPT}


def test_a_card_showing_its_articles_opening_lines_is_read() -> None:
    opening = (
        "Die Busse der Stadt fahren seit Montag wieder ihre alte Strecke durch die Altstadt, nachdem "
        "die Bauarbeiten am Marktplatz früher als geplant beendet wurden. Für viele Fahrgäste ist das "
        "eine gute Nachricht, denn die Umleitung hatte die Fahrt um bis zu zwanzig Minuten verlängert.",
        "Auch die Händler in der Innenstadt hatten über weniger Kundschaft geklagt, seit die Haltestelle "
        "am Rathaus geschlossen war. Sie hoffen nun auf ein besseres Geschäft im Sommer, wenn wieder "
        "mehr Gäste in die Stadt kommen und die Cafés am Marktplatz ihre Tische nach draußen stellen.",
        "Die Verkehrsbetriebe kündigten an, den Takt der Linien am Wochenende zu erhöhen, und baten "
        "die Fahrgäste um Geduld, solange …",
    )
    page = (
        "<html><body><div class='story-teaser'><h2>Busse fahren wieder</h2>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in opening)
        + "<a href='/busse.html'>Artikel lesen</a></div></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(page), None) == {"Busse fahren wieder", *opening}


def test_a_section_whose_only_link_is_its_picture_is_no_card() -> None:
    # A picture linked to its larger view belongs to the article's section it stands in.
    page = (
        "<html><body><div class='box'><h3>Die Altstadt</h3><a href='/bild-12.html'><img src='a.jpg'></a>"
        f"<p>{_EXCERPT}</p></div></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(page), None) == frozenset()
