from __future__ import annotations

from presseschau.clean import clean_document
from tests.fixtures.clean import clean_fixture


def test_front_matter_and_markup() -> None:
    doc = clean_fixture("front_matter.md")
    assert doc.title == "Neuer Rekord bei der Windkraft im Norden"
    assert doc.published == "2025-02-18T11:05"
    assert doc.authors == ("Lena Petersen", "Ole Hansen")
    assert doc.outlet == "Küstenpost"
    assert doc.dateline == "Kiel"
    assert doc.image_credits == ("Jens Büttner/picture alliance",)
    assert "Landesamts für Statistik" in doc.body and "Stromtrassen, die bis 2028" in doc.body
    assert "Jede abgeregelte Kilowattstunde ist verschenktes Geld." in doc.body
    for markup in ("**", "*", "##", "# ", "](", "![", "---", "title:", "Windpark an der Küste"):
        assert markup not in doc.body
    assert not doc.body.startswith("Neuer Rekord")


def test_headline_from_first_heading_and_inline_html_dropped() -> None:
    text = (
        "## Die Überschrift\n\nEin erster Absatz mit <b>fettem</b> Text und einem [Link](http://x.de), "
        "der lang genug ist, um als Absatz zu gelten.\n\n### Zwischentitel\n\nWeiter im Text."
    )
    doc = clean_document(text, "markdown")
    assert doc.title == "Die Überschrift"
    assert doc.body == (
        "Ein erster Absatz mit fettem Text und einem Link, der lang genug ist, um als Absatz zu gelten."
        "\n\nZwischentitel\n\nWeiter im Text."
    )


def test_bad_front_matter_is_ignored() -> None:
    doc = clean_document("---\ntitle: [unclosed\n---\n\nEin Absatz Text hier.", "markdown")
    assert doc.body.endswith("Ein Absatz Text hier.")


def test_emphasis_stars_commonmark_leaves_unpaired_do_not_reach_the_text() -> None:
    text = (
        "# Die Überschrift\n\n*Von [Anna Berger](/autor/anna-berger/)*Korrespondentin\n\n"
        "Die Lehrer*innen der Schule fordern mehr Personal, sagte die Sprecherin am Dienstag in Kiel."
    )
    doc = clean_document(text, "markdown")
    assert doc.authors == ("Anna Berger",)
    assert "*" not in doc.body.replace("Lehrer*innen", "")
    assert "Lehrer*innen" in doc.body


def test_a_link_to_a_place_on_the_same_page_is_no_link_text() -> None:
    from presseschau.clean.markdown import read_markdown

    text = (
        "[Was sagen Sie den Kritikern, die das Virus für harmlos halten?](#kritiker)\n\n"
        "[Weitere Nachrichten aus Kiel und der Region im Überblick](https://example.org/kiel)\n\n"
        "[Drucken](#)"
    )
    assert [block.links for block in read_markdown(text)[0]] == [0.0, 1.0, 1.0]


def test_a_listed_interface_label_set_as_a_heading_is_no_text_and_a_subheading_like_a_pattern_stays() -> None:
    sentence = "Die Schulen im Kreis bleiben bis zum Ende der Woche geschlossen, teilte das Schulamt mit."
    text = "\n\n".join(
        [
            "# Sturm über Kiel",
            sentence,
            "### Empfohlener redaktioneller Inhalt",
            "## Die Geschäfte öffnen",
            sentence.replace("Woche", "Ferien"),
        ]
    )
    body = clean_document(text, "markdown").body
    assert "Empfohlener" not in body
    assert "Die Geschäfte öffnen" in body


def test_an_emphasised_kicker_opening_a_heading_is_set_off_by_a_colon() -> None:
    lead = "Ein erster Absatz, der lang genug ist, um als Absatz zu gelten, und der noch weitergeht."
    kicked = clean_document(f"## *Neue Wege übers Wasser* Hafenstadt plant Fährlinie\n\n{lead}", "markdown")
    assert kicked.title == "Neue Wege übers Wasser: Hafenstadt plant Fährlinie"
    whole = clean_document(f"## **Neue Wege übers Wasser**: Hafenstadt plant Fährlinie\n\n{lead}", "markdown")
    assert whole.title == "Neue Wege übers Wasser: Hafenstadt plant Fährlinie"


