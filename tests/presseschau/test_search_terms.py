"""Search terms and snippets: German stems, and snippets around the densest matches."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from presseschau.search import LEAD_WEIGHT, TITLE_WEIGHT, KnownName, query_words, snippet, term_counts, terms


def test_inflected_forms_share_a_stem() -> None:
    assert terms("Waffenruhe Waffenruhen") == [terms("Waffenruhe")[0]] * 2
    assert terms("Putins") == terms("Putin") == terms("PUTIN")


def test_numbers_except_years_are_not_indexed() -> None:
    assert terms("Am 12. Februar 2025 um 13 Uhr") == terms("Am Februar 2025 um Uhr")


def test_term_counts_are_frequencies() -> None:
    counts = term_counts("Die Waffenruhe, die Waffenruhen und die Lage.")
    assert counts[terms("Waffenruhe")[0]] == 2 and counts["die"] == 3


def test_title_and_lead_words_are_weighted_and_a_lead_in_the_body_counts_once() -> None:
    lead = "Der Haushalt steht."
    counts = term_counts(lead + " Danach kam der Haushalt.", title="Haushalt beschlossen", lead=lead)
    (haushalt,) = terms("Haushalt")
    assert counts[haushalt] == TITLE_WEIGHT + LEAD_WEIGHT + 1
    assert counts[terms("steht")[0]] == LEAD_WEIGHT, "the lead that opens the body is not counted twice"
    assert term_counts("Kein Lead hier.", lead="Ein Lead anderswo.")[terms("Lead")[0]] == 1 + LEAD_WEIGHT


TRUMP = KnownName("PER", ("Donald Trump", "Donald Trumps", "Trump"))


def test_a_query_word_naming_a_known_person_stands_for_its_spellings_and_genitive() -> None:
    (word,) = query_words("Trump", [TRUMP])
    assert word.text == "Trump" and {"trump", "trumps"} <= word.terms
    assert query_words("Trumps", [TRUMP])[0].terms == word.terms
    assert query_words("Trump") == [type(word)("Trump", frozenset({"trump"}))], "unknown: the stem alone"
    peskow = KnownName("PER", ("Dmitri Peskow", "Dmitry Peskov", "Peskow"))
    assert {"peskow", "peskov"} <= query_words("Peskov", [peskow])[0].terms


def test_a_place_is_named_by_its_one_word_spellings_only() -> None:
    east = KnownName("LOC", ("Naher Osten", "Nahen Osten", "Nahost"))
    assert query_words("Osten", [east])[0].terms == frozenset(terms("Osten"))
    assert query_words("Nahost", [east])[0].terms == frozenset(terms("Nahost"))


def test_words_standing_for_the_same_terms_are_one_query_word() -> None:
    assert [w.text for w in query_words("Trump Trumps Putin", [TRUMP])] == ["Trump", "Putin"]


def test_snippet_centres_on_the_densest_matches_and_marks_them() -> None:
    filler = "Ein Satz ohne Bedeutung steht hier. " * 20
    body = filler + "Putin sprach über die Waffenruhe, Putin lehnte ab. " + filler
    parts = snippet(body, set(terms("Putin Waffenruhe")), width=160)
    text = "".join(part for part, _ in parts)
    assert [part for part, hit in parts if hit] == ["Putin", "Waffenruhe", "Putin"]
    assert text.startswith("…") and text.endswith("…")
    assert len(text) <= 160 + 10


def test_snippet_cuts_at_word_boundaries_and_collapses_whitespace() -> None:
    body = "Anfang   des\nTextes. " + "wort " * 100 + "Ziel erreicht."
    parts = snippet(body, set(terms("Ziel")), width=60)
    text = "".join(part for part, _ in parts)
    assert "  " not in text and "\n" not in text
    assert text.startswith("…wort") and text.endswith("Ziel erreicht.")


def test_snippet_without_match_is_the_beginning() -> None:
    parts = snippet("Kurzer Text ohne Treffer.", {"xyz"}, width=240)
    assert parts == (("Kurzer Text ohne Treffer.", False),)


@given(st.text(max_size=400), st.sets(st.text(min_size=1, max_size=8), max_size=3))
def test_snippet_never_raises_and_only_marks_text_of_the_body(body: str, wanted: set[str]) -> None:
    parts = snippet(body, wanted | set(terms(body)[:2]), width=50)
    for part, hit in parts:
        assert not hit or part in body
