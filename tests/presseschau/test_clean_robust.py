"""Bad input never crashes cleaning, whatever the format claims."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presseschau.clean import clean_document
from presseschau.models import FORMATS, CleanDocument

# Fragments of real-looking input, so the fuzzer reaches the interesting branches.
PIECES = st.sampled_from(
    [
        "Von ", "Max ", "Mustermann", " und ", "Berlin. ", " - ", "24. Februar 2025", "21 02 2025 13 14 Uhr",
        "Foto: ", "Bild:", "Mehr zum Thema", "Zum Inhalt springen", "\n", "\n\n", "\t", "- ", "## ", "**",
        "<p>", "</p>", "<html>", "<body>", "<script type='application/ld+json'>", "{", "}", "---\n",
        "title: x\n", "Details\t\n", "Quellen\t<ul><li>• a.de", "Besuchen Sie uns auf: ", "„", "“",
        "Diesen Artikel weiterlesen mit", "©", "\x00", "\ufeff", "🙂", "ß", " ", ".", ":",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES | st.text(max_size=20), max_size=40).map("".join), st.sampled_from(FORMATS))
def test_clean_document_never_raises(text: str, fmt: str) -> None:
    doc = clean_document(text, fmt)
    assert isinstance(doc, CleanDocument)
    assert doc.chars_in == len(text)


@pytest.mark.parametrize("fmt", [*FORMATS, "unknown"])
@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "x", "<", "---", "Von", "\x00\x01", "a" * 50_000])
def test_degenerate_inputs(text: str, fmt: str) -> None:
    assert isinstance(clean_document(text, fmt), CleanDocument)
