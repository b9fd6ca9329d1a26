from __future__ import annotations

import pytest

from presseschau.clean.byline import initials_signature, parse_byline


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Von Holger Brenneke Leitender Wirtschaftsredakteur", ("Holger Brenneke",)),
        ("Von Hanna Keller Gastautorin", ("Hanna Keller",)),
    ],
    ids=["adjective-and-compound", "compound"],
)
def test_compound_job_title_after_the_name_is_left_out(text: str, authors: tuple[str, ...]) -> None:
    # A job title is often a compound ending in a known one ("Wirtschafts|redakteur").
    byline = parse_byline(text, flattened=True)
    assert byline is not None and byline.authors == authors


def test_flattened_double_surname_lost_its_hyphen() -> None:
    # A flattened page prints "Hollberg-Yazar" as two words.
    byline = parse_byline("Anne Kathrin Hollberg Yazar", flattened=True, expected=True)
    assert byline is not None and byline.authors == ("Anne-Kathrin Hollberg-Yazar",)


@pytest.mark.parametrize("text", ["Hanna Keller Politik", "Hanna Keller Wirtschaft"])
def test_flattened_common_noun_after_a_surname_is_not_its_second_half(text: str) -> None:
    # A desk or label ("Wirtschaft" is listed only by its head, "Schaft") is no double surname.
    assert parse_byline(text, flattened=True, expected=True) is None


def test_flattened_desk_in_capitals_after_the_name() -> None:
    # "von David Lorenzen, HAFENRADIO KIEL" lost its comma; a surname alone may be in capitals.
    byline = parse_byline("von David Lorenzen HAFENRADIO KIEL", flattened=True)
    assert byline is not None and byline.authors == ("David Lorenzen",)
    signed = parse_byline("Von Talisa BRÜGGEMEIER", flattened=True)
    assert signed is not None and signed.authors == ("Talisa BRÜGGEMEIER",)


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("rbe, tom; Foto [M]: Shutterstock; Erstveröffentlichung: 9.3.21", ("rbe", "tom")),
        ("mk/jr", ("mk", "jr")),
        ("(mk)", ("mk",)),
    ],
)
def test_initials_signing_an_article(text: str, authors: tuple[str, ...]) -> None:
    signature = initials_signature(text)
    assert signature is not None and signature.authors == authors


# A word ("mehr"), an agency and its desk ("dpa/lnw"), one bare word, or a line going on after them.
@pytest.mark.parametrize("text", ["mehr, news", "dpa/lnw", "mk", "rbe, tom und mehr", "Mehr zum Thema; mk"])
def test_lower_case_words_are_no_initials(text: str) -> None:
    assert initials_signature(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Von Anna Krüger, Jonas Weber und Lea Schmidt",
        "Von Anna Krüger · Jonas Weber sowie Lea Schmidt",
        "Von Anna Krüger / Jonas Weber | Lea Schmidt",
        "Von Anna Krüger,Jonas Weber & Lea Schmidt",
    ],
)
def test_every_separator_between_the_names_of_a_byline(text: str) -> None:
    byline = parse_byline(text)

    assert byline is not None and byline.authors == ("Anna Krüger", "Jonas Weber", "Lea Schmidt")
