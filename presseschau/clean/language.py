"""Language identification with py3langid, whose model ships inside the package.

Most documents are plainly German or English; those are recognised from distinctive
function words (data/language_markers.tsv) without running the model, which costs about
a millisecond per document.
"""

from __future__ import annotations

from functools import cache

import py3langid

from presseschau.clean.resources import data_table
from presseschau.clean.shape import fold_case

# Text shorter than this is too little evidence to name a language; a thousand
# characters are plenty, and the model's cost grows with the sample.
_MIN_CHARS = 20
_SAMPLE_CHARS = 1000
# Marker words needed, and how many times more of one language than of the other.
_MARKERS_NEEDED = 12
_MARKER_DOMINANCE = 6


@cache
def _markers() -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[1].split()) for row in data_table("language_markers.tsv")}


def marker_words(language: str) -> frozenset[str]:
    """The function words distinctive for `language` (ISO 639-1, "de" or "en"; case folded)."""
    return _markers().get(language, frozenset())


def _by_markers(sample: str) -> str | None:
    words = fold_case(sample).split()
    counts = {lang: sum(map(markers.__contains__, words)) for lang, markers in _markers().items()}
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, hits), (_other, other_hits) = ranked[0], ranked[1]
    if hits >= _MARKERS_NEEDED and hits >= _MARKER_DOMINANCE * max(other_hits, 1):
        return best
    return None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text."""
    sample = text[:_SAMPLE_CHARS]
    if len(sample.strip()) < _MIN_CHARS:
        return None
    quick = _by_markers(sample)
    if quick:
        return quick
    code, _score = py3langid.classify(sample)
    return str(code)
