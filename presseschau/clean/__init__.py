"""Cleaning: decoded article text → `CleanDocument` (body + stated metadata)."""

from __future__ import annotations

from presseschau.clean.language import detect_language
from presseschau.models import CleanDocument


def clean_document(text: str, fmt: str) -> CleanDocument:
    """Strip web leftovers from `text` (of format `fmt`) and read its metadata."""
    body = "\n\n".join(part.strip() for part in text.split("\n\n") if part.strip())
    return CleanDocument(body=body, language=detect_language(body), chars_in=len(text))
