"""Gold per shape: what each shape still shows, and the body references, on a handmade page."""

from __future__ import annotations

import json
from pathlib import Path

from presseschau.corpus.build import shape_page
from presseschau.corpus.gold import day_shown, not_shown, reference, shown_words

PAGE = (Path(__file__).parent.parent / "fixtures" / "corpus" / "article.html").read_bytes()

GOLD = {
    "title_any_of": ["Streit um die Brücke: Der Rat entscheidet"],
    "published": "2025-03-04",
    "authors": ["Anna Krüger", "Clara Meta"],
    "must_keep": ["Der Rat der Stadt hat am", "mit knapper Mehrheit, sagte die"],
    "must_drop": ["Mehr zum Thema"],
    "source": "fundus",
}


def shapes(gold: dict[str, object] = GOLD) -> dict[str, dict[str, object]]:
    return {page.shape: page.gold for page in shape_page("seite.html", PAGE, gold)}


def test_a_day_is_shown_in_common_german_english_and_iso_forms() -> None:
    for text in ("am 4. März 2025", "04.03.2025", "4.3.25", "2025-03-04", "March 4, 2025", "4 Mär 2025"):
        assert day_shown("2025-03-04", shown_words(text, "text")), text
    for text in ("vor 3 Stunden", "4. März", "14.03.2025", "2025"):
        assert not day_shown("2025-03-04", shown_words(text, "text")), text


def test_gold_only_in_the_meta_tags_is_marked_not_shown_in_text_shapes() -> None:
    by_shape = shapes()
    assert "not_shown" not in by_shape["html"]  # the page holds its meta tags
    for shape in ("text", "flattened", "markdown"):
        assert by_shape[shape]["not_shown"] == {"authors": ["Clara Meta"]}, shape


def test_a_date_only_in_json_ld_is_marked_not_shown() -> None:
    by_shape = shapes({**GOLD, "published": "2025-03-01"})
    for shape in ("text", "flattened", "markdown"):
        assert by_shape[shape]["not_shown"]["published"] == "2025-03-01", shape


def test_flattened_gold_is_flattened_like_the_page() -> None:
    flat = shapes()["flattened"]
    assert flat["title_any_of"] == ["Streit um die Brücke Der Rat entscheidet"]
    assert flat["must_keep"] == ["Der Rat der Stadt hat am", "mit knapper Mehrheit sagte die"]


def test_markdown_link_targets_are_not_shown_words() -> None:
    words = shown_words("[Startseite](https://example.org/anna-kruger)", "markdown")
    assert words == " startseite "
    assert not_shown({"authors": ["Anna Kruger"]}, "[Startseite](/anna-kruger)", "markdown") == {
        "authors": ["Anna Kruger"]
    }


def test_main_text_runs_from_the_first_to_the_last_snippet_line() -> None:
    gold = shapes()["text"]
    assert gold["main_text"] == (
        "Der Rat der Stadt hat am Dienstag über die neue Brücke beraten.\n\n"
        "Bildunterschrift: Die alte Brücke. Foto: dpa\n\n"
        "Die Entscheidung fiel mit knapper Mehrheit, sagte die Bürgermeisterin."
    )
    # The region for precision widens to the headline and to the first must_drop line.
    assert str(gold["article_region"]).startswith("Von Anna Krüger, 4. März 2025, 18:03 Uhr\n\nDer Rat")
    assert str(gold["article_region"]).endswith("sagte die Bürgermeisterin.")
    json.dumps(gold)  # the gold of every shape is written as JSON


def test_snippets_cut_inside_words_are_found() -> None:
    text = "Startseite\nDer Bürgermeister sprach.\nEnde"
    found = reference(text, {"must_keep": ["ürgermeister spra"]})
    assert found is not None and found.main_text == "Der Bürgermeister sprach."
    assert reference(text, {"must_keep": ["nicht da"]}) is None
