"""What a block of text looks like: heading, prose, list item; and its matching key."""

from __future__ import annotations

import re
from functools import lru_cache

_LIST_MARKER = re.compile(r"^\s*(?:[-–•*·▪►]\s+|\d{1,2}[.)]\s+)")
# Edges are trimmed of punctuation, but "©" is kept: it marks copyright lines.
_EDGE_PUNCT = re.compile(r"^[^\w©]+|[^\w©]+$")
# A sentence end followed by the start of another sentence inside the same block.
_INNER_SENTENCE_END = re.compile(r"[.!?…][\"“”»«']?\s+[„\"“»«']?[A-ZÄÖÜ0-9]")

HEADING_MAX_WORDS = 20


@lru_cache(maxsize=8192)
def matching_key(text: str) -> str:
    """The form a block is compared in against phrase lists: no list marker, edges, or case."""
    text = _LIST_MARKER.sub("", text)
    text = " ".join(text.split())
    return _EDGE_PUNCT.sub("", text).casefold()


def word_count(text: str) -> int:
    """Whitespace-separated words (cheap; a lone dash counts, which thresholds tolerate)."""
    return len(text.split())


def is_list_item(text: str) -> bool:
    return bool(_LIST_MARKER.match(text))


def strip_list_marker(text: str) -> str:
    return _LIST_MARKER.sub("", text, count=1)


def is_heading_like(text: str) -> bool:
    """Short, one sentence at most, not closed by a full stop: how headlines look."""
    stripped = text.strip()
    if not stripped or is_list_item(stripped):
        return False
    if word_count(stripped) > HEADING_MAX_WORDS or stripped.endswith((".", ",", ";")):
        return False
    return not _INNER_SENTENCE_END.search(stripped)


def is_prose(text: str, min_words: int = 12) -> bool:
    """A paragraph of running text: long enough and closed like a sentence."""
    stripped = text.strip().rstrip("\"“”»«'’)")
    return word_count(stripped) >= min_words and stripped.endswith((".", "!", "?", ":", "…"))


def normalise_space(text: str) -> str:
    return " ".join(text.split())
