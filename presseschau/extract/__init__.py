"""Extraction: clean body → sentences, entity mentions, quotes, dates, amounts."""

from __future__ import annotations

from presseschau.models import Extraction


def extract(body: str, *, published: str | None = None, language: str | None = "de") -> Extraction:
    """Extract structured facts from one clean German body."""
    if language not in (None, "de"):
        return Extraction(notes=(f"language {language!r}: German-only extraction skipped",))
    return Extraction()
