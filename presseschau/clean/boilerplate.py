"""Remove web leftovers from a document's blocks: navigation, share rows, media widgets,
related-article lists and teasers, paywall prompts. Curated phrases live in `presseschau/data/`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import groupby

from presseschau.clean.blocks import Block
from presseschau.clean.byline import parse_byline
from presseschau.clean.dates import parse_date_line
from presseschau.clean.resources import data_lines, grouped_alternation, phrase_pattern, phrase_set
from presseschau.clean.shape import (
    fold_case,
    is_heading_like,
    is_list_item,
    is_prose,
    matching_key,
    more_words_than,
    strip_list_marker,
)

# "Kicker: Headline" — how teaser links to other articles are written: the part after the
# colon is a capitalised headline of four words or more (unlike "Dauer: ein Schuljahr").
_KICKER = re.compile(r"^[^:.!?]{2,50}:\s+[„\"“»]?[A-ZÄÖÜ0-9]\S*(?:\s+\S+){3,}")
# A player's duration label ("02:45"); the short line above it is the video's title.
_DURATION = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
_RELATED_ITEM_MAX_WORDS = 25
_NAV_ITEM_MAX_WORDS = 3
_NAV_RUN_MIN = 3
# Prose paragraphs that must follow a related-content heading or paywall prompt for the
# text after it to count as article (the box sat inside the article).
_ARTICLE_CONTINUES = 2
# A box set inside the article shows one teaser (a kicker, a title, a line about it): when
# the article's next paragraph follows within this many lines of the box's heading, none of
# them a list's item, the box sat inside the article, even before its last paragraph.
_INNER_BOX_LINES = 3
_SUBSTANTIAL_WORDS = 25
# A related-content heading is a marker phrase (at most 5 words) and at most 4 words more.
_MARKER_MAX_WORDS, _MARKER_EXTRA_WORDS = 5, 4
# A site's notice on whose opinion its texts give is a paragraph of at most this many words; a
# longer block holding the formula is running text (a flattened page's run of tokens).
_NOTICE_MAX_WORDS = 120
# A table of contents lists at least this many of the article's subheadings, each of so many
# words (a table's cells, repeated from row to row, are fewer: "Jahr", "vs. Teamkollege"), in a
# row above them.
_CONTENTS_MIN_ENTRIES, _CONTENTS_ENTRY_MIN_WORDS, _CONTENTS_ENTRY_MAX_WORDS = 3, 3, 12


@dataclass(frozen=True)
class Filtered:
    blocks: list[Block]
    site_texts: tuple[str, ...]
    """Dropped navigation and footer texts: where a site names itself."""
    paywalled: bool


@cache
def _teaser_prefix() -> re.Pattern[str]:
    """A teaser's prefix and its separator ("Lesen Sie auch: …"), at the start of a matching
    key (`match`). The prefixes grouped by their first character: at the start, sre tries the
    one group the key's first character opens instead of every prefix. A key is matched as it
    is, no space added: a match ends on a character that is no white space."""
    prefixes = sorted(data_lines("teaser_prefixes.txt"), key=len, reverse=True)
    return re.compile(r"(?:" + grouped_alternation(prefixes) + r")\s*(?::|–|-|\|)\s*\S")


@lru_cache(maxsize=8192)
def is_interface_text(text: str) -> bool:
    """A navigation, share, media or footer label (data/boilerplate_lines.txt). Cached: the
    page reading, the region search and the boilerplate step ask it of the same blocks."""
    key = matching_key(text)
    if not key:
        return True
    pattern = phrase_pattern("boilerplate_lines.txt")
    return key in phrase_set("boilerplate_lines.txt") or bool(pattern and pattern.fullmatch(key))


def is_listed_interface_text(text: str) -> bool:
    """An interface label the list names word for word: set as a heading too ("### Empfohlener
    redaktioneller Inhalt"), unlike the list's patterns, which a real subheading may match
    ("… schließen": "Schulen schließen")."""
    return matching_key(text) in phrase_set("boilerplate_lines.txt")


@cache
def _marker_openings() -> frozenset[str]:
    """The first words of the related-content markers of two words or more."""
    return frozenset(marker.split()[0] for marker in phrase_set("tail_markers.txt") if " " in marker)


@lru_cache(maxsize=8192)
def heads_related_content(key: str) -> bool:
    """Whether a block (its `matching_key`) heads a list of other articles: a phrase of
    data/tail_markers.txt alone, or one of several words followed by a few more ("Die
    meistgelesenen Artikel bei hafenblatt.de/Sport", "Weitere Beiträge zu Hafen und Verkehr").
    Cached: the boilerplate step, the region search and the page reading ask it of the same
    keys (the same string objects, their hashes kept)."""
    tails = phrase_set("tail_markers.txt")
    if key in tails:
        return True
    first, _, rest = key.partition(" ")
    if "_" in first and rest:  # an icon's name the copy left before the heading ("filter_none Weitere …")
        return heads_related_content(rest)
    # Most blocks open with a word no marker of several words opens with: one set lookup.
    if first not in _marker_openings():
        return False
    words = key.split(None, _MARKER_MAX_WORDS + _MARKER_EXTRA_WORDS)
    if len(words) > _MARKER_MAX_WORDS + _MARKER_EXTRA_WORDS:
        return False
    return any(" ".join(words[:size]) in tails for size in range(2, min(len(words), _MARKER_MAX_WORDS + 1)))


@cache
def _paywall_needles() -> tuple[str, ...]:
    """The paywall markers that hold no other marker: text holding "jetzt weiterlesen mit"
    holds "weiterlesen mit", so only the shorter is searched for. Case folded, as the text
    searched is ("abschließen" folds to "abschliessen")."""
    markers = [marker.casefold() for marker in data_lines("paywall_markers.txt")]
    return tuple(marker for marker in markers if not any(o != marker and o in marker for o in markers))


@cache
def _paywall_groups() -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """The paywall markers grouped under a word of three letters or more that they share
    ("abo" in eight: "jetzt abo abschließen", "bereits abonnent", …; "artikel"; a marker
    without one is its own group), the word shared by the most markers first: text without
    the word holds none of its markers. Each group is one scan of the page, so the fewer the
    better; a two-letter word ("zu") would stand everywhere. Each marker comes with where the
    word stands in it."""
    markers = set(_paywall_needles())
    groups: list[tuple[str, tuple[tuple[str, int], ...]]] = []
    while markers:
        words = sorted({word for marker in markers for word in marker.split() if len(word) >= 3})
        word = max(words, key=lambda w: sum(w in marker for marker in markers), default=None)
        group = tuple(sorted(marker for marker in markers if word is None or word in marker))
        if word is None:  # no marker left has such a word
            groups += [(marker, ((marker, 0),)) for marker in group]
        else:
            groups.append((word, tuple((marker, marker.find(word)) for marker in group)))
        markers.difference_update(group)
    return tuple(groups)


@cache
def _site_notice() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{line})" for line in data_lines("site_notices.txt")))


def _is_site_notice(text: str, key: str) -> bool:
    """Whether `text` (`key`: its `matching_key`) is the site's notice on whose opinion the
    texts it prints give ("Die Kommentare geben nicht die Meinung der Redaktion wieder",
    data/site_notices.txt)."""
    # Most blocks hold no "meinung": one substring test spares them the search.
    return (
        "meinung" in key
        and not more_words_than(text, _NOTICE_MAX_WORDS)
        and _site_notice().search(key) is not None
    )


def is_paywall_text(text: str) -> bool:
    return _holds_paywall_marker(fold_case(text))


def _holds_paywall_marker(folded: str) -> bool:
    # Plain substring tests: for a few dozen literal phrases they are several times faster than
    # one regex alternation, which tries every phrase at every position of the text. A marker
    # holds its group's word, so where it stands, the word stands `offset` characters after
    # its start: the text is searched for the few words, and each marker is compared in
    # place at each occurrence (no slice is copied; "bereits" occurs on most pages).
    for word, markers in _paywall_groups():
        at = folded.find(word)
        while at >= 0:
            if any(at >= offset and folded.startswith(marker, at - offset) for marker, offset in markers):
                return True
            at = folded.find(word, at + 1)
    return False


def remove_boilerplate(blocks: list[Block]) -> Filtered:
    site_texts: list[str] = []
    kept: list[Block] = []
    for block in blocks:
        if is_listed_interface_text(block.text) if block.kind == "h" else is_interface_text(block.text):
            site_texts.append(block.text)
            if _DURATION.match(block.text.strip()) and kept and is_heading_like(kept[-1].text):
                kept.pop()
        elif not (
            _teaser_prefix().match(key := matching_key(block.text)) or _is_site_notice(block.text, key)
        ):
            kept.append(block)
    kept = _cut_related_sections(kept)
    kept, paywalled = _cut_paywall(kept)
    kept = _drop_related_lists(kept)
    kept, nav = _drop_navigation_runs(kept)
    return Filtered(_drop_table_of_contents(kept), (*site_texts, *nav), paywalled)


def _substantial(block: Block) -> bool:
    return is_prose(block.text, min_words=_SUBSTANTIAL_WORDS)


def _substantial_after(blocks: list[Block]) -> list[int]:
    """`counts[i]`: the substantial blocks in `blocks[i:]`. Counted once, so that asking at every
    prompt whether the article goes on after it stays linear (a page of prompts took minutes)."""
    counts = [0] * (len(blocks) + 1)
    for index in range(len(blocks) - 1, -1, -1):
        counts[index] = counts[index + 1] + _substantial(blocks[index])
    return counts


def _cut_related_sections(blocks: list[Block]) -> list[Block]:
    """After a "Mehr zum Thema" heading comes a list of other articles: drop it.

    When the article goes on after the box (paragraphs after it, or one right after its
    teaser), only the heading and its short items go.
    """
    result: list[Block] = []
    after: list[int] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if not heads_related_content(matching_key(block.text)):
            result.append(block)
            index += 1
            continue
        after = after or _substantial_after(blocks)
        if after[index + 1] < _ARTICLE_CONTINUES and not _resumes_after_teaser(blocks, index + 1):
            break
        index += 1
        while index < len(blocks) and not _substantial(blocks[index]):
            index += 1
    return result


def _resumes_after_teaser(blocks: list[Block], start: int) -> bool:
    """Whether a paragraph of the article's follows the lines of a single teaser from `start`
    ("Auch interessant", a kicker and title, then the article's closing paragraph). A list's
    items after a heading, or several "Kicker: Headline" titles, are a list of other articles,
    however short."""
    titles = 0
    for block in blocks[start : start + _INNER_BOX_LINES + 1]:
        if _substantial(block):
            return titles < 2
        if block.kind == "li" or is_list_item(block.text):
            return False
        titles += bool(_KICKER.match(block.text))
    return False


def _cut_paywall(blocks: list[Block]) -> tuple[list[Block], bool]:
    """A paywall prompt with no article after it ends the document and marks it paywalled; a
    paywall label over the last paragraph only marks it."""
    # The blocks' matching keys, case folded already, hold every marker their texts hold (a
    # marker opens with a letter and closes with a word character, which no list marker, edge
    # trimming or space normalising touches): a page none of whose keys holds one is not folded again.
    if not _holds_paywall_marker("\n".join(matching_key(block.text) for block in blocks)):
        return blocks, False
    after = _substantial_after(blocks)
    result: list[Block] = []
    paywalled = False
    for index, block in enumerate(blocks):
        if not is_paywall_text(block.text):
            result.append(block)
        elif after[index + 1] < _ARTICLE_CONTINUES:
            # A label over the one paragraph the page shows ("Exklusiv für Abonnenten"), which
            # ends it, marks it paywalled; with nothing of substance after it, it is the prompt.
            if not (after[index + 1] and _substantial(blocks[-1])):
                return result, True
            paywalled = True
    return result, paywalled


def _drop_related_lists(blocks: list[Block]) -> list[Block]:
    """Runs of "Kicker: Headline" list items link to other articles; so does their box title.
    The page is read in runs of list items and of other blocks (`groupby`): one test a block."""
    result: list[Block] = []
    for listed, group in groupby(blocks, _is_listed):
        run = list(group)
        if listed and len(run) >= 2 and _is_related_list(run):
            if result and result[-1].kind != "li" and is_heading_like(result[-1].text):
                result.pop()
        else:
            result += run
    return result


def _is_listed(block: Block) -> bool:
    return block.kind == "li" or is_list_item(block.text)


def _is_related_list(items: list[Block]) -> bool:
    kicker_items = sum(1 for item in items if _KICKER.match(strip_list_marker(item.text).strip()))
    short = all(not more_words_than(item.text, _RELATED_ITEM_MAX_WORDS) for item in items)
    return short and kicker_items * 2 >= len(items)


def _is_nav_item(block: Block) -> bool:
    text = block.text.strip()
    return (
        block.kind != "h"
        and not text.endswith((".", "!", "?"))  # before counting words: most paragraphs end so
        and not more_words_than(text, _NAV_ITEM_MAX_WORDS)
        and parse_date_line(text) is None
        and parse_byline(text) is None
    )


def _drop_navigation_runs(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """Runs of three or more menu-like labels before the article starts or after it ends.

    The last label before a date or byline line is the headline and stays.
    """
    # The first and last prose blocks, each found from its own end of the page.
    first = next((i for i, block in enumerate(blocks) if is_prose(block.text)), len(blocks))
    last = next((i for i in range(len(blocks) - 1, -1, -1) if is_prose(blocks[i].text)), len(blocks))
    drop: set[int] = set()
    # The page read in runs of labels and of other blocks (`groupby`): one test a block.
    index = 0
    for labels, group in groupby(blocks, _is_nav_item):
        end = index + sum(1 for _ in group)
        if labels and end - index >= _NAV_RUN_MIN and (end <= first or index > last):
            # The block after the run is no label (the run would go on): a date or byline keeps the headline.
            run_end = end - 1 if end < first and _is_head_meta(blocks[end]) else end
            drop.update(range(index, run_end))
        index = end
    nav = [blocks[i].text for i in sorted(drop)]
    return [block for i, block in enumerate(blocks) if i not in drop], nav


def _is_head_meta(block: Block) -> bool:
    return parse_date_line(block.text) is not None or parse_byline(block.text) is not None


def _drop_table_of_contents(blocks: list[Block]) -> list[Block]:
    """A table of contents: `_CONTENTS_MIN_ENTRIES` short lines in a row or more, each of which
    the page shows again further down (the subheadings it links to), and the label over them
    ("Auf dieser Seite:", "Inhalt"). The subheadings stay where the article sets them."""
    keys = [matching_key(block.text) for block in blocks]
    last = {key: index for index, key in enumerate(keys)}

    def listed(index: int) -> bool:
        key = keys[index]
        text = blocks[index].text
        return (
            last[key] > index
            and more_words_than(text, _CONTENTS_ENTRY_MIN_WORDS - 1)
            and not more_words_than(text, _CONTENTS_ENTRY_MAX_WORDS)
        )

    drop: set[int] = set()
    for entries, group in groupby(range(len(blocks)), listed):
        run = list(group)
        if entries and len(run) >= _CONTENTS_MIN_ENTRIES:
            drop.update(run)
            if run[0] > 0 and _is_contents_label(blocks[run[0] - 1].text):
                drop.add(run[0] - 1)
    return [block for index, block in enumerate(blocks) if index not in drop] if drop else blocks


def _is_contents_label(text: str) -> bool:
    """A short label over a list ("Auf dieser Seite:", "Inhalt")."""
    return not more_words_than(text, _NAV_ITEM_MAX_WORDS) and (
        text.rstrip().endswith(":") or is_heading_like(text)
    )
