"""Language identification with py3langid, whose model ships inside the package."""

from __future__ import annotations

import py3langid

# Text shorter than this is too little evidence to name a language.
_MIN_CHARS = 20


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text."""
    sample = text[:20_000]
    if len(sample.strip()) < _MIN_CHARS:
        return None
    code, _score = py3langid.classify(sample)
    return str(code)