def test_a_pictures_title_run_into_the_heading_over_it_is_no_part_of_the_headline() -> None:
    # The layout sets the picture's title as a roofline over the headline, and the conversion
    # runs the two into one heading; the picture under it repeats its own title as its alt text.
    lead = "Ein erster Absatz, der lang genug ist, um als Absatz zu gelten, und der noch weitergeht."
    # (No word capitalised only at a sentence's start opens the headline: see test_clean_page.)
    heading = "# Fähre nach Laboe: Fahrplan; Preise Pendler kommen schneller übers Wasser"
    page = f"{heading}\n\n![Fähre nach Laboe: Fahrplan; Preise](/bilder/faehre.jpg)\n\n{lead}"
    assert clean_document(page, "markdown").title == "Pendler kommen schneller übers Wasser"
    other = page.replace("![Fähre nach Laboe: Fahrplan; Preise]", "![Die Fähre am Anleger]")
    assert clean_document(other, "markdown").title == heading.removeprefix("# ")
    # A headline running on as a sentence from the subject its picture names keeps its subject.
    subject = f"# Neue Fähre fährt ab Sommer übers Wasser\n\n![Neue Fähre](/bilder/faehre.jpg)\n\n{lead}"
    assert clean_document(subject, "markdown").title == "Neue Fähre fährt ab Sommer übers Wasser"


def test_a_row_wider_than_its_header_is_a_layout_table_read_as_text() -> None:
    # A page converted to markdown sets a layout table's nested tables in one row, the article's
    # paragraphs in a cell beyond the header's count (GFM drops such cells) and its line breaks
    # left as runs of spaces.
    from presseschau.clean.markdown import read_markdown

    text = (
        "|  |  |\n| --- | --- |\n"
        "| [Startseite](/) | [Politik](/politik) | Die Regierung hat am Dienstag in Berlin ein neues"
        " Gesetz beschlossen, das die Mieten begrenzt.  Der Bundestag soll im Herbst darüber beraten,"
        " sagte ein Sprecher. |\n\n"
        "| Name | Stimmen |\n| --- | --- |\n| Anna Berger | 1200 |\n"
    )
    blocks = read_markdown(text)[0]
    assert [(block.text, block.kind) for block in blocks[2:4]] == [
        (
            "Die Regierung hat am Dienstag in Berlin ein neues Gesetz beschlossen, das die Mieten begrenzt.",
            "p",
        ),
        ("Der Bundestag soll im Herbst darüber beraten, sagte ein Sprecher.", "p"),
    ]
    assert [(block.text, block.kind) for block in blocks[4:]] == [
        ("Name", "row"),
        ("Stimmen", "row"),
        ("Anna Berger", "row"),
        ("1200", "row"),
    ]


def test_the_rest_of_a_link_spanning_a_blank_line_is_link_text_and_an_unparsed_image_no_text() -> None:
    from presseschau.clean.markdown import read_markdown

    text = (
        "[![Foto](/bild.jpg)\n\n"
        'Anna Berger und Tim Ehlers sprachen über die Lage. Bild Paul Muster](/bild-gross.jpg "Foto")\n\n'
        "Die Regierung hat am Dienstag ein Gesetz beschlossen.\n\n"
        '![Flugzeug, Flughafen, Reise]( "© Fotograf")\n\nDer Flughafen wächst.'
    )
    blocks = read_markdown(text)[0]
    assert [(block.text, block.links) for block in blocks[1:]] == [
        ("Anna Berger und Tim Ehlers sprachen über die Lage. Bild Paul Muster", 1.0),
        ("Die Regierung hat am Dienstag ein Gesetz beschlossen.", 0.0),
        ("Der Flughafen wächst.", 0.0),
    ]


def test_an_image_whose_description_spans_a_blank_line_shows_no_text() -> None:
    from presseschau.clean.markdown import read_markdown

    text = (
        "Die Brücke wird im Frühjahr gesperrt.\n\n"
        "![Bridge over the river, pictured on May 3, 2021. (Foto: Anna Berger)\n\n"
        "Die Brücke über den Fluss, aufgenommen am 3. Mai 2021. (Foto: Anna Berger)]()\n\n"
        "Der Umweg führt über die Altstadt.\n\n"
        "![Eine Fähre](/faehre.jpg)\n\nDie Fähre fährt weiter."
    )
    assert [block.text for block in read_markdown(text)[0]] == [
        "Die Brücke wird im Frühjahr gesperrt.",
        "Der Umweg führt über die Altstadt.",
        "Die Fähre fährt weiter.",
    ]


