"""Bad input never crashes extraction, offsets always point at the text, and it is fast."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presseschau.extract import extract
from presseschau.extract.lexicon import DATA_DIR
from presseschau.models import Extraction

FIXTURES = Path(__file__).parent.parent / "fixtures" / "extract"


def assert_consistent(body: str, extraction: Extraction) -> None:
    for mention in extraction.mentions:
        assert body[mention.start : mention.end] == mention.surface
    for row in (*extraction.quotes, *extraction.dates, *extraction.amounts):
        assert body[row.start : row.end] == row.text
    for sentence in extraction.sentences:
        assert 0 <= sentence.start < sentence.end <= len(body)


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   \n\n\t ",
        "„",
        '"""',
        "».«",
        "A. B. C. D.",
        "-" * 500,
        "Ä" * 3000,
        "\x00\x01 Trump\u200b sagte\ufeff „ja“",
        "12.12.12.12.2024 € $ % 5% %% 1.000.000.000,00000 Milliarden Milliarden Euro",
        "Am am am Mittwoch Mittwoch an diesem an diesem Freitag",
        "𝔗𝔯𝔲𝔪𝔭 — 🙂 — Ωmega Müller-Lüdenscheidt-Ärger",
        "! A de",  # a name connector as the last word (found by the fuzz test)
    ],
)
def test_odd_input_does_not_crash(body: str) -> None:
    assert_consistent(body, extract(body, published="2024-02-29"))


def test_bad_publication_date_is_ignored() -> None:
    extraction = extract("Am Mittwoch kam er.", published="not a date")
    assert extraction.dates == ()


def test_other_languages_are_skipped_with_a_note() -> None:
    extraction = extract("The president said so.", language="en")
    assert extraction.mentions == () and extraction.notes


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text(body: str) -> None:
    assert_consistent(body, extract(body, published="2025-01-01"))


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Präsident",
                "Anna",
                "Kessler",
                "sagte",
                ":",
                "„",
                "“",
                '"',
                "am",
                "Mittwoch",
                "3.",
                "Mai",
                "2024",
                "500",
                "Milliarden",
                "Euro",
                "%",
                "Nato-Partner",
                "in",
                "Berlin",
                ".",
                ",",
                "der",
                "Stiftung",
                "\n",
            ]
        ),
        max_size=80,
    )
)
def test_news_like_token_soup(tokens: list[str]) -> None:
    body = " ".join(tokens)
    assert_consistent(body, extract(body, published="2024-05-16"))


def test_a_huge_document_is_handled() -> None:
    body = (FIXTURES / "gipfel_paris.txt").read_text(encoding="utf-8") * 200
    assert_consistent(body, extract(body, published="2024-05-14"))


def test_every_extraction_data_file_names_its_source() -> None:
    for path in DATA_DIR.glob("extract_*"):
        if path.suffix in (".npz", ".crfsuite"):
            # A binary artifact: the text file beside it says where it comes from.
            path = path.with_name(path.name + ".txt")
        header = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert header.startswith("# ") and ("Source" in header or "Curated" in header), path.name
