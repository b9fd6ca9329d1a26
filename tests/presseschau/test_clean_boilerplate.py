"""Boilerplate removal on blocks: related-article boxes inside an article and at its end."""

from __future__ import annotations

from presseschau.clean.blocks import Block
from presseschau.clean.boilerplate import remove_boilerplate

_OPENING = Block(
    "Die Gemeinde hat am Dienstagabend beschlossen, das alte Hallenbad an der Uferstraße bis zum "
    "Herbst zu sanieren, nachdem ein Gutachten erhebliche Schäden am Dach festgestellt hatte."
)
_MIDDLE = Block(
    "Der Bürgermeister sagte, die Kosten von rund vier Millionen Euro würden zur Hälfte vom Land "
    "getragen, den Rest müsse die Gemeinde aus ihren Rücklagen bezahlen, was im Rat umstritten war."
)
_CLOSING = Block(
    "Bis dahin sollen die Schwimmkurse der Grundschulen in das Nachbarbad ausweichen, für dessen "
    "Nutzung die Gemeinde mit der Stadt eine Vereinbarung über zwei Jahre geschlossen hat."
)


def _texts(blocks: list[Block]) -> list[str]:
    return [block.text for block in remove_boilerplate(blocks).blocks]


def test_article_paragraph_after_a_single_teaser_box_is_kept() -> None:
    blocks = [
        _OPENING,
        _MIDDLE,
        Block("Auch interessant"),
        Block("Ärger im Freibad"),
        Block("Warum die Rutsche in Nordheim seit Wochen gesperrt ist"),
        _CLOSING,
    ]
    assert _texts(blocks) == [_OPENING.text, _MIDDLE.text, _CLOSING.text]


def test_paragraph_after_a_list_of_links_ends_the_article() -> None:
    plug = Block(
        "Jeden Tag finden hier viele Menschen eine neue Stelle, und auch für dich könnte in unserem "
        "großen Angebot von Tausenden Anzeigen aus der ganzen Region die passende dabei sein."
    )
    blocks = [
        _OPENING,
        _MIDDLE,
        Block("Auch interessant"),
        Block("- Warum die Rutsche in Nordheim seit Wochen gesperrt ist", "li"),
        Block("- Sieben Tipps für den ersten Saunabesuch im Winter", "li"),
        plug,
    ]
    assert _texts(blocks) == [_OPENING.text, _MIDDLE.text]


def test_paragraph_after_several_kicker_titles_ends_the_article() -> None:
    teaser = Block(
        "Im Nachbarort wird seit Jahren über ein neues Lehrschwimmbecken gestritten, für das der "
        "Kreis nun überraschend doch Geld aus dem Haushalt des kommenden Jahres bereitstellen will."
    )
    blocks = [
        _OPENING,
        _MIDDLE,
        Block("Das könnte Sie auch interessieren"),
        Block("Freibad Nordheim: Die Rutsche bleibt den ganzen Sommer gesperrt"),
        Block("Sauna am See: Neue Preise gelten ab dem ersten Oktober"),
        teaser,
    ]
    assert _texts(blocks) == [_OPENING.text, _MIDDLE.text]


def test_the_links_to_the_previous_and_next_post_end_the_article() -> None:
    # A blog theme's post navigation, then a donation appeal under it: the article ended above.
    appeal = Block(
        "Unterstützen Sie unsere Arbeit mit einer Spende, damit wir auch im nächsten Jahr über die "
        "Gemeinde und das Hallenbad berichten können."
    )
    blocks = [_OPENING, _MIDDLE, _CLOSING, Block("Beitrags-Navigation"), Block("Hallenbad bleibt zu"), appeal]
    assert _texts(blocks) == [_OPENING.text, _MIDDLE.text, _CLOSING.text]


def test_a_teaser_prefix_is_found_as_the_plain_alternation_finds_it_after_an_added_space() -> None:
    # Made-up keys: the listed prefixes and their neighbours in the alphabet, with and without
    # a separator, white space and a word after them, or cut short.
    import re
    from itertools import product

    from presseschau.clean.boilerplate import _teaser_prefix
    from presseschau.clean.resources import data_lines

    prefixes = sorted(data_lines("teaser_prefixes.txt"), key=len, reverse=True)
    plain = re.compile(r"^(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s*(?::|–|-|\|)\s*\S")
    openings = [*prefixes, *(p[:-1] for p in prefixes), *(p + "s" for p in prefixes), "", "mehr", "x"]
    endings = ["", ":", " :", ": ", ":  ", "-", " – ", "|", ": x", " - neue wege", "–x", " x", "\t:\tx", "::"]
    keys = [opening + ending for opening, ending in product(openings, endings)]
    keys += [key + " " + key for key in keys[::5]]
    assert sum(plain.match(key + " ") is not None for key in keys) > 200
    for key in keys:
        assert (_teaser_prefix().match(key) is None) == (plain.match(key + " ") is None), key
