"""Search terms and snippets: German words reduced to Snowball stems, for the BM25 index.

The same `terms` function builds the index (core.terms, one row per stem and document)
and reads the query, so "Waffenruhe" finds "Waffenruhen" and "Putins" finds "Putin".
"""

from __future__ import annotations

import re
from collections import Counter
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


def term_counts(body: str) -> Counter[str]:
    """Term frequencies of a body, the rows of the inverted index."""
    return Counter(terms(body))


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
