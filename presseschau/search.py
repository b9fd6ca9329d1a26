"""Search terms and snippets: German words reduced to Snowball stems, for the BM25 index.

The same `terms` function builds the index (core.terms, one row per stem and document)
and reads the query, so "Waffenruhe" finds "Waffenruhen" and "Putins" finds "Putin".

Names are where stemming stops: Snowball leaves "Trumps" (a genitive -s after p is not an
ending it knows), and no stemmer knows that "Peskov" and "Peskow" are one man. The entity
registry does, so `query_words` widens each query word that names a known entity to every
spelling of that name the registry has seen, and to the genitive of each.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"\s+")
_STEMMER = snowballstemmer.stemmer("german")

Segment = tuple[str, bool]
"""A piece of snippet text and whether it is a matched word (to highlight)."""


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a lower-cased word; cached per word type (news reuse words a lot)."""
    return str(_STEMMER.stemWord(word.casefold()))


def _indexed(word: str) -> bool:
    # Numbers are noise in the index except four-digit ones, which are mostly years.
    return not word.isdigit() or len(word) == 4


def terms(text: str) -> list[str]:
    """The stemmed terms of `text`, in order."""
    return [stem(word) for word in _WORD.findall(text) if _indexed(word)]


TITLE_WEIGHT = 3
"""A title word counts as this many body words: the headline says what the article is about."""
LEAD_WEIGHT = 2
"""A lead (teaser) word counts as this many body words."""


def term_counts(body: str, title: str | None = None, lead: str | None = None) -> Counter[str]:
    """Term frequencies of a document, the rows of the inverted index.

    Title and lead are indexed with the body, their words weighted (BM25F with integer
    weights: a weighted frequency is a frequency, and the document's length grows alike).
    A lead that opens the body is counted at its own weight only, not once more as body.
    Pass no title when the lead stands in for a missing one.
    """
    if lead and (at := body.find(lead)) >= 0:
        body = body[:at] + body[at + len(lead) :]
    counts: Counter[str] = Counter()
    for text, weight in ((body, 1), (title, TITLE_WEIGHT), (lead, LEAD_WEIGHT)):
        # Each distinct word is stemmed once: a body repeats most of its words.
        for word, times in Counter(_WORD.findall(text or "")).items():
            if _indexed(word):
                counts[stem(word)] += times * weight
    return counts


@dataclass(frozen=True)
class QueryWord:
    """A word of a query and the index terms that count as finding it."""

    text: str
    terms: frozenset[str]


@dataclass(frozen=True)
class KnownName:
    """An entity of the registry: its type and every spelling seen (canonical name included)."""

    type: str
    variants: tuple[str, ...]


def name_candidates(query: str) -> list[str]:
    """Lower-cased words of `query`, with and without a genitive s: a known entity's name is one."""
    words = [w.lower() for w in _WORD.findall(query) if _indexed(w)]
    return list(dict.fromkeys(form for w in words for form in (w, w + "s", w.removesuffix("s"))))


def query_words(query: str, names: Iterable[KnownName] = ()) -> list[QueryWord]:
    """The distinct words of `query`, each with its stem and, when it names a known entity, the
    stems of that entity's other spellings and their genitives ("Trump" finds "Trumps")."""
    keyed = [_name_keys(name) for name in names]
    found: dict[frozenset[str], str] = {}
    for word in _WORD.findall(query):
        if not _indexed(word):
            continue
        folded = word.casefold()
        group = {stem(folded)}
        for keys in keyed:
            if {folded, folded + "s", folded.removesuffix("s")} & keys:
                group |= {stem(key) for key in keys} | {stem(key + "s") for key in keys}
        found.setdefault(frozenset(group), word)
    return [QueryWord(word, group) for group, word in found.items()]


def _name_keys(name: KnownName) -> set[str]:
    """The words a reader types for an entity: each one-word spelling, and a person's surname.

    Only these: a place such as "Naher Osten" must not be found by every "Osten". A key that is
    another key's genitive ("trumps" beside "trump") is left out, the genitive is added anyway.
    """
    keys = set()
    for variant in name.variants:
        words = _WORD.findall(variant.casefold())
        if len(words) == 1 or (words and name.type == "PER"):
            keys.add(words[-1])
    return {key for key in keys if not (key.endswith("s") and key[:-1] in keys)}


def snippet(body: str, query_terms: set[str], width: int = 240) -> tuple[Segment, ...]:
    """About `width` characters of `body` around its densest run of query terms.

    Returns the text in segments, matched words flagged, so that each renderer (terminal,
    HTML) marks them its own way and escapes the rest. Without a match the snippet is the
    body's start.
    """
    matches = [
        (m.start(), m.end())
        for m in _WORD.finditer(body)
        if _indexed(m.group()) and stem(m.group()) in query_terms
    ]
    start = _densest_window(matches, width)
    start = _word_start(body, max(0, start - width // 6)) if matches else 0
    end = _word_end(body, min(len(body), start + width))
    segments: list[Segment] = [("…", False)] if start > 0 else []
    cursor = start
    for m_start, m_end in matches:
        if m_start < start or m_end > end:
            continue
        if m_start > cursor:
            segments.append((body[cursor:m_start], False))
        segments.append((body[m_start:m_end], True))
        cursor = m_end
    if end > cursor:
        segments.append((body[cursor:end], False))
    if end < len(body):
        segments.append(("…", False))
    return tuple((_SPACES.sub(" ", text), hit) for text, hit in segments)


def _densest_window(matches: list[tuple[int, int]], width: int) -> int:
    """Start offset of the match that begins the window of `width` holding the most matches."""
    best_start, best_count, first = 0, 0, 0
    for last, (m_start, _) in enumerate(matches):
        while m_start - matches[first][0] > width * 2 // 3:
            first += 1
        if last - first + 1 > best_count:
            best_start, best_count = matches[first][0], last - first + 1
    return best_start


def _word_start(body: str, offset: int) -> int:
    """`offset`, moved forward past the word it cuts, if it cuts one."""
    if offset == 0 or not body[offset - 1].isalnum():
        return offset
    space = body.find(" ", offset)
    return space + 1 if space >= 0 else offset


def _word_end(body: str, offset: int) -> int:
    """`offset`, moved back to the end of the previous word if it cuts one."""
    if offset >= len(body) or not body[offset].isalnum():
        return offset
    space = body.rfind(" ", 0, offset)
    return space if space > 0 else offset
