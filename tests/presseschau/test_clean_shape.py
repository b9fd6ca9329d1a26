"""What a block's text looks like: white space, matching keys."""

import pytest

from presseschau.clean.shape import (
    fold_case,
    latin1_bytes,
    matching_key,
    normalise_space,
    single_spaced,
    strip_list_marker,
)


def test_white_space_of_every_kind_becomes_single_spaces() -> None:
    assert normalise_space(" Der  Kanzler\thatte\u00a0gesprochen \n") == "Der Kanzler hatte gesprochen"
    assert normalise_space("Der Kanzler hatte gesprochen ") == "Der Kanzler hatte gesprochen"


def test_only_printable_text_without_double_spaces_is_single_spaced_however_often_asked() -> None:
    for _ in range(2):  # the second answer comes from the cache
        assert single_spaced("Der Kanzler hatte gesprochen.")
        assert not single_spaced("Der Kanzler\u00a0hatte gesprochen.")
        assert not single_spaced("Der  Kanzler")


@pytest.mark.parametrize(
    "character",
    # Every Latin-1 character (controls, the non-breaking space, the soft hyphen, umlauts), and
    # some beyond it: typographic quotes, a dash, a line separator, a zero-width space.
    [*map(chr, range(256)), "„", "“", "–", "\u2028", "\u200b", "\u3000"],
)
def test_single_spaced_text_is_printable_as_str_isprintable_tells(character: str) -> None:
    texts = (f"Der Kanzler{character}sprach", f"Kanzler{character}", f"Öde{character}", f"„Öde“{character}")
    for text in texts:
        assert single_spaced(text) == (text.isprintable() and "  " not in text)


def test_a_matching_key_has_no_list_marker_edges_or_case() -> None:
    assert matching_key("- Mehr  zum THEMA: ") == "mehr zum thema"
    assert matching_key("© Straße 2024") == "© strasse 2024"


@pytest.mark.parametrize(
    "text",
    [
        "".join(map(chr, range(256))),  # every Latin-1 character, "ß" and "µ" among them
        "Die STRASSE heißt Äußere Öde, µ-Wert 5",
        "„Zitat“ – über ÄRGER",  # beyond Latin-1: folded by str.casefold
        "",
    ],
)
def test_folding_case_is_str_casefold(text: str) -> None:
    assert fold_case(text) == text.casefold()


def test_a_list_marker_is_stripped_only_where_a_line_opens() -> None:
    assert strip_list_marker("- Mehr zum Thema") == "Mehr zum Thema"
    assert strip_list_marker("1. Bundesliga") == "Bundesliga"
    assert strip_list_marker("Stand: 3. Mai - Nachmittag") == "Stand: 3. Mai - Nachmittag"
    assert strip_list_marker(" • Wetter") == "Wetter"  # white space before the marker
    assert strip_list_marker("") == ""


def test_soft_hyphens_where_a_browser_may_break_a_word_are_no_part_of_it() -> None:
    assert normalise_space("Die Bundes\u00adtags\u00adwahl  im Mai") == "Die Bundestagswahl im Mai"
    assert normalise_space("Die Bundes\u00adtags\u00adwahl im Mai") == "Die Bundestagswahl im Mai"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Der Kanzler",
        "Bäume über Straßen",
        "„Wir bleiben“, sagte sie.",
        "Er sagte: „Nein.“",
        "Ende „",
        "Preise – teils um 20 %",
        "„",
        "ÿ and Ā",
        "Grüße 😀",
    ],
)
def test_latin1_bytes_are_the_text_encoded_where_every_character_fits(text: str) -> None:
    fits = all(ord(character) < 256 for character in text)
    assert latin1_bytes(text) == (text.encode("latin-1") if fits else None)
