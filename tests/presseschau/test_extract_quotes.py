"""Quotes and their speakers: attributed on evidence in the text, or None."""

from __future__ import annotations

import pytest

from presseschau.extract import extract

INTRO = "Die Ministerin Katrin Vogelsang und der Analyst Jonathan Pryce äußerten sich am Montag.\n"


def quotes(body: str) -> list[tuple[str, str | None]]:
    extraction = extract(body)
    for quote in extraction.quotes:
        assert body[quote.start : quote.end] == quote.text
    return [(q.text, q.speaker) for q in extraction.quotes]


@pytest.mark.parametrize(
    "sentence",
    [
        "„Das ist ein guter Tag“, sagte Vogelsang.",
        "Vogelsang sagte: „Das ist ein guter Tag“",
        "»Das ist ein guter Tag«, erklärte Vogelsang in Brüssel.",
        "«Das ist ein guter Tag», betonte Vogelsang.",
        '"Das ist ein guter Tag", so Vogelsang.',
        "„Das ist ein guter Tag“, sagte die Ministerin Katrin Vogelsang am Abend.",
    ],
)
def test_quote_marks_and_attribution_patterns(sentence: str) -> None:
    assert quotes(INTRO + sentence) == [("Das ist ein guter Tag", "Katrin Vogelsang")]


def test_single_low_quotes_inside_a_sentence() -> None:
    body = INTRO + "Pryce nannte das Ergebnis ‚beachtlich‘."
    assert quotes(body) == [("beachtlich", "Jonathan Pryce")]


def test_fragment_belongs_to_the_subject() -> None:
    body = INTRO + "Pryce bezeichnete die Pläne der Regierung als „unrealistisch“."
    assert quotes(body) == [("unrealistisch", "Jonathan Pryce")]


def test_genitive_attribute_is_not_the_speaker() -> None:
    body = INTRO + "Der Plan sei „unrealistisch“, wie Vogelsangs Berater Jonathan Pryce deutlich machte."
    assert quotes(body) == [("unrealistisch", "Jonathan Pryce")]


def test_continued_quote_and_quote_only_paragraph() -> None:
    body = (
        INTRO
        + "„Wir handeln jetzt“, sagte Pryce. Das sei nötig. „Es gibt keine Alternative.“\n"
        + "„Die Zeit drängt.“"
    )
    assert quotes(body) == [
        ("Wir handeln jetzt", "Jonathan Pryce"),
        ("Es gibt keine Alternative.", "Jonathan Pryce"),
        ("Die Zeit drängt.", "Jonathan Pryce"),
    ]


def test_role_anaphor_resolves_only_when_one_person_fits() -> None:
    body = INTRO + "„Wir bleiben dran“, sagte die Ministerin."
    assert quotes(body) == [("Wir bleiben dran", "Katrin Vogelsang")]


def test_pronoun_needs_exactly_one_candidate() -> None:
    body = "Katrin Vogelsang kam spät. Sie nannte das Treffen „produktiv“."
    assert quotes(body) == [("produktiv", "Katrin Vogelsang")]
    ambiguous = "Katrin Vogelsang traf Anna Kessler. Sie nannte das Treffen „produktiv“."
    assert quotes(ambiguous) == [("produktiv", None)]


def test_no_evidence_no_speaker() -> None:
    body = INTRO + "Der Begriff „Zeitenwende“ machte die Runde.\n„Zutiefst beleidigend“ für die Europäer"
    assert quotes(body) == [("Zeitenwende", None), ("Zutiefst beleidigend", None)]
