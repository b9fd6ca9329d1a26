"""Where the article stands on a page of text lines: its run of prose told from the teasers
and labels around it."""

from __future__ import annotations

from presseschau.clean.blocks import text_blocks
from presseschau.clean.region import article_region

_MENU = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur"]
_ARTICLE = [
    "Hafenstadt plant neue Fährlinie",
    "Die Stadt will ab dem Sommer eine zusätzliche Fährlinie über die Förde einrichten. Das hat der "
    "Wirtschaftsausschuss am Dienstag einstimmig beschlossen, wie ein Sprecher der Stadt mitteilte.",
    "Die neue Linie soll die Stadtteile am Ostufer im Halbstundentakt mit der Innenstadt verbinden. "
    "Die Stadtwerke rechnen mit rund 2000 Fahrgästen pro Tag, im Sommer mit deutlich mehr.",
    "Dafür werden zwei gebrauchte Schiffe angeschafft, die bisher auf einem See in Bayern im Einsatz "
    "waren. Der Umbau soll bis Juni abgeschlossen sein, sagte ein Sprecher der Werft.",
]
_FOOTER = ["Impressum", "Datenschutz", "Kontakt"]


def _article_lines(after: list[str]) -> list[str]:
    """The texts of the article's blocks on a page with `after` between article and footer."""
    blocks = text_blocks("\n".join([*_MENU, *_ARTICLE, *after, *_FOOTER]))
    start, end = article_region(blocks)
    return [block.text for block in blocks[start:end]]


def test_a_paragraph_closed_by_a_more_link_on_its_own_line_is_a_teaser() -> None:
    # A browser's copy sets the teaser's "mehr" link on a line of its own; the summary, as long
    # as a paragraph, joined the article.
    after = [
        "Weitere Informationen zum Hafen",
        "Kreuzfahrtsaison beginnt in diesem Jahr früher",
        "Die ersten Schiffe legen schon im März an. Die Stadt erwartet in diesem Jahr einen Rekord an "
        "Passagieren, die Hotels am Hafen sind für die ersten Wochen bereits gut gebucht, heißt es.",
        "mehr",
    ]
    assert _article_lines(after) == _ARTICLE[1:]


def test_a_teaser_past_the_share_labels_after_the_last_paragraph_is_not_the_articles() -> None:
    after = [
        "Teilen",
        "Drucken",
        # A kicker run into the headline, its abbreviation read as a sentence's end: no heading.
        "Kiel St. Jürgen Neue Busspur am Bahnhof kommt erst im Herbst",
        "Die Bauarbeiten an der Busspur verzögern sich um mehrere Monate, weil Anwohner gegen die "
        "Pläne der Stadt geklagt haben. Das Gericht will im Herbst darüber entscheiden.",
    ]
    assert _article_lines(after) == _ARTICLE[1:]


def test_the_articles_last_section_under_its_subheading_stays() -> None:
    section = [
        "Verkehr: Neue Busspur in der Innenstadt kommt später",
        "Die Bauarbeiten an der Busspur verzögern sich um mehrere Monate, weil Anwohner gegen die "
        "Pläne der Stadt geklagt haben. Das Gericht will im Herbst darüber entscheiden.",
    ]
    assert _article_lines(section) == [*_ARTICLE[1:], *section]
