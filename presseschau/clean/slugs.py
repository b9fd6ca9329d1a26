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
    if not words:
        return 0
    # Only addresses holding the first word can spell the opening: one substring test each, as
    # pages link to hundreds of addresses.
    first = {spelt[0] for german in (True, False) if (spelt := _words(words[0], german=german))}
    found = slugs(target for target in targets if any(form in target.lower() for form in first))
    for count in range(len(words), 0, -1):
        part = " ".join(words[:count])
        if tuple(_words(part, german=True)) in found or tuple(_words(part, german=False)) in found:
            return count
    return 0


def _words(text: str, *, german: bool) -> list[str]:
    """The words of `text` as an address spells them: lower case, German letters spelt out
    (`german`) or their accents dropped."""
    text = text.casefold()
    if german:
        text = text.translate(_GERMAN)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return [word for word in _NOT_ALNUM.split(plain) if word]
