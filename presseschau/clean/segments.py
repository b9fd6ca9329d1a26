"""Body segments for corpus-learned boilerplate: a line that recurs across many documents of
one outlet is boilerplate; the warehouse learns such segments and removes them with these."""

from __future__ import annotations

import re

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACE = re.compile(r"\s+")


def split_segments(body: str) -> list[str]:
    """The paragraphs of a clean body, whitespace-normalised (the unit boilerplate is learned in)."""
    return [segment for part in _PARAGRAPH_BREAK.split(body) if (segment := _SPACE.sub(" ", part).strip())]


def remove_segments(body: str, segments: set[str]) -> str:
    """`body` without the paragraphs listed in `segments` (compared whitespace-normalised)."""
    if not segments:
        return body
    return "\n\n".join(segment for segment in split_segments(body) if segment not in segments)
