"""Sentences and word tokens of a body."""

import pytest

from presseschau.extract.text import split_sentences


def _sentences(body: str) -> list[str]:
    return [body[sentence.start : sentence.end] for sentence in split_sentences(body)]


def test_a_sentence_ends_where_the_page_lost_the_space_after_it() -> None:
    body = "Er traf den Papst.Der Vatikan schwieg dazu. Dann reiste er ab."

    assert _sentences(body) == ["Er traf den Papst.", "Der Vatikan schwieg dazu.", "Dann reiste er ab."]


@pytest.mark.parametrize(
    "body",
    [
        "Er las es auf web.de und bei Prof.Müller nach.",  # a domain, an abbreviation
        "Das gilt z.B.Montags und für A.Merkel.",  # initials and one-letter abbreviations
        "Er lief am 9.Mai und am 12.Juni.",  # ordinals
    ],
)
def test_marks_inside_words_without_a_space_end_no_sentence(body: str) -> None:
    assert _sentences(body) == [body]
