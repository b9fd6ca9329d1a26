"""Boilerplate removal on blocks: related-article boxes inside an article and at its end."""

from __future__ import annotations

from presseschau.clean.blocks import Block
from presseschau.clean.boilerplate import remove_boilerplate
from presseschau.clean.resources import data_lines

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

    prefixes = sorted(data_lines("teaser_prefixes.txt"), key=len, reverse=True)
    plain = re.compile(r"^(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s*(?::|–|-|\|)\s*\S")
    openings = [*prefixes, *(p[:-1] for p in prefixes), *(p + "s" for p in prefixes), "", "mehr", "x"]
    endings = ["", ":", " :", ": ", ":  ", "-", " – ", "|", ": x", " - neue wege", "–x", " x", "\t:\tx", "::"]
    keys = [opening + ending for opening, ending in product(openings, endings)]
    keys += [key + " " + key for key in keys[::5]]
    assert sum(plain.match(key + " ") is not None for key in keys) > 200
    for key in keys:
        assert (_teaser_prefix().match(key) is None) == (plain.match(key + " ") is None), key


def test_the_skip_link_pattern_with_its_length_guard_matches_what_it_matches_without() -> None:
    # Made-up lines of every length around the longest match (64 characters), with each section
    # word and other words before "überspringen", a line break among them, or running on.
    import re
    from itertools import product

    guarded = next(
        line[3:] for line in data_lines("boilerplate_lines.txt") if line.startswith("re:(?!.{65})")
    )
    plain = re.compile(guarded.removeprefix("(?!.{65})"))
    # The guard stays one past the longest match: its words may change with the list.
    parts = re.fullmatch(r"\.\{1,(\d+)\} \(\?:([^)]*)\) (\w+)", plain.pattern)
    assert parts is not None
    assert int(parts[1]) + 1 + max(map(len, parts[2].split("|"))) + 1 + len(parts[3]) == 64
    sections = ["abschnitt", "bereich", "navigation", "inhalt", "werbung", "menü", ""]
    heads = ["", "x", "zum ", "den nächsten ", "a\nb"]
    lines = [
        f"{head}{'w' * size} {section} überspringen{tail}"
        for head, size, section, tail in product(heads, range(0, 44), sections, ["", " jetzt", "n"])
    ]
    lines += [line * 2 for line in lines[::9]]
    assert sum(plain.fullmatch(line) is not None for line in lines) > 500
    for line in lines:
        assert (re.fullmatch(guarded, line) is None) == (plain.fullmatch(line) is None), line


def _drop_related_lists_block_by_block(blocks: list[Block]) -> list[Block]:
    """The related lists' removal as it was written before it read the page in runs (`groupby`):
    a block at a time, each run of list items found by looking ahead from its first."""
    from presseschau.clean.boilerplate import _is_related_list
    from presseschau.clean.shape import is_heading_like, is_list_item

    result: list[Block] = []
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and (blocks[end].kind == "li" or is_list_item(blocks[end].text)):
            end += 1
        run = blocks[index:end]
        if len(run) >= 2 and _is_related_list(run):
            if result and result[-1].kind != "li" and is_heading_like(result[-1].text):
                result.pop()
            index = end
            continue
        result.extend(run or blocks[index : index + 1])
        index = max(end, index + 1)
    return result


def test_related_lists_are_dropped_as_block_by_block() -> None:
    # Made-up pages of 300 seeds: kicker links as list items (by kind or by a "- " or "1. "
    # marker), other items, headings over them, paragraphs, in random runs.
    import random

    from presseschau.clean.boilerplate import _drop_related_lists

    pieces = [
        Block("Mehr zum Thema", "h"),
        Block("Auch interessant"),
        Block("Hafen: Neue Fähre fährt ab dem Sommer nach Kiel", "li"),
        Block("- Sport: Der Verein gewinnt das dritte Spiel in Folge"),
        Block("1. Kultur: Das Theater zeigt im Herbst drei neue Stücke"),
        Block("Brot, Milch und Eier", "li"),
        Block("- zwei Kilo Mehl"),
        Block("Wetter: sonnig", "li"),
        Block("Kicker: " + " ".join(["Wort"] * 30), "li"),
        _OPENING,
        _MIDDLE,
        Block("Die Lage", "h"),
    ]
    dropped = 0
    for seed in range(300):
        rng = random.Random(seed)
        page = [rng.choice(pieces) for _ in range(rng.randrange(0, 14))]
        expected = _drop_related_lists_block_by_block(page)
        assert _drop_related_lists(page) == expected, page
        dropped += len(expected) < len(page)
    assert dropped > 100


