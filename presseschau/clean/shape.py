"""What a block of text looks like: heading, prose, list item; and its matching key."""

from __future__ import annotations

import re

_LIST_MARKER = re.compile(r"^\s*(?:[-–•*·▪►]\s+|\d{1,2}[.)]\s+)")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_SPACE = re.compile(r"\s+")
# A sentence end followed by the start of another sentence inside the same block.
_INNER_SENTENCE_END = re.compile(r"[.!?…][\"“”»«']?\s+[„\"“»«']?[A-ZÄÖÜ0-9]")
_WORD = re.compile(r"\w+")

HEADING_MAX_WORDS = 20


def matching_key(text: str) -> str:
    """The form a block is compared in against phrase lists: no list marker, edges, or case."""
    text = _LIST_MARKER.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    return _EDGE_PUNCT.sub("", text).casefold()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


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
    return _SPACE.sub(" ", text).strip()
