"""Datelines that open an article: "Berlin. …", "Sumy, Ukraine - …", "BERLIN (dpa) – …"."""

from __future__ import annotations

import re

from presseschau.clean.places import is_place

_WORD = r"[A-ZÄÖÜ][\w'’-]*"
# Place names may join capitalised words with a few lower-case links ("Frankfurt am Main").
_PLACE = rf"{_WORD}(?:(?: am | an der | im | ob der | bei |[ /]){_WORD}){{0,2}}"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:, {_PLACE})?)(?:\s*\((?P<agency>[^()]{{1,40}})\))?"
    r"(?:(?P<dash>\s+[-–—]\s+)|(?P<stop>\.\s+(?=[A-ZÄÖÜ„\"])))"
)


def split_dateline(paragraph: str) -> tuple[str, str] | None:
    """(dateline, rest of the paragraph) when the paragraph opens with a dateline, else None.

    A full stop after a single word is an ordinary sentence unless the word is a known place;
    a dash needs a known place in one of its parts.
    """
    match = _DATELINE.match(paragraph)
    if match is None:
        return None
    place = match["place"]
    parts = place.split(", ")
    if match["stop"] is not None and (len(parts) > 1 or match["agency"] is not None):
        return None
    if not any(is_place(part) for part in parts):
        return None
    dateline = ", ".join(part.title() if part.isupper() else part for part in parts)
    return dateline, paragraph[match.end() :]