def _drop_navigation_runs_block_by_block(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """The menu runs' removal as it was written before it read the page in runs (`groupby`)."""
    from presseschau.clean.boilerplate import _is_head_meta, _is_nav_item
    from presseschau.clean.shape import is_prose

    first = next((i for i, block in enumerate(blocks) if is_prose(block.text)), len(blocks))
    last = next((i for i in range(len(blocks) - 1, -1, -1) if is_prose(blocks[i].text)), len(blocks))
    drop: set[int] = set()
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and _is_nav_item(blocks[end]):
            end += 1
        if end - index >= 3 and (end <= first or index > last):
            run_end = (
                end - 1
                if end < first and not _is_nav_item(blocks[end]) and _is_head_meta(blocks[end])
                else end
            )
            drop.update(range(index, run_end))
        index = max(end, index + 1)
    nav = [blocks[i].text for i in sorted(drop)]
    return [block for i, block in enumerate(blocks) if i not in drop], nav


def test_navigation_runs_are_dropped_as_block_by_block() -> None:
    # Made-up pages of 300 seeds: menu labels, a headline, a date and a byline line,
    # headings, paragraphs, in random order.
    import random

    from presseschau.clean.boilerplate import _drop_navigation_runs

    pieces = [
        Block("Politik"),
        Block("Sport"),
        Block("Kultur und Freizeit"),
        Block("Startseite"),
        Block("Wetter"),
        Block("Podcast"),
        Block("Neue Fähre für den Hafen"),
        Block("12.03.2024"),
        Block("Von Anna Berger"),
        Block("Die Lage", "h"),
        Block("Ende."),
        _OPENING,
        _MIDDLE,
        _CLOSING,
    ]
    dropped = 0
    for seed in range(300):
        rng = random.Random(seed)
        page = [rng.choice(pieces) for _ in range(rng.randrange(0, 16))]
        page[rng.randrange(0, 8) : rng.randrange(0, 8)] = pieces[:6]  # a menu
        expected = _drop_navigation_runs_block_by_block(page)
        assert _drop_navigation_runs(page) == expected, page
        dropped += bool(expected[1])
    assert dropped > 100


def test_a_sites_notice_on_whose_opinion_its_texts_give_is_dropped() -> None:
    notice = Block(
        "Leserbeiträge geben nicht unbedingt die Meinung der Hafenblatt-Redaktion wieder. Wir behalten "
        "uns vor, Beiträge ohne Angabe von Gründen zu entfernen."
    )
    assert _texts([_OPENING, _MIDDLE, _CLOSING, notice]) == [_OPENING.text, _MIDDLE.text, _CLOSING.text]


def test_an_article_sentence_on_someones_opinion_stays() -> None:
    quoted = Block(
        "Die Umfrage gibt die Meinung der Anwohner wieder, sagte der Bürgermeister, der die Ergebnisse "
        "am Abend im Rat vorstellen will."
    )
    assert _texts([_OPENING, quoted, _CLOSING]) == [_OPENING.text, quoted.text, _CLOSING.text]


def test_a_table_of_contents_above_the_subheadings_it_lists_is_dropped() -> None:
    headings = ["Neue Linie über die Förde", "Zwei Schiffe aus Bayern", "Ausweichen ins Nachbarbad"]
    contents = [Block("In diesem Beitrag:"), *(Block(f"- {heading}", "li") for heading in headings)]
    article = [
        Block(headings[0], "h"),
        _OPENING,
        Block(headings[1], "h"),
        _MIDDLE,
        Block(headings[2], "h"),
        _CLOSING,
    ]
    assert _texts([*contents, *article]) == [block.text for block in article]


def test_table_cells_repeated_from_row_to_row_are_no_table_of_contents() -> None:
    rows = [Block(cell) for cell in ("Jahr", "2021", "Punkte", "Jahr", "2022", "Punkte")]
    assert _texts([_OPENING, *rows, _CLOSING]) == [_OPENING.text, *(row.text for row in rows), _CLOSING.text]
