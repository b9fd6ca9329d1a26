"""The words of a link's address ("/post/neue-wege-am-hafen/" → neue, wege, am, hafen): a site
spells an article's headline in its address, so a page's links to itself (its permalink, its
comments) name the article's headline in the site's own words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

# A path step of at least this many words (joined by "-" or "_") may spell a headline; shorter
# ones name a section ("/politik/", "/sport-news/").
_SLUG_MIN_WORDS = 3
_SLUG_JOINERS = re.compile(r"[-_]")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?)$")
# How an address spells German letters: "ä" as "ae" (or plainly "a", as accents are dropped);
# casefolding spells "ß" as "ss".
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def written_addresses(text: str) -> list[str]:
    """The addresses a line writes out as text ("Quelle: www.foerdeblatt.example/kiel/neue-wege/"):
    a text copy of a page has no links, but may name the page's own address (a print version's
    source line, an archive's banner)."""
    return [word for word in text.split() if "/" in word] if "/" in text else []


def slugs(targets: Iterable[str]) -> set[tuple[str, ...]]:
    """The words of every path step of the addresses `targets` that joins several words."""
    found: set[tuple[str, ...]] = set()
    for target in targets:
        for step in urlsplit(target).path.split("/"):
            step = _EXTENSION.sub("", unquote(step))
            if len(_SLUG_JOINERS.findall(step)) >= _SLUG_MIN_WORDS - 1:
                found.add(tuple(_words(step, german=True)))
    return found


def spelled_opening(text: str, targets: Iterable[str]) -> int:
    """How many of the first words of `text` a slug of the addresses `targets` spells, all of
    the slug (0 for none; the longest when several do): where a heading's line runs on past the
    headline its address spells."""
    words = text.split()
    first = [spelt[0] for german in (True, False) if words and (spelt := _words(words[0], german=german))]
    if not first:
        return 0
    # Only addresses holding the first word can spell the opening: one substring test each, as
    # pages link to hundreds of addresses.
    german, plain = first[0], first[-1]
    found = slugs([target for target in targets if german in (low := target.lower()) or plain in low])
    if not found:
        return 0
    spelt_german: tuple[str, ...] = ()
    spelt_plain: tuple[str, ...] = ()
    count = 0
    for number, word in enumerate(words, 1):
        spelt_german += tuple(_words(word, german=True))
        spelt_plain += tuple(_words(word, german=False))
        if spelt_german in found or spelt_plain in found:
            count = number
    return count


def _words(text: str, *, german: bool) -> list[str]:
    """The words of `text` as an address spells them: lower case, German letters spelt out
    (`german`) or their accents dropped."""
    text = text.casefold()
    if german:
        text = text.translate(_GERMAN)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return [word for word in _NOT_ALNUM.split(plain) if word]