def test_the_blocks_a_link_spans_across_blank_lines_are_link_text() -> None:
    # A teaser card: one link around the picture, headline, summary and date of another article.
    from presseschau.clean.markdown import read_markdown

    text = (
        "Die Regierung hat am Dienstag ein Gesetz beschlossen.\n\n"
        "[![Foto](data:image/svg+xml,x)\n\n"
        "### Neue Radwege am Ufer\n\n"
        "Entlang des Westufers entstehen drei Kilometer neue Radwege.\n\n"
        "Aktualisiert: 11.04.2020](/radwege)\n\n"
        "Der Flughafen wächst."
    )
    blocks = read_markdown(text)[0]
    assert [(block.text, block.links) for block in blocks if block.text != "["] == [
        ("Die Regierung hat am Dienstag ein Gesetz beschlossen.", 0.0),
        ("Neue Radwege am Ufer", 1.0),
        ("Entlang des Westufers entstehen drei Kilometer neue Radwege.", 1.0),
        ("Aktualisiert: 11.04.2020", 1.0),
        ("Der Flughafen wächst.", 0.0),
    ]


def test_a_bracket_no_link_closes_soon_after_leaves_the_blocks_after_it_alone() -> None:
    from presseschau.clean.markdown import read_markdown

    paragraphs = [
        f"Absatz {number}: Die Regierung hat am Dienstag ein Gesetz beschlossen." for number in range(8)
    ]
    text = "\n\n".join(["[![Foto](data:image/svg+xml,x)", *paragraphs, "Ende](/bild)"])
    assert all(block.links == 0.0 for block in read_markdown(text)[0] if block.text.startswith("Absatz"))


def test_a_block_keeps_the_addresses_its_links_lead_to() -> None:
    from presseschau.clean.markdown import read_markdown

    text = "Mehr dazu [im Hafen](/kiel/hafen-plant-faehre/) und [hier](#oben).\n\nKein Link."
    assert [block.targets for block in read_markdown(text)[0]] == [("/kiel/hafen-plant-faehre/", "#oben"), ()]


# A page laid out as a table, converted to markdown: the menu in one cell; in the next the
# headline (an h1 on the page) and the stamp line under it, joined by one space.
_LAYOUT_PAGE = (
    "|  |  |\n| --- | --- |\n"
    "| [Start](/) [Archiv](/archiv) | Neue Fähre verbindet die Inseln im Watt vor 3 Stunden in"
    " [Region](/region), 2 Kommentare [Drucken](/druck/41) | [Teilen](/teilen) |\n\n"
    "Wittdün (wk) Seit Montag pendelt eine neue Fähre zwischen den Inseln Amrum und Föhr. Sie"
    " fährt mit Strom und braucht für die Strecke eine halbe Stunde, wie die Reederei mitteilte.\n\n"
    "Die Gemeinden hatten jahrelang auf die Verbindung gedrängt. Im Sommer soll die Fähre"
    " stündlich fahren, im Winter alle zwei Stunden, sagte ein Sprecher am Dienstag.\n"
)


def test_a_layout_cell_running_a_heading_into_its_stamp_line_is_read_as_two_lines() -> None:
    from presseschau.clean.markdown import read_markdown

    texts = [block.text for block in read_markdown(_LAYOUT_PAGE)[0]]
    assert "Neue Fähre verbindet die Inseln im Watt" in texts
    assert "vor 3 Stunden in Region, 2 Kommentare Drucken" in texts
    assert clean_document(_LAYOUT_PAGE, "markdown").title == "Neue Fähre verbindet die Inseln im Watt"


def test_a_layout_cells_sentence_running_on_through_a_date_stays_one_line() -> None:
    from presseschau.clean.markdown import read_markdown

    text = (
        "|  |  |\n| --- | --- |\n"
        "| [Start](/) | [Archiv](/archiv) | Die Frist für Anträge gilt bis 15.12.2025 weiter |\n"
    )
    texts = [block.text for block in read_markdown(text)[0]]
    assert "Die Frist für Anträge gilt bis 15.12.2025 weiter" in texts


def test_text_normalised_before_parsing_parses_as_markdown_its_own_normalising_does() -> None:
    # markdown-it's `normalize` rule is skipped: `_normalised` does its work first, so every
    # line ending, lone carriage return and NUL must come out as that rule's regex makes them.
    from itertools import product

    from markdown_it.rules_core.normalize import normalize
    from markdown_it.rules_core.state_core import StateCore

    from presseschau.clean.markdown import _normalised, _parser

    with_rule = _parser.__wrapped__().enable("normalize")
    pieces = ["Absatz", "\n", "\r\n", "\r", "\r\r\n", "\n\r", "\0", "# Titel", "- Punkt", "| a | b |", "\n\n"]
    for combination in product(pieces, repeat=3):
        text = "".join(combination)
        state = StateCore(text, with_rule, {})
        normalize(state)
        assert _normalised(text) == state.src, repr(text)
        assert _parser().parse(_normalised(text)) == with_rule.parse(text), repr(text)
