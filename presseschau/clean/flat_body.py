"""The article's body on a flattened page: its tokens without stamps, bylines and credit,
trimmed of interface labels at its edges, and ended before an author box."""

from __future__ import annotations

from itertools import compress

from presseschau.clean.byline import Byline
from presseschau.clean.flat_bylines import BYLINE_OPENERS
from presseschau.clean.flat_head import HEAD_INTO
from presseschau.clean.flat_tokens import single_word_labels


def author_box_start(tokens: list[str], byline: tuple[int, int, Byline] | None, start: int, end: int) -> int:
    """Where an author box after the article starts, else `end`: the name of the byline in the
    article's head printed again in the last quarter of the text ("… ansehen Inga Buller Inga
    Buller ist Head of Social Community …"). Earlier, the name is more likely a picture credit
    or a quote; after "von" it is a byline again (a second article); a byline read further
    down is no head's; a name the text mentions before its last quarter (past the head) is
    whom it is about."""
    if byline is None or byline[0] >= start + HEAD_INTO:
        return end
    low = start + 3 * (end - start) // 4
    text = " " + " ".join(tokens[start + HEAD_INTO : low]) + " "
    box = end
    for name in byline[2].authors:
        words = name.replace("-", " ").split()
        if len(words) < 2 or f" {' '.join(words)} " in text:
            continue  # the text names them: whom it is about (a byline read from its subject)
        box = min(
            box,
            next(
                (
                    i
                    for i in range(low, end - len(words) + 1)
                    if tokens[i : i + len(words)] == words and tokens[i - 1] not in BYLINE_OPENERS
                ),
                end,
            ),
        )
    return box


def body_text(tokens: list[str], start: int, end: int, drop: list[tuple[int, int]]) -> str:
    """The article's tokens without its stamps, bylines and credit, and without interface
    labels at its edges."""
    keep = bytearray(b"\x01") * (end - start)  # 0 where a drop covers the token; read in C
    for low, high in drop:
        keep[low - start : high - start] = bytes(len(keep[low - start : high - start]))
    kept = list(compress(tokens[start:end], keep))
    return trimmed(kept, 0, len(kept))


def trimmed(tokens: list[str], start: int, end: int) -> str:
    labels = single_word_labels()
    while start < end and tokens[start].casefold() in labels:
        start += 1
    while end > start and tokens[end - 1].casefold() in labels:
        end -= 1
    return " ".join(tokens[start:end])
