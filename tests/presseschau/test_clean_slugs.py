"""The words of a link's address, and the opening of a heading they spell."""

from __future__ import annotations

from presseschau.clean.slugs import slugs, spelled_opening, written_addresses


def test_path_steps_of_several_words_are_slugs_spelt_as_addresses_spell_german() -> None:
    found = slugs(
        ["https://foerdeblatt.example/kiel/fähre-über-die-förde-startet-123.html", "/politik/", "#top"]
    )
    assert found == {("faehre", "ueber", "die", "foerde", "startet", "123")}


def test_the_opening_a_slug_spells_is_counted_in_words_with_umlauts_spelt_or_dropped() -> None:
    targets = ["/kiel/faehre-ueber-die-foerde/", "/kiel/neue-bruecke-ab-mai/"]
    assert spelled_opening("Fähre über die Förde Pendler sparen Zeit", targets) == 4
    assert spelled_opening("Neue Brücke ab Mai", ["/kiel/neue-brucke-ab-mai/"]) == 4
    assert spelled_opening("Pendler sparen Zeit", targets) == 0


def test_written_addresses_are_the_words_of_a_line_holding_a_slash() -> None:
    line = "Quelle: www.foerdeblatt.example/kiel/neue-wege-am-hafen/ (abgerufen am 28.04.2024)"
    assert written_addresses(line) == ["www.foerdeblatt.example/kiel/neue-wege-am-hafen/"]
    assert written_addresses("Neue Wege am Hafen") == []
