"""Whole web pages as text (a browser's copy) and as markdown: the article told from the page's
menus, teasers, comments and footers, and its headline, byline and date read around it."""

from __future__ import annotations

import datetime as dt

from presseschau.clean import clean_document

_MENU = "\n".join(["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Alle Themen", "Meine Region"])
_LEAD = (
    "Die Stadt will ab dem Sommer eine zusätzliche Fährlinie über die Förde einrichten. "
    "Das hat der Wirtschaftsausschuss am Dienstag einstimmig beschlossen."
)
_BODY = [
    "Die neue Linie soll die Stadtteile am Ostufer im Halbstundentakt mit der Innenstadt verbinden. "
    "Die Stadtwerke rechnen mit rund 2000 Fahrgästen pro Tag, im Sommer mit deutlich mehr.",
    "Dafür werden zwei gebrauchte Schiffe angeschafft, die bisher auf einem See in Bayern im Einsatz "
    "waren. Der Umbau soll bis Juni abgeschlossen sein, sagte ein Sprecher der Werft.",
    "Der Fahrgastverband begrüßte die Pläne, mahnte aber günstige Tarife an. Nur mit einem Preis wie "
    "im Busverkehr werde die Fähre von den Pendlern auch angenommen, hieß es.",
]
# The body every page below should come out with: lead and paragraphs, nothing else.
_ARTICLE = "\n\n".join([_LEAD, *_BODY])
_TEASERS = "\n".join(
    [
        "Mehr zum Thema",
        "Hafen: Kreuzfahrtsaison beginnt früher",
        "Die ersten Schiffe legen schon im März an. Die Stadt erwartet in diesem Jahr einen Rekord.",
        "12.03.2025",
        "Verkehr: Neue Busspur kommt später",
        "Die Bauarbeiten verzögern sich um mehrere Monate. Anwohner hatten gegen die Pläne geklagt.",
        "11.03.2025",
    ]
)
_FOOTER = "\n".join(["Impressum", "Datenschutz", "Kontakt", "© 2025 Fördeblatt"])


def _page(head: str, *, after: str = _TEASERS) -> str:
    return "\n\n".join([_MENU, head, _LEAD, *_BODY, after, _FOOTER])


def test_article_is_told_from_menus_teasers_and_footer() -> None:
    head = (
        "Kiel\n\nHafenstadt plant neue Fährlinie\n\n"
        "28.04.2024, 17:19 Uhr • Lesezeit: 3 Minuten\nVon Anna Berger und Lukas Wendt"
    )
    doc = clean_document(_page(head), "text")
    assert doc.body == _ARTICLE
    assert doc.title == "Hafenstadt plant neue Fährlinie"
    assert doc.published == "2024-04-28T17:19"
    assert doc.authors == ("Anna Berger", "Lukas Wendt")


def test_headline_is_the_line_the_page_repeats_next_to_the_stamp_not_the_nearest_label() -> None:
    head = (
        "Startseite / Kiel / Hafenstadt plant neue Fährlinie\n\nHafenstadt plant neue Fährlinie\n\n"
        "Stand: 03.03.2025 14:22 Uhr\n\nExklusiv\n\nAudio anhören"
    )
    doc = clean_document(_page(head), "text")
    assert doc.title == "Hafenstadt plant neue Fährlinie"
    assert doc.published == "2025-03-03T14:22"


def test_kicker_ending_in_a_colon_joins_the_headline() -> None:
    doc = clean_document(
        _page("Fährverkehr in Kiel:\nEine neue Linie über die Förde\n\n7. März 2025"), "text"
    )
    assert doc.title == "Fährverkehr in Kiel: Eine neue Linie über die Förde"


def test_consent_banner_and_comments_are_not_the_article() -> None:
    banner = (
        "Wir verwenden Cookies, um Ihnen ein besseres Nutzungserlebnis zu bieten. Wenn Sie auf der "
        "Website weitersurfen, stimmen Sie der Nutzung von Cookies zu. Ihre Einstellungen können Sie "
        "jederzeit ändern."
    )
    comments = "\n".join(
        ["3 Kommentare"]
        + [
            f"Leser{n} sagt:\n1{n}. März 2025 um 10:0{n} Uhr\n"
            "Das ist doch alles viel zu teuer und am Ende zahlt wieder der Steuerzahler die ganze "
            "Rechnung, wie immer bei solchen Projekten in dieser Stadt, das haben wir doch schon so oft "
            "erlebt.\nAntworten"
            for n in range(1, 4)
        ]
    )
    page = "\n\n".join([banner, _MENU, "Hafenstadt plant neue Fährlinie", _LEAD, *_BODY, comments, _FOOTER])
    doc = clean_document(page, "text")
    assert doc.body == _ARTICLE
    assert doc.title == "Hafenstadt plant neue Fährlinie"


def test_info_box_the_page_shows_twice_is_not_article_text() -> None:
    box = (
        "Die Förde ist eine lange Meeresbucht an der Ostsee, an deren Ende die Landeshauptstadt liegt und "
        "in der seit Jahrhunderten Schiffe verkehren."
    )
    page = "\n\n".join([_MENU, box, "Hafenstadt plant neue Fährlinie", _LEAD, *_BODY, box, _FOOTER])
    assert box not in clean_document(page, "text").body


def test_table_inside_the_article_does_not_cut_it() -> None:
    table = "\n".join(
        ["Linie\tTakt\tFahrzeit", "F1\t30 min\t12 min", "F2\t60 min\t25 min", "F3\t60 min\t40 min"]
    )
    page = "\n\n".join(
        [_MENU, "Hafenstadt plant neue Fährlinie", _LEAD, _BODY[0], table, *_BODY[1:], _FOOTER]
    )
    doc = clean_document(page, "text")
    assert doc.body.startswith(_LEAD) and doc.body.endswith(_BODY[-1])


def test_author_box_after_the_article_and_agency_credit() -> None:
    after = "Mehr zum Thema\n\nDatum 28.04.2023\nAutorin/Autor Roman Kowalenko/dpa\nSchlagwörter Kiel, Fähre"
    doc = clean_document(_page("Hafenstadt plant neue Fährlinie", after=after), "text")
    assert doc.published == "2023-04-28"
    assert doc.authors == ("Roman Kowalenko",)


def test_relative_stamp_is_dated_by_the_fetch_time() -> None:
    fetched = dt.datetime(2025, 3, 4, 17, 5, tzinfo=dt.UTC)
    doc = clean_document(
        _page("Hafenstadt plant neue Fährlinie\n\nvor 3 Stunden"), "text", fetched_at=fetched
    )
    assert doc.published == "2025-03-04T15:05"
    assert clean_document(_page("Hafenstadt plant neue Fährlinie\n\nvor 3 Stunden"), "text").published is None


def test_paywall_prompt_after_the_opening_marks_the_page() -> None:
    after = "Dieser Artikel ist exklusiv für Abonnenten.\nJetzt abonnieren"
    doc = clean_document(_page("Hafenstadt plant neue Fährlinie", after=after), "text")
    assert doc.paywalled
    assert "abonnieren" not in doc.body


def test_markdown_page_link_lists_are_menus_and_markup_stays_out() -> None:
    menu = "\n".join(f"* [{item}](/{item.casefold()}/)" for item in _MENU.split("\n"))
    teasers = "\n\n".join(
        [
            "## Mehr zum Thema",
            "### [Hafen: Kreuzfahrtsaison beginnt früher](/hafen/)",
            "[Die ersten Schiffe legen schon im März an. Die Stadt erwartet einen Rekord.](/hafen/)",
        ]
    )
    page = "\n\n".join(
        [
            menu,
            "# Hafenstadt plant neue Fährlinie",
            "Von [Anna Berger](/autoren/anna-berger/) | 7. März 2025",
            f"**{_LEAD}**",
            "![Die Fähre am Anleger](https://example.org/bild.jpg)",
            f"{_BODY[0]} Mehr dazu [im Verkehrsplan](https://example.org/plan.pdf).",
            "---",
            *_BODY[1:],
            teasers,
            "\n".join(f"* [{item}](/{item.casefold()}/)" for item in _FOOTER.split("\n")),
        ]
    )
    doc = clean_document(page, "markdown")
    assert doc.title == "Hafenstadt plant neue Fährlinie"
    assert doc.authors == ("Anna Berger",)
    assert doc.published == "2025-03-07"
    assert doc.body.startswith(_LEAD) and doc.body.endswith(_BODY[-1])
    for markup in ("**", "](", "![", "---", "# ", "https://", "Kreuzfahrtsaison", "Impressum"):
        assert markup not in doc.body


def test_headline_over_teaser_line_labels_and_action_labels() -> None:
    head = (
        "Hafenstadt plant neue Fährlinie\n\n"
        "Warum die Stadtwerke jetzt zwei gebrauchte Schiffe aus Bayern kaufen und was das kostet\n\n"
        "Von Anna Berger\n7. März 2025\n\nDetailansicht öffnen\n\nAudio anhören"
    )
    doc = clean_document(_page(head), "text")
    assert doc.title == "Hafenstadt plant neue Fährlinie"
    assert doc.authors == ("Anna Berger",)


def test_headline_takes_the_colon_the_page_writes_elsewhere() -> None:
    # The layout sets kicker and headline apart without the colon; the page's share text has it.
    head = (
        "Fährverkehr: Hafenstadt plant neue Fährlinie\n\n"
        "Fährverkehr Hafenstadt plant neue Fährlinie\n\n7. März 2025"
    )
    doc = clean_document(_page(head), "text")
    assert doc.title == "Fährverkehr: Hafenstadt plant neue Fährlinie"


def test_dated_comments_longer_than_the_article_stay_out() -> None:
    # Each comment carries a date stamp, as teasers do and an article's paragraphs do not.
    comment = (
        "Das ist doch alles viel zu teuer und am Ende zahlt wieder der Steuerzahler die ganze Rechnung, "
        "wie immer bei solchen Projekten in dieser Stadt."
    )
    comments = "\n".join(f"{n}. März 2025 um 10:00 Uhr\nLeser {n} meint: {comment}" for n in range(1, 12))
    page = "\n\n".join([_MENU, "Hafenstadt plant neue Fährlinie", _LEAD, *_BODY, comments])
    assert clean_document(page, "text").body == _ARTICLE


def test_caption_above_its_credit_does_not_open_the_article() -> None:
    head = (
        "Beamte kontrollieren die Fähren am Anleger der Innenstadt.\n(Foto: Petra Lorenz/dpa)\n\n"
        "Hafenstadt plant neue Fährlinie"
    )
    doc = clean_document(_page(head), "text")
    assert doc.title == "Hafenstadt plant neue Fährlinie"
    assert "Beamte kontrollieren" not in doc.body


def test_english_page_keeps_its_metadata_and_is_marked_english() -> None:
    body = [
        "The city wants to run an additional ferry line across the fjord from the summer. The economic "
        "committee approved the plan unanimously on Tuesday after a long debate.",
        "The new line is meant to connect the districts on the eastern shore with the city centre every "
        "half hour. The municipal utility expects around 2,000 passengers a day.",
    ]
    page = "\n\n".join(
        [
            "Home\nWorld\nBusiness\nSign in",
            "Harbour city plans a new ferry line",
            "By Anna Berger and Luke Wendt\nMarch 4, 2025, 10:12 PM",
            *body,
            "Read more\nPrivacy policy\nCopyright © 2025 Harbour Herald. All rights reserved.",
        ]
    )
    doc = clean_document(page, "text")
    assert (doc.title, doc.published, doc.authors) == (
        "Harbour city plans a new ferry line",
        "2025-03-04T22:12",
        ("Anna Berger", "Luke Wendt"),
    )
    assert doc.body == "\n\n".join(body)
    assert doc.language == "en"
    assert doc.outlet == "Harbour Herald"


def test_markdown_date_line_read_as_ordered_list_and_data_images() -> None:
    page = "\n\n".join(
        [
            "* [Startseite](/)\n* [Politik](/politik/)\n* [Sport](/sport/)",
            "# Hafenstadt plant neue Fährlinie",
            "7. März 2025",
            "![Die Fähre](data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%3E%3C/svg%3E)",
            _LEAD,
            *_BODY,
        ]
    )
    doc = clean_document(page, "markdown")
    assert doc.published == "2025-03-07"
    assert "svg" not in doc.body and "data:" not in doc.body


def test_agency_apart_from_the_people_and_in_their_place_when_alone() -> None:
    doc = clean_document(
        _page("Hafenstadt plant neue Fährlinie\n\nVon Anna Berger/dpa\n7. März 2025"), "text"
    )
    assert (doc.authors, doc.agencies) == (("Anna Berger",), ("dpa",))
    alone = clean_document(_page("Hafenstadt plant neue Fährlinie\n\nQuelle: dpa\n7. März 2025"), "text")
    assert (alone.authors, alone.agencies) == (("dpa",), ())


def test_names_under_the_headline_are_its_byline_and_a_photo_credit_is_not() -> None:
    doc = clean_document(_page("Hafenstadt plant neue Fährlinie\n\nJulia Kessin | Clare Dunn"), "text")
    assert doc.authors == ("Julia Kessin", "Clare Dunn")
    credit = "Hafenstadt plant neue Fährlinie\n\n© Niklas Brandhorst/dpa | Niklas Brandhorst"
    assert clean_document(_page(credit), "text").authors == ()


def test_markdown_fact_list_after_the_article_gives_date_and_author() -> None:
    facts = "* **Datum**\n  28.04.2023\n* **Autorin/Autor**\n  Roman Kowalenko"
    page = "\n\n".join(["# Hafenstadt plant neue Fährlinie", _LEAD, *_BODY, "## Mehr zum Thema", facts])
    doc = clean_document(page, "markdown")
    assert (doc.published, doc.authors) == ("2023-04-28", ("Roman Kowalenko",))


def test_a_stamp_without_a_day_or_a_translator_credit_above_the_lead_is_no_headline() -> None:
    # Time-only and relative stamps carry no date the meta reading takes, a translator's
    # credit no byline marker: each stands right above the lead, where the headline scores.
    lines = (
        "Stand: 20:03 Uhr | Lesedauer: 4 Minuten",
        "vor 3 Stunden",
        "Übersetzt von: Lukas Wendt",
        "Übersetzung und Adaptierung: Lukas Wendt",
    )
    for line in lines:
        head = f"Kiel\n\nHafenstadt plant neue Fährlinie\n\nVon Anna Berger\n\n{line}"
        assert clean_document(_page(head), "text").title == "Hafenstadt plant neue Fährlinie", line


def test_a_reading_time_line_is_interface_text() -> None:
    head = "Kiel\n\nHafenstadt plant neue Fährlinie\n\nVon Anna Berger\n\nLesedauer etwa 2 Min"
    assert clean_document(_page(head), "text").title == "Hafenstadt plant neue Fährlinie"


def test_a_kicker_run_into_the_headline_goes_where_the_page_shows_the_headline_without_it() -> None:
    head = (
        "Kiel / Hafenstadt plant neue Fährlinie\n\nNeue Pläne im Hafen Hafenstadt plant neue Fährlinie"
        "\n\n28.04.2024, 17:19 Uhr"
    )
    assert clean_document(_page(head), "text").title == "Hafenstadt plant neue Fährlinie"
    # A kicker set off by a colon is the site's own headline, kept whole.
    head = "Kiel / Hafenstadt plant neue Fährlinie\n\nHafen: Hafenstadt plant neue Fährlinie\n\n28.04.2024"
    assert clean_document(_page(head), "text").title == "Hafen: Hafenstadt plant neue Fährlinie"


def test_a_kicker_run_into_the_headline_ends_where_a_sentence_opening_word_starts_it() -> None:
    head = "Neue Pläne im Hafen So plant die Stadt eine Fährlinie\n\n28.04.2024, 17:19 Uhr"
    assert clean_document(_page(head), "text").title == "So plant die Stadt eine Fährlinie"
    # Punctuation parts kicker and headline as the site writes them: the line stays whole; so
    # does an English line, which capitalises its words ("So" is no sentence's start there).
    headline = "Neue Pläne im Hafen: So plant die Stadt eine Fährlinie"
    assert clean_document(_page(f"{headline}\n\n28.04.2024, 17:19 Uhr"), "text").title == headline
    head = "Not So Fast for the Harbour Plans\n\n28.04.2024, 17:19 Uhr"
    assert clean_document(_page(head), "text").title == "Not So Fast for the Harbour Plans"


def test_a_table_of_contents_over_the_text_is_no_headline_though_its_lines_come_again() -> None:
    contents = "Inhalt\n\nWer fährt mit der Fähre?\nWann geht es los am Hafen?\nWas kostet die neue Fähre?"
    headline = "Hafenstadt plant eine neue Fährlinie vom Ostufer über die Förde bis in die Innenstadt"
    head = f"Kiel\n\n{headline}\n\nVon Anna Berger 28.04.2024\n\n{contents}"
    text = [_LEAD, "Wer fährt mit der Fähre?", _BODY[0], "Wann geht es los am Hafen?", _BODY[1]]
    page = "\n\n".join([_MENU, head, *text, "Was kostet die neue Fähre?", _BODY[2], _TEASERS, _FOOTER])
    assert clean_document(page, "text").title == headline


def test_a_label_between_the_byline_and_the_lead_is_no_headline_under_a_longer_one_above() -> None:
    head = "Kiel\n\nHafenstadt plant neue Fährlinie\n\nVon Anna Berger\n\n28.04.2024\n\nJunges Leben | 3"
    assert clean_document(_page(head), "text").title == "Hafenstadt plant neue Fährlinie"


def test_a_line_without_a_capitalised_word_is_a_menu_not_a_headline() -> None:
    head = "home: heute: shop: suche:\n\nVon Anna Berger\n\nHafenstadt plant neue Fährlinie\n\nRisiko"
    assert clean_document(_page(head), "text").title == "Hafenstadt plant neue Fährlinie"


def test_a_markdown_marker_left_on_a_teaser_line_does_not_reach_the_headline() -> None:
    headline = "Hafen: Hafenstadt plant neue Fährlinie"
    teaser = f"* [## {headline}](https://example.org/faehre)"
    page = "\n\n".join([f"# {headline}", "28.04.2024", _LEAD, *_BODY, teaser, _FOOTER])
    assert clean_document(page, "markdown").title == "Hafen: Hafenstadt plant neue Fährlinie"


def test_short_markdown_lines_of_one_paragraph_are_read_a_line_each_as_a_copy_shows_them() -> None:
    head = "# Hafenstadt plant neue Fährlinie\n\nAktualisiert am 28. April 2024, 20:22 Uhr\nQuelle: dpa Nord"
    doc = clean_document("\n\n".join([head, _LEAD, *_BODY, _FOOTER]), "markdown")
    assert (doc.published, doc.authors) == ("2024-04-28T20:22", ("dpa",))
    # Wrapped prose stays one paragraph.
    wrapped = _LEAD.replace(". ", ".\n", 1)
    assert clean_document("\n\n".join([head, wrapped, *_BODY, _FOOTER]), "markdown").lead == _LEAD


def test_a_stamp_with_numbers_beside_it_still_dates_the_article() -> None:
    # A time split off by slashes and a count of comments are no words of a caption or teaser.
    head = "Hafenstadt plant neue Fährlinie\n\nAnna Berger / 22.04.2020 / 06:15 / Foto: Fördeblatt.de / 150 /"
    assert clean_document(_page(head), "text").published == "2020-04-22"


def test_of_two_stamps_as_near_the_headline_the_one_below_it_dates_the_article() -> None:
    # The site's header dates the day the page was viewed, above the kicker.
    head = (
        "Sa, 19. Okt 2019\n\nNeue Wege übers Wasser\n\nHafenstadt plant neue Fährlinie\n\nVon Anna Berger"
        "\n\nFr, 18. Oktober 2019"
    )
    doc = clean_document(_page(head), "text")
    assert (doc.title, doc.published) == ("Hafenstadt plant neue Fährlinie", "2019-10-18")


def test_a_bare_stamp_at_the_foot_of_the_article_dates_it_and_a_teaser_date_does_not() -> None:
    foot = "Teilen:\n\n20:34 17.04.2020\n\n" + _TEASERS
    assert (
        clean_document(_page("Hafenstadt plant neue Fährlinie", after=foot), "text").published == "2020-04-17"
    )
    # The teasers' dates stand under their prose, after a related-content heading.
    assert clean_document(_page("Hafenstadt plant neue Fährlinie"), "text").published is None


def test_a_stamp_run_into_the_articles_opening_comes_before_a_bare_date_after_it() -> None:
    foot = "Teilen:\n\n20:34 17.04.2020\n\n" + _TEASERS
    page = "\n\n".join(
        [_MENU, "Hafenstadt plant neue Fährlinie", "16. April 2020. " + _LEAD, *_BODY, foot, _FOOTER]
    )
    assert clean_document(page, "text").published == "2020-04-16"


def test_a_byline_marker_closing_a_stamp_line_takes_the_names_on_the_next() -> None:
    after = "10.12.2022 18:27 von\n\nAnna Berger\n\n" + _TEASERS
    doc = clean_document(_page("Hafenstadt plant neue Fährlinie", after=after), "text")
    assert (doc.published, doc.authors) == ("2022-12-10T18:27", ("Anna Berger",))


def test_a_line_the_page_shows_twice_glued_reads_once() -> None:
    # "vor 3 Stundenvor 3 Stunden" (a narrow and a wide variant, both copied) is a stamp, not
    # the headline; the names above it stand under the headline.
    head = "Hafenstadt plant neue Fährlinie\n\nJulia Kessin | Clare Dunn\n\nvor 3 Stundenvor 3 Stunden"
    for shape in ("text", "markdown"):
        doc = clean_document(_page(head), shape)
        assert (doc.title, doc.authors) == ("Hafenstadt plant neue Fährlinie", ("Julia Kessin", "Clare Dunn"))


def test_names_under_the_headline_past_a_reading_time_are_its_byline() -> None:
    head = "# Hafenstadt plant neue Fährlinie\n\n29.06.2023, 15:04\n\n| Lesedauer: 7 Minuten\n\nAnna Berger"
    doc = clean_document("\n\n".join([_MENU, head, _LEAD, *_BODY, _FOOTER]), "markdown")
    assert (doc.published, doc.authors) == ("2023-06-29T15:04", ("Anna Berger",))


def test_a_byline_whose_names_go_on_over_list_items_takes_them_all() -> None:
    facts = "- Veröffentlicht am 28. April 2024\n- Von:\n- Anna Berger,\n- Lukas Wendt"
    head = f"# Hafenstadt plant neue Fährlinie\n\n{facts}"
    doc = clean_document("\n\n".join([_MENU, head, _LEAD, *_BODY, _FOOTER]), "markdown")
    assert (doc.published, doc.authors) == ("2024-04-28", ("Anna Berger", "Lukas Wendt"))


def test_a_stamp_that_pictures_and_ads_push_below_the_lead_is_read_up_to_the_second_paragraph() -> None:
    between = ["Foto: Fördeblatt", "Werbung", "Anzeige", "Von", "Fördeblatt", "02.02.2022 um 09:23"]
    lines = [_MENU, "Hafenstadt plant neue Fährlinie", " ".join([_LEAD, *_BODY[:2]]), *between, *_BODY[2:]]
    more = [
        f"Im {month} prüft die Verwaltung außerdem, ob die Fähre am Wochenende länger fahren kann. "
        f"Eine Entscheidung darüber soll im {month} fallen, wenn die ersten Zahlen vorliegen."
        for month in ("Januar", "März", "Mai", "Juli", "September", "November")
    ]
    doc = clean_document("\n\n".join([*lines, *more, _TEASERS, _FOOTER]), "text")
    assert doc.published == "2022-02-02T09:23"


def test_a_byline_over_two_lines_between_headline_and_stamp_counts_as_one() -> None:
    head = (
        "Sa, 19. Okt 2019\n\nNeue Wege übers Wasser\n\nHafenstadt plant neue Fährlinie\n\nVon\n\nAnna Berger"
        "\n\nFr, 18. Oktober 2019"
    )
    doc = clean_document(_page(head), "text")
    assert (doc.published, doc.authors) == ("2019-10-18", ("Anna Berger",))


def test_a_stamp_the_layout_ran_into_the_lead_dates_the_article_when_no_other_does() -> None:
    page = _page("Hafenstadt plant neue Fährlinie").replace(_LEAD, "19.10.2019, 15:30 Uhr" + _LEAD)
    assert clean_document(page, "text").published == "2019-10-19T15:30"


def test_an_author_box_closing_the_article_is_not_its_text() -> None:
    bio = "Anna Berger schreibt seit 2010 für das Fördeblatt über Verkehr und Stadtplanung in Kiel."
    page = _page("Hafenstadt plant neue Fährlinie\n\nVon Anna Berger").replace(
        _TEASERS, f"Anna Berger\n\n{bio}"
    )
    doc = clean_document(page, "text")
    assert doc.body == _ARTICLE


def test_a_related_content_heading_with_a_few_more_words_ends_the_article() -> None:
    teaser = (
        "Die Bauarbeiten an der neuen Busspur verzögern sich um mehrere Monate, weil Anwohner gegen "
        "die Pläne der Stadt geklagt haben. Das Gericht will im Sommer entscheiden."
    )
    for heading in ("Mehr zum Thema Verkehr in Kiel", "Die meistgelesenen Artikel bei Fördeblatt.de"):
        doc = clean_document(_page("Hafenstadt plant neue Fährlinie", after=f"{heading}\n\n{teaser}"), "text")
        assert doc.body == _ARTICLE, heading


def test_a_kicker_whose_colon_the_layout_moved_to_the_headline_line_joins_it() -> None:
    head = "Fördeblatt\n\nFähren für Kiel\n\n: Hafenstadt plant neue Fährlinie\n\nVon Anna Berger"
    assert clean_document(_page(head), "text").title == "Fähren für Kiel: Hafenstadt plant neue Fährlinie"


def test_a_breadcrumb_label_is_no_kicker() -> None:
    head = "Sie sind hier: Hafenstadt plant neue Fährlinie\n\nHafenstadt plant neue Fährlinie\n\n28.04.2024"
    assert clean_document(_page(head), "text").title == "Hafenstadt plant neue Fährlinie"


def test_a_breadcrumb_trail_ending_in_the_headline_is_neither_headline_nor_kicker() -> None:
    headlines = {
        "Home > Verkehr: Hafenstadt plant neue Fährlinie": "Hafenstadt plant neue Fährlinie",
        "Home > Meldungen: Neue Fährlinie": "Neue Fährlinie",  # a short headline under a longer trail
    }
    for trail, headline in headlines.items():
        page = _page(f"{trail}\n\n{headline}\n\n28.04.2024")
        assert clean_document(page, "text").title == headline, trail


def test_the_heading_of_a_box_the_page_shows_twice_is_not_the_headline_over_the_lead() -> None:
    box = (
        "Fährverkehr in Kiel\n\nDie Fähren verbinden seit 1950 die beiden Ufer der Förde. "
        "Sie fahren im Sommer alle halbe Stunde und im Winter stündlich."
    )
    page = _page(f"{box}\n\nNeue Fährlinie\n\n7. März 2025", after=f"{box}\n\n{_TEASERS}")
    assert clean_document(page, "text").title == "Neue Fährlinie"


def test_a_kicker_after_the_headline_goes_where_the_breadcrumb_sets_it_before() -> None:
    head = (
        "Verkehr > „Mehr Schiffe“ / Hafenstadt plant neue Fährlinie\n\n"
        "Hafenstadt plant neue Fährlinie „Mehr Schiffe“\n\n7. März 2025"
    )
    for shape in ("text", "markdown"):
        assert clean_document(_page(head), shape).title == "Hafenstadt plant neue Fährlinie", shape


def test_a_topic_the_page_lists_again_under_a_related_content_heading_is_no_repeated_headline() -> None:
    # The topic's link above the headline and again in the list of topics after the article.
    topic = "Fähren und Häfen im Norden"
    page = _page(
        f"{topic}\n\nHafenstadt plant neue Fährlinie", after=f"Ähnliche Themen\n\n{topic}\n\n{_TEASERS}"
    )
    assert clean_document(page, "text").title == "Hafenstadt plant neue Fährlinie"


def test_a_headline_that_reads_as_a_sentence_over_the_lead_and_byline_is_the_headline() -> None:
    headline = "Wir machen dann mal Schluss (und die alte Fähre tut es auch bald! Oder?)"
    for shape, heading in (("text", headline), ("markdown", f"# {headline}")):
        page = "\n\n".join([_MENU, heading, _LEAD, "Von Anna Berger", *_BODY, _TEASERS, _FOOTER])
        assert clean_document(page, shape).title == headline, shape


def test_a_gallerys_numbered_captions_above_the_headline_are_no_lead() -> None:
    gallery = (
        "1/2 Die alte Fähre legte am Freitag zum letzten Mal in St. Peter an. (Bild: Hafen St. Peter)\n\n"
        "2/2 Die Fähre wurde leicht und ihr Anleger schwer beschädigt. Es entstand ein Sachschaden "
        "von 10 000 Euro. (Bild: Hafen St. Peter)"
    )
    doc = clean_document(_page(f"{gallery}\n\nHafenstadt plant neue Fährlinie\n\n7. März 2025"), "text")
    assert (doc.title, doc.body) == ("Hafenstadt plant neue Fährlinie", _ARTICLE)


def test_a_kicked_form_of_the_headline_takes_its_kicker_from_above_not_from_below() -> None:
    # Above the headline, a page header writes it with its kicker; below it, a share text or
    # teaser adds one the headline as the site sets it does not have.
    head = (
        "Fähren: Hafenstadt plant neue Fährlinie\n\nKiel\n\nHafenstadt plant neue Fährlinie\n\n7. März 2025"
    )
    assert clean_document(_page(head), "text").title == "Fähren: Hafenstadt plant neue Fährlinie"
    head = (
        "Kiel\n\nHafenstadt plant neue Fährlinie\n\nFähren: Hafenstadt plant neue Fährlinie\n\n7. März 2025"
    )
    assert clean_document(_page(head), "text").title == "Hafenstadt plant neue Fährlinie"


def test_an_embed_placeholder_a_paging_switch_and_a_teaser_reading_time_are_interface_text() -> None:
    labels = ["Auf einer Seite lesen", "Empfohlener redaktioneller Inhalt", "weiterlesen 5 Minuten"]
    page = _page("Hafenstadt plant neue Fährlinie").replace(_BODY[0], "\n\n".join([*labels, _BODY[0]]))
    assert clean_document(page, "text").body == _ARTICLE


def test_a_markdown_link_wrapping_the_byline_and_stamp_leaves_no_tail_in_them() -> None:
    head = (
        "# Hafenstadt plant neue Fährlinie\n\n[![Anna Berger](/img/berger.jpg)\n\n"
        "Anna Berger,](https://www.fördeblatt.de/autoren/anna-berger-591481)\n"
        "am Sonntag, 11.12.2022 - 05:00\n[(1 Kommentar)](#kommentare)"
    )
    doc = clean_document(_page(head), "markdown")
    assert (doc.published, doc.authors) == ("2022-12-11T05:00", ("Anna Berger",))


def test_a_line_of_author_and_date_below_an_introduction_dates_the_article() -> None:
    intro = [f"{_BODY[0]} {_BODY[1]}", f"{_BODY[2]} {_LEAD}", _BODY[1], _BODY[2]]
    box = ["## Die Fähre im Podcast", "## Folge 16", "18.03.2020 13:15 Uhr Autor/in: Korinna Hennig"]
    more = [
        f"Im {month} prüft die Verwaltung außerdem, ob die Fähre am Wochenende länger fahren kann. "
        f"Eine Entscheidung darüber soll im {month} fallen, wenn die ersten Zahlen vorliegen."
        for month in ("Januar", "März", "Mai", "Juli", "September", "November", "Dezember")
    ]
    page = "\n\n".join([_MENU, "# Hafenstadt plant neue Fährlinie", *intro, *box, *more, _TEASERS, _FOOTER])
    assert clean_document(page, "markdown").published == "2020-03-18T13:15"


def test_paragraphs_that_are_all_link_after_the_article_are_teasers_not_its_text() -> None:
    teasers = "\n\n".join(
        f"[{text}](https://example.org/teaser-{number})"
        for number, text in enumerate(
            [
                "Die Stadtwerke erhöhen die Preise für Busse und Bahnen zum ersten Januar deutlich.",
                "Der Hafen meldet für das vergangene Jahr einen neuen Rekord bei den Passagieren.",
            ]
        )
    )
    page = "\n\n".join(
        [_MENU, "# Hafenstadt plant neue Fährlinie", _LEAD, *_BODY, "### Aktuelle Dossiers", teasers, _FOOTER]
    )
    assert clean_document(page, "markdown").body == _ARTICLE


def test_a_row_of_numbers_is_no_headline() -> None:
    timeline = "1945 1960 1980 2000 2020"  # a timeline's years, shown twice
    page = _page(f"Hafenstadt plant neue Fährlinie\n\n{timeline}")
    page = page.replace(_FOOTER, f"{timeline}\n\n{_FOOTER}")
    assert clean_document(page, "text").title == "Hafenstadt plant neue Fährlinie"


def test_a_heading_of_kicker_and_headline_parts_loses_the_space_before_its_colon() -> None:
    doc = clean_document(_page("# Neue Wege übers Wasser : Hafenstadt plant neue Fährlinie"), "markdown")
    assert doc.title == "Neue Wege übers Wasser: Hafenstadt plant neue Fährlinie"


def test_a_menu_the_page_shows_twice_is_no_repeated_headline() -> None:
    menu = "Alle Meldungen zum Nahverkehr\n\nAlle Verkehrsinfos aus der Region\n\nAlle Blitzer"
    stamp = "28.04.2024, 17:19 Uhr\n\nAudio anhören"
    head = f"{menu}\n\nSuche\n\n{menu}\n\nHafenstadt plant neue Fährlinie\n\n{stamp}"
    assert clean_document(_page(head), "text").title == "Hafenstadt plant neue Fährlinie"


def test_a_markdown_headline_linking_to_its_own_page_is_the_headline() -> None:
    head = "## [Hafenstadt plant neue Fährlinie](https://foerdeblatt.de/kiel/faehre)\n\n28.04.2024"
    assert clean_document(_page(head), "markdown").title == "Hafenstadt plant neue Fährlinie"


def test_a_repeated_line_between_two_labels_is_a_menu_entry_not_the_headline() -> None:
    head = (
        "Radio\n\nSendungen\n\nHafenwelle am Abend\n\nDie Redaktion\n\nApp\n\n"
        "Hafenstadt plant neue Fährlinie\n\nBild vergrößern"
    )
    page = _page(head).replace(_FOOTER, f"Hafenwelle\n\nHafenwelle am Abend\n\nPodcasts\n\n{_FOOTER}")
    assert clean_document(page, "text").title == "Hafenstadt plant neue Fährlinie"


def test_the_close_of_an_embedded_player_is_interface_text_not_the_headline() -> None:
    player = "Videobeitrag\n\nVideo\n\n01:30 Min.\n\nEnde des Videobeitrags"
    head = f"# Hafenstadt plant neue Fährlinie\n\nVeröffentlicht am 28.04.2024\n\n{player}"
    doc = clean_document(_page(head, after=f"{player}\n\n{_TEASERS}"), "markdown")
    assert doc.title == "Hafenstadt plant neue Fährlinie"
    assert "Videobeitrag" not in doc.body


def test_a_box_of_the_most_clicked_articles_inside_the_region_is_no_article_text() -> None:
    box = (
        "MEISTGEKLICKTE BEITRÄGE\n\n1Hafen: Kreuzfahrtsaison beginnt früher\n\n"
        "2Verkehr: Neue Busspur kommt später\n\nNewsticker\n\nFähre fällt bis Montag aus\n\n"
        "Kiel (dpa) – Die beschädigte Fähre fährt auch am Montag noch nicht zwischen den Inseln "
        "hin und her. Das teilte die Reederei am Samstag mit, die Reparatur dauere länger als gedacht.\n\n"
        "Radfahrer bei Unfall schwer verletzt\n\n"
        "Lübeck (dpa) – Ein 40 Jahre alter Radfahrer ist am Freitagabend in der Innenstadt von einem Auto "
        "erfasst und schwer verletzt worden. Die Polizei sucht nach Zeugen des Unfalls an der Kreuzung."
    )
    doc = clean_document(_page("Hafenstadt plant neue Fährlinie", after=box), "text")
    assert doc.body.startswith(_ARTICLE)
    assert "MEISTGEKLICKTE" not in doc.body and "Kreuzfahrtsaison" not in doc.body


def test_an_author_box_headed_as_such_after_the_text_is_no_article_text() -> None:
    box = (
        "Autoreninfo\n\nAnna Berger leitet das Ressort Region beim Fördeblatt. Sie studierte Geschichte in "
        "Kiel und war zuvor Korrespondentin in Hamburg, wo sie über Hafen und Verkehr schrieb.\n\n"
        f"So erreichen Sie Anna Berger:\n\n{_TEASERS}"
    )
    doc = clean_document(_page("Hafenstadt plant neue Fährlinie", after=box), "text")
    assert doc.body == _ARTICLE


def test_a_headline_quoting_someone_who_addresses_people_is_no_site_text() -> None:
    headline = "„Niemand hört euch zu“: Pendler fordern neue Fährlinie"
    doc = clean_document(_page(f"Kiel\n\n{headline}\n\n28.04.2024, 17:19 Uhr"), "text")
    assert doc.title == headline


def test_a_bulleted_line_set_as_a_heading_is_a_list_item_not_the_headline() -> None:
    head = "## Hafenstadt plant neue Fährlinie\n\n### - Zwei gebrauchte Schiffe werden für die Linie umgebaut"
    assert clean_document(_page(head), "markdown").title == "Hafenstadt plant neue Fährlinie"


def test_initials_signing_the_article_after_its_text_are_its_authors() -> None:
    signed = _page(
        "Hafenstadt plant neue Fährlinie\n\n28.04.2024, 17:19 Uhr",
        after=f"mk/jr\n\n{_TEASERS}",
    )
    doc = clean_document(signed, "text")
    assert doc.authors == ("mk", "jr")
    assert doc.body == _ARTICLE


def test_a_call_to_action_inside_the_article_is_no_article_text_and_a_question_to_someone_is() -> None:
    question = "Wie sehen Sie die Pläne, Herr Berger?"
    quoted = "„Kommen Sie mit uns über die Förde“"
    body = [_BODY[0], "Jetzt neu! Besuchen Sie unseren Fan-Shop!", _BODY[1], question, quoted, _BODY[2]]
    head = "Hafenstadt plant neue Fährlinie\n\n28.04.2024, 17:19 Uhr"
    page = "\n\n".join([_MENU, head, _LEAD, *body, _TEASERS])
    doc = clean_document(page, "text")
    assert doc.body == "\n\n".join([_LEAD, _BODY[0], _BODY[1], question, quoted, _BODY[2]])


def _comment(name: str) -> str:
    """A reader's comment of two paragraphs, as long as one of the article's."""
    return (
        f"Das ist doch alles viel zu teuer, {name} hat es schon immer gesagt, und am Ende zahlt wieder "
        "der Steuerzahler die ganze Rechnung, wie immer bei solchen Projekten in dieser Stadt.\n\n"
        f"Wer fährt denn im Winter mit der Fähre, fragt sich {name}, wenn der Bus in zehn Minuten "
        "am Ziel ist und die Brücke ohnehin bald fertig wird?"
    )


_TEASER_TOPICS = (
    ("Hafen: Kreuzfahrtsaison beginnt früher", "den Hafen"),
    ("Verkehr: Neue Busspur kommt später", "die Busspur"),
    ("Kultur: Theater bekommt mehr Geld", "das Theater"),
    ("Sport: Neues Stadion wird teurer", "das Stadion"),
)
_SUMMARY = (
    "Die Stadt hat am Montag neue Regeln für {} vorgestellt, die schon im kommenden Jahr gelten sollen "
    "und über die der Rat in seiner nächsten Sitzung im Mai noch einmal beraten wird."
)


def _teaser_list(count: int, summary: str = _SUMMARY, stamps: tuple[str, ...] = ()) -> str:
    """`count` teasers of other articles: a headline over a summary, and a stamp under it if given."""
    return "\n\n".join(
        "\n\n".join([title, summary.format(topic), *stamps[number : number + 1]])
        for number, (title, topic) in enumerate(_TEASER_TOPICS[:count])
    )


def _body_above(after: str) -> str:
    """The body of a page that shows `after` (comments, a box) below the article."""
    return clean_document(_page("Hafenstadt plant neue Fährlinie", after=after), "text").body


def test_comments_whose_prose_outweighs_their_stamps_are_cut_off_by_their_times_of_day() -> None:
    # Their prose outweighs their stamps, so the article's run of prose would go on through them.
    readers = ["Anke", "Bernd", "Carla", "Dieter", "Emil"]
    comments = "\n\n".join(
        f"{name} sagt:\n\n{n}. Mai 2024 um 1{n}:05 Uhr\n\n{_comment(name)}"
        for n, name in enumerate(readers, 1)
    )
    assert _body_above(comments) == _ARTICLE


def test_comments_signed_with_a_name_and_a_day_are_cut_off_too() -> None:
    readers = ["Anke Arndt", "Bernd Busch", "Carla Claussen", "Dieter Dahl"]
    comments = "\n\n".join(f"{name} / 22.04.2025\n\n{_comment(name)}" for name in readers)
    assert _body_above(comments) == _ARTICLE


def test_a_note_on_the_author_under_their_name_is_no_article_text() -> None:
    note = (
        "Anna Berger\n\nist Redakteurin beim Fördeblatt und schreibt seit 2010 über den Hafen, den Verkehr "
        "und die Entwicklung der Stadt und der Dörfer an der Förde."
    )
    role = "Lukas Wendt\n\nRedakteur in der Wirtschaft."
    assert _body_above(f"{role}\n\n{note}\n\n{_TEASERS}") == _ARTICLE


def test_a_box_headed_further_content_or_read_more_after_the_text_is_no_article_text() -> None:
    teasers = (
        "01.03.2025 - Hafen: Kreuzfahrtsaison beginnt früher Die ersten Schiffe legen schon im März an.\n\n"
        "28.02.2025 - Verkehr: Neue Busspur kommt später Die Bauarbeiten verzögern sich um Monate."
    )
    for heading in ("Weitere Inhalte:", "Lesen Sie mehr", "Themen in diesem Artikel"):
        assert _body_above(f"{heading}\n\n{teasers}") == _ARTICLE, heading


def test_an_author_box_headed_with_the_authors_name_is_no_article_text() -> None:
    box = (
        "Über Anna Berger\n\nAnna Berger fing im Jahr 2000 als Quereinsteigerin bei Zeitschriften an und "
        "schreibt seit 2010 für das Fördeblatt über den Hafen, den Verkehr und die Stadtentwicklung."
    )
    assert _body_above(f"{box}\n\n{_TEASERS}") == _ARTICLE


def test_a_licence_or_copyright_notice_under_the_text_is_no_article_text() -> None:
    notices = (
        "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE. Die Bilder sind davon "
        "ausgenommen.\n\nVervielfältigung nur mit Genehmigung"
    )
    assert _body_above(f"{notices}\n\n{_TEASERS}") == _ARTICLE


def test_a_link_to_the_search_is_no_headline_and_no_article_text() -> None:
    head = "Hafenstadt plant neue Fährlinie\n\nZur Suche in der Mediathek"
    assert clean_document(_page(head), "text").title == "Hafenstadt plant neue Fährlinie"
    article = [_LEAD, _BODY[0], "Search", *_BODY[1:]]
    page = "\n\n".join([_MENU, "Hafenstadt plant neue Fährlinie", *article, _TEASERS])
    assert clean_document(page, "text").body == _ARTICLE


def test_teasers_under_a_related_content_heading_the_run_of_prose_ran_into_are_no_article_text() -> None:
    # Summaries long enough to be prose: the article's run would go on through them.
    teasers = _teaser_list(3)
    heading = "Die meistgelesenen Artikel bei Fördeblatt.de"
    assert _body_above(f"{heading}\n\n{teasers}") == _ARTICLE
    # The article going on after a box in it, in paragraphs longer than teasers' summaries, stays.
    going_on = [
        "Im Winter soll die Fähre seltener fahren, jede Stunde einmal, und an den Wochenenden gar nicht. "
        "Darüber hatte es im Ausschuss lange Streit gegeben, bis die Stadtwerke einlenkten und zusagten, "
        "die Zahl der Fahrgäste nach dem ersten Jahr genau zu prüfen und den Fahrplan dann anzupassen.",
        "Anzeige",
        "Die Fähre soll zunächst für zwei Jahre fahren. Danach will der Rat entscheiden, ob sie bleibt "
        "und ob eine zweite Linie nach Norden dazukommt, die viele Anwohner dort seit Jahren fordern.",
    ]
    box = ["Lesen Sie auch", "Verkehr: Neue Busspur kommt später"]
    page = "\n\n".join([_MENU, _LEAD, *_BODY, *box, *going_on, _FOOTER])
    assert clean_document(page, "text").body.endswith(going_on[-1])


def test_a_list_of_teasers_each_with_headline_summary_and_stamp_is_no_article_text() -> None:
    # The first summary is long enough to be prose: the article's run takes it in, its stamp ends the run.
    stamps = (
        "Anna Berger, Kiel 12.03.2025, 21:59",
        "Lukas Wendt 11.03.2025, 19:33",
        "Anna Berger 10.03.2025, 06:00",
    )
    teasers = _teaser_list(3, stamps=stamps)
    assert _body_above(teasers) == _ARTICLE


def test_a_title_the_site_cut_short_is_a_teaser_and_a_speaker_trailing_off_is_not() -> None:
    trailing = "Und dann kam der Sturm …"
    body = [_BODY[0], "Hafen: Kreuzfahrtsaison beginnt früher als...", _BODY[1], trailing, _BODY[2]]
    page = "\n\n".join([_MENU, "Hafenstadt plant neue Fährlinie", _LEAD, *body, _TEASERS, _FOOTER])
    assert clean_document(page, "text").body == "\n\n".join([_LEAD, _BODY[0], _BODY[1], trailing, _BODY[2]])


def test_a_note_on_the_magazine_issue_the_article_first_appeared_in_is_no_article_text() -> None:
    notice = (
        "Dieser Beitrag stammt aus Ausgabe 3/2021 des Fördeblatt-Magazins. Das Heft liegt seit 14.05.2021 "
        "am Kiosk und ist online bestellbar. Mehr aus dem Heft:"
    )
    assert _body_above(f"{notice}\n\n{_TEASERS}") == _ARTICLE


def test_a_short_line_closed_by_a_role_under_the_authors_name_is_no_article_text() -> None:
    # Teasers long enough to be prose follow: the article's run goes on through the author's box.
    teasers = "\n\n".join(
        f"0{day}.03.2025 - Hafen: Die Stadt hat am Montag {what} vorgestellt, die schon im kommenden Jahr "
        "gelten sollen und über die der Rat in seiner nächsten Sitzung im Mai noch einmal beraten wird."
        for day, what in ((1, "neue Regeln für den Hafen"), (2, "neue Pläne für die Busspur"))
    )
    box = "Lukas Wendt\n\nFördeblatt.de Redakteur"
    body = _body_above(f"{box}\n\nWeitere Inhalte:\n\n{teasers}")
    assert body.startswith(_ARTICLE)
    assert "Wendt" not in body and "Redakteur" not in body


def test_a_teaser_whose_summary_closes_with_its_authors_is_no_article_text() -> None:
    teaser = [
        "Nach dem Unfall",
        "Dieser Mann setzt die Werft unter Druck",
        "Er hat seine Mutter beim Unglück im Hafen verloren. Die Werft müsse endlich ihre Technik "
        "auf den neuesten Stand bringen, fordert er.   Von Anna Berger und Lukas Wendt",
    ]
    page = "\n\n".join(
        [_MENU, "Hafenstadt plant neue Fährlinie", _LEAD, _BODY[0], *teaser, *_BODY[1:], _FOOTER]
    )
    assert clean_document(page, "text").body == _ARTICLE
    # In markdown the teaser links its whole text.
    linked = [teaser[0], f"### {teaser[1]}", f"{teaser[2]}](https://foerdeblatt.de/werft-1.123)"]
    page = "\n\n".join(["# Hafenstadt plant neue Fährlinie", _LEAD, _BODY[0], "[", *linked, *_BODY[1:]])
    assert clean_document(page, "markdown").body == _ARTICLE


def test_a_list_of_headlines_each_over_a_short_summary_ending_the_run_is_no_article_text() -> None:
    short = (
        "In diesem Überblick zeigen wir, was die neuen Regeln für {} bedeuten und was sich dadurch ändert."
    )
    teasers = _teaser_list(4, short)
    assert _body_above(teasers) == _ARTICLE


def test_comments_stamped_with_how_long_ago_they_were_posted_are_cut_off_too() -> None:
    readers = [
        ("Anke", "40 Minuten 12 Sekunden her"),
        ("Bernd", "1 Stunde 37 Minuten her"),
        ("Carla", "3 Tage her"),
    ]
    comments = "\n\n".join(f"{name}\n\n{ago}\n\n{_comment(name)}" for name, ago in readers)
    assert _body_above(comments) == _ARTICLE
    # The writer's name beside the time.
    readers = [("Anke", "vor 3 Minuten"), ("Bernd", "vor 5 Stunden"), ("Carla", "vor einem Tag")]
    comments = "\n\n".join(f"{name}1984 {ago}\n\n{_comment(name)}" for name, ago in readers)
    assert _body_above(comments) == _ARTICLE


def test_a_paywall_label_over_the_text_the_page_shows_does_not_end_it() -> None:
    # The page shows the lead and one paragraph under the label; its prompt follows them.
    article = [_LEAD, "Exklusiv für Abonnenten", _BODY[0]]
    prompt = "Wählen Sie Ihren Zugang und lesen Sie weiter:\n\nDigital-Zugang\n\nAlle Artikel frei"
    page = "\n\n".join([_MENU, "Hafenstadt plant neue Fährlinie", *article, prompt, _FOOTER])
    doc = clean_document(page, "text")
    assert doc.body == "\n\n".join([_LEAD, _BODY[0]])
    assert doc.paywalled


def test_a_headline_under_the_stamp_below_a_teaser_of_it_is_the_headline_even_opening_with_von() -> None:
    # The run of prose opens with a teaser of the article, its picture and a topic label above
    # the stamp; the headline stands under the stamp, longer than the site's slogan above the run.
    # "Von der Heyde …" opens like a byline but does not read as one.
    head = "\n\n".join(
        [
            "Kritisch und unabhängig",
            "Senatorin Ursula von der Heyde will noch in diesem Jahr über neue Fährlinien in "
            "der Ostsee verhandeln, die Küstenstädte sollen davon profitieren.",
            "Eine Fähre im Hafen. Foto: Anna Berger",
            "Europa",
            "7. März 2025",
            "Von der Heyde will neue Fährlinien – die Hafenstadt plant schon",
        ]
    )
    doc = clean_document(_page(head), "text")
    assert doc.title == "Von der Heyde will neue Fährlinien – die Hafenstadt plant schon"
    assert doc.body == _ARTICLE


def test_a_subheading_under_the_byline_and_stamp_is_no_headline_over_a_longer_one_above() -> None:
    title = "Hafenstadt plant neue Fährlinie über die Förde"
    parts = [_MENU, title, _LEAD, "Anna Berger, 7. März 2025", "Neue Linie für Pendler", *_BODY, _FOOTER]
    assert clean_document("\n\n".join(parts), "text").title == title


def test_a_breadcrumb_step_between_arrow_lines_is_no_headline() -> None:
    # The copy sets the trail a step a line, the arrows on lines of their own; a stamp and a
    # byline stand under its last step, which the page's footer repeats, and over the headline,
    # whose dek parts it from the lead.
    head = (
        "Home\n\n>\n\nVerkehr\n\n>\n\nAlle News zum Verkehr\n\n07.03.2025 · 11:14\n\n"
        "von Anna Berger\n\nHafenstadt plant neue Fährlinie\n\n"
        "Vom Sommer an sollen zwei Schiffe die Stadtteile am Ostufer im Halbstundentakt mit der "
        "Innenstadt verbinden - Die Stadtwerke rechnen mit Tausenden Fahrgästen"
    )
    page = _page(head, after=f"{_TEASERS}\n\nAlle News zum Verkehr im Überblick")
    assert clean_document(page, "text").title == "Hafenstadt plant neue Fährlinie"


def test_a_row_of_share_buttons_over_the_lead_is_no_headline() -> None:
    head = "Hafenstadt plant neue Fährlinie\n\n7. März 2025\n\nteilen tweeten mailen Forum Autor kontaktieren"
    doc = clean_document(_page(head), "text")
    assert doc.title == "Hafenstadt plant neue Fährlinie"
    assert doc.body == _ARTICLE


def test_the_last_teaser_title_of_a_related_list_over_the_lead_is_no_headline() -> None:
    # Share buttons and a list of other articles part the headline from the text; the list's
    # last title stands right above the lead, where a headline would.
    head = (
        "Hafenstadt plant neue Fährlinie über die Förde\n\n7. März 2025\n\nTeilen\n\nMehr zum Thema\n\n"
        "Hafen: Kreuzfahrtsaison beginnt früher als geplant\n\nVerkehr: Neue Busspur kommt später\n\n"
        "Bahn: Neue Halte für den Regionalexpress"
    )
    assert clean_document(_page(head), "text").title == "Hafenstadt plant neue Fährlinie über die Förde"


def test_topic_labels_under_a_related_heading_do_not_hide_the_headline_below_them() -> None:
    head = "Themen\n\nFörde\n\nHafen\n\nHafenstadt plant neue Fährlinie über die Förde\n\n7. März 2025"
    assert clean_document(_page(head), "text").title == "Hafenstadt plant neue Fährlinie über die Förde"


def test_a_kicker_glued_to_a_quoted_headline_is_cut_off() -> None:
    head = "Neue Fähre„Wir bringen die Pendler übers Wasser“\n\n7. März 2025"
    assert clean_document(_page(head), "text").title == "„Wir bringen die Pendler übers Wasser“"


def test_a_markdown_pages_only_top_level_heading_is_the_headline_over_its_dek() -> None:
    # The dek stands nearer the byline; the page marks the headline as its one "#" heading.
    head = (
        "# Neue Wege über die Förde\n\n## Die Stadt plant eine Fährlinie für Pendler am Ostufer\n\n"
        "Von Anna Berger\n\nVorlesen"
    )
    page = "\n\n".join([_MENU, head, _LEAD, *_BODY, _FOOTER])
    assert clean_document(page, "markdown").title == "Neue Wege über die Förde"


def test_a_kicker_spaced_off_by_its_colon_goes_where_the_page_shows_the_headline_without_it() -> None:
    # The breadcrumb's last step names the headline alone; the heading sets a kicker before it as
    # an element of its own, the colon spaced off.
    trail = "- Startseite\n- Kiel\n- Hafenstadt plant neue Fährlinie"
    head = f"{trail}\n\n# Neue Wege übers Wasser : Hafenstadt plant neue Fährlinie\n\n28.04.2024"
    assert clean_document(_page(head), "markdown").title == "Hafenstadt plant neue Fährlinie"


def test_a_headline_above_rows_of_share_buttons_filling_the_head_window_is_found() -> None:
    buttons = "\n\n".join(["Facebook", "WhatsApp", "E-Mail", "Drucken", "Link kopieren"] * 5)
    head = f"Hafenstadt plant neue Fährlinie\n\n{buttons}\n\nVon Anna Berger\n\n28.04.2024"
    assert clean_document(_page(head), "text").title == "Hafenstadt plant neue Fährlinie"


def test_a_markdown_heading_ending_a_numbered_breadcrumb_trail_is_the_headline() -> None:
    # The page names the article as its trail's current step and marks it as its only "#"
    # heading; the "##" heading over the byline is the title the layout shows beside it.
    headline = "Neue Fährlinie: Hafenstadt verbindet Ostufer und Innenstadt"
    trail = f"1. [Startseite](/)\n2. [Kiel](/kiel/)\n3. # {headline}"
    head = f"{trail}\n\n## Hafenstadt plant neue Fährlinie\n\nVon Anna Berger\n\n28.04.2024"
    assert clean_document(_page(head), "markdown").title == headline


def test_a_markdown_heading_running_on_past_the_headline_its_address_spells_ends_there() -> None:
    # The layout ran headline and dek into one heading, unpunctuated; the page's link to its own
    # comments spells the headline alone in its address.
    head = "# Hafenstadt plant neue Fährlinie Pendler sollen künftig übers Wasser fahren\n\n28.04.2024"
    comments = "[3 Kommentare](https://foerdeblatt.example/kiel/hafenstadt-plant-neue-faehrlinie/#comments)"
    page = "\n\n".join([_MENU, head, _LEAD, *_BODY, comments, _FOOTER])
    assert clean_document(page, "markdown").title == "Hafenstadt plant neue Fährlinie"


def test_a_heading_whose_address_spells_a_kicker_before_a_colon_keeps_its_rest() -> None:
    # An address naming only the kicker ("/themen/neue-wege-am-wasser/", a topic page) does not
    # cut the heading there: the colon marks a kicker, which stays part of the headline.
    headline = "Neue Wege am Wasser: Hafenstadt plant Fährlinie für Pendler"
    topic = "[Neue Wege am Wasser](/themen/neue-wege-am-wasser/)"
    page = "\n\n".join([_MENU, f"# {headline}\n\n28.04.2024", _LEAD, *_BODY, topic, _FOOTER])
    assert clean_document(page, "markdown").title == headline


def test_a_text_copys_line_set_off_by_blank_lines_is_the_headline_over_a_label_line_above_it() -> None:
    # A browser's copy sets paragraphs and headings off by blank lines: the short headline
    # stands so; the line over it, run on from the stamp, is a label in an element of its own.
    head = "Kiel\n28.04.2024\nDie Stadt verlegt den Fährverkehr ans Ostufer der Förde\n\nNeue Wege\n"
    page = "\n\n".join([_MENU, head, _LEAD, *_BODY, _FOOTER])
    assert clean_document(page, "text").title == "Neue Wege"


def test_text_blocks_mark_the_lines_blank_lines_set_off() -> None:
    from presseschau.clean.blocks import text_blocks

    blocks = text_blocks("Kiel\nPolitik\n\nNeue Wege\n\nDie Stadt plant\nVon Anna Berger")
    assert [block.set_off for block in blocks] == [False, False, True, False, False]


def test_a_month_and_year_under_a_headline_speak_for_it_as_a_stamp_does() -> None:
    # A trade journal dates its articles to the month. Above the headline a teaser of another
    # article, heading and summary, stands over the lead as closely as the headline does.
    teaser = (
        "Verkehr | Dezember 2024\n\n## Busse fahren wieder nach Plan\n\n"
        "[Nach dem Streik fahren die Busse der Stadtwerke seit Montag wieder nach dem gewohnten Fahrplan,"
        " wie das Unternehmen mitteilte.](/verkehr/busse-fahren-wieder)"
    )
    headline = "Was gilt ab Montag für Fähren, Busse und Bahnen zwischen Kiel und dem Ostufer?"
    head = f"{teaser}\n\n# {headline}\n\n[Verkehr - Themen](/themen/verkehr)\n\nJanuar 2025"
    assert clean_document(_page(head), "markdown").title == headline


def test_a_text_copys_headline_running_on_past_what_an_address_it_writes_spells_ends_there() -> None:
    # A text copy has no links, but it may write the page's address out (a print version's
    # source line): its last path step spells the headline alone, the dek the layout ran into
    # the heading's line is cut off.
    head = "Hafenstadt plant neue Fährlinie Pendler sollen künftig übers Wasser fahren\n\n28.04.2024"
    source = "Quelle: https://foerdeblatt.example/kiel/hafenstadt-plant-neue-faehrlinie/"
    page = "\n\n".join([_MENU, head, _LEAD, *_BODY, source, _FOOTER])
    assert clean_document(page, "text").title == "Hafenstadt plant neue Fährlinie"


def test_a_markdown_pages_only_top_heading_above_a_list_filling_the_head_window_is_the_headline() -> None:
    # Between the headline and the article's text the page lists other articles' headings,
    # each with its link: more lines than the head window holds.
    headline = "Hafenstadt plant neue Fährlinie über die Förde"
    titles = [
        "Kreuzfahrtsaison beginnt in diesem Jahr früher",
        "Neue Busspur am Ostufer kommt später",
        "Zwölf Cafés am Wasser im großen Test",
        "Warum die Kieler Woche teurer wird",
        "Segelschule sucht dringend neue Ausbilder",
        "So wird das Wetter am langen Wochenende",
        "Stadtwerke erhöhen die Preise für Fernwärme",
        "Werft stellt zweihundert neue Leute ein",
        "Der Leuchtturm am Friedrichsort wird saniert",
        "Sieben Ideen für einen Sonntag an der Förde",
        "Brücke über den Kanal bleibt bis Mai gesperrt",
        "Wie gut ist das Wasser an den Stränden?",
    ]
    teasers = "\n\n".join(
        f"## [{title}](/kiel/{number})\n\n[Link zum Artikel](/kiel/{number})"
        for number, title in enumerate(titles, 1)
    )
    head = f"# {headline}\n\n## Pendler sollen künftig übers Wasser fahren\n\n28.04.2024, 17:19\n\n{teasers}"
    page = "\n\n".join([_MENU, head, _LEAD, *_BODY, _FOOTER])
    assert clean_document(page, "markdown").title == headline


def test_a_text_copys_headline_set_off_over_its_dek_set_off_is_the_headline() -> None:
    # Headline and dek are both headings, set off by blank lines, over the stamp and a picture's
    # label: the same evidence for both. The page sets its headline over its dek.
    dek = "Die Stadt plant eine zusätzliche Linie über die Förde"
    head = f"Neue Fähre für das Ostufer\n\n{dek}\n\n28.04.2024\nBildergalerie\nVorlesen"
    page = "\n\n".join([_MENU, head, _LEAD, *_BODY, _FOOTER])
    assert clean_document(page, "text").title == "Neue Fähre für das Ostufer"


def test_a_label_set_off_over_a_headline_set_off_is_no_headline() -> None:
    # A topic line with its parts ("Verkehr | Kiel und Umland") stands over the headline as a
    # heading may, with the same evidence: no headline over a dek.
    headline = "Die Stadt plant eine zusätzliche Linie über die Förde"
    head = f"Verkehr | Kiel und Umland\n\n{headline}\n\n28.04.2024\nVorlesen"
    page = "\n\n".join([_MENU, head, _LEAD, *_BODY, _FOOTER])
    assert clean_document(page, "text").title == headline


def test_a_teasers_title_cutting_the_headline_short_repeats_it() -> None:
    # The teaser list under the article shows the headline cut short at a word: it speaks for
    # the headline as a repetition does, over a longer line set off above it.
    headline = "Kiel plant neue Fährlinie über die Förde zum Ostufer"
    head = f"Pendler sollen künftig übers Wasser\n\n{headline}\n\n28.04.2024\nBildergalerie\nVorlesen"
    teasers = "Neueste Artikel\n27.04.2024\n\nKiel plant neue Fährlinie über die Förde\n\nVerkehr"
    page = "\n\n".join([_MENU, head, _LEAD, *_BODY, teasers, _FOOTER])
    assert clean_document(page, "text").title == headline


def test_a_subheading_under_the_stamp_is_no_headline_under_the_headline_its_dek_and_picture() -> None:
    # The page sets its headline, the dek under it, the picture's credit and the stamp, then the
    # text opens with a subheading: the stamp above that one speaks against it, not for it.
    headline = "Stadt will neue Fährlinie über die Förde einrichten"
    dek = "Der Ausschuss hat am Dienstag über die Pläne für das Ostufer beraten und sie gebilligt."
    head = f"{headline}\n\n{dek}\n\nFoto: Anna Berger\n\n28.04.2024 - 15:00 Uhr\n\nPendler steigen um"
    page = "\n\n".join([_MENU, head, _LEAD, *_BODY, _FOOTER])
    assert clean_document(page, "text").title == headline
    assert clean_document(page.replace(f"\n\n{headline}", f"\n\n## {headline}"), "markdown").title == headline


def test_a_text_copys_headline_over_a_second_one_for_display_is_the_headline() -> None:
    # The page names its article twice, each a headline behind its kicker, both headings set off:
    # its own headline (its <h1>), then a variant for display over the text, which a share text
    # under the article repeats. The upper one is the headline, the variant's repetition aside.
    headline = "Kiel: Stadt richtet zusätzliche Fährlinie zum Ostufer ein"
    variant = "Neue Fährlinie: Pendler fahren bald übers Wasser"
    head = f"{headline}\n\n{variant}\n\n28.04.2024\nVorlesen"
    assert clean_document(_page(head, after=f"Artikel teilen\n\n{variant}"), "text").title == headline


def test_a_topic_line_with_parts_over_a_kicked_headline_is_no_headline() -> None:
    # A label over the headline may read "Kicker: …" too; its parts mark it as a topic line.
    headline = "Neue Fähre: Pendler fahren bald übers Wasser"
    head = f"Spezial: Verkehr – alle Fähren heute im Überblick\n\n{headline}\n\n28.04.2024\nVorlesen"
    assert clean_document(_page(head), "text").title == headline


def test_another_storys_kicked_title_over_a_kicked_headline_is_no_headline() -> None:
    # The last title of a list of other articles may stand right over the headline, both set off
    # and behind a kicker: sharing no word with the headline, it names another story.
    headline = "Neue Fährlinie: Pendler fahren bald übers Wasser"
    head = f"Hafen: Kreuzfahrtsaison beginnt schon im März\n\n{headline}\n\n28.04.2024\nVorlesen"
    assert clean_document(_page(head, after=f"Artikel teilen\n\n{headline}"), "text").title == headline


def test_a_headline_over_its_month_stamp_inside_the_articles_run_is_the_headline() -> None:
    # A trade journal sets teasers (label with a month, title, summary) right above the article,
    # and the run of prose takes in the last summary and the picture's caption: the headline
    # stands inside it, over a topic line and the month of the issue, then the lead.
    teasers = "\n\n".join(
        [
            "Betrieb | März 2025",
            "Neue Förderung für Werkstätten im Norden",
            "Das Land hat zum 1. März seine Förderung für kleine Betriebe ausgebaut. Die Zinsen sind "
            "günstig und die Laufzeit ist lang, heißt es beim Ministerium.",
            "Verkehr | Februar 2025",
            "Werkstätten an der Förde bilden mehr Lehrlinge aus",
            "Die große Mehrheit der Betriebe an der Förde will im Herbst wieder mehr Lehrlinge einstellen. "
            "Das ergab eine Umfrage der Kammer unter ihren Mitgliedern.",
            "Wie kommen Pendler künftig über die Förde? Hier die Pläne im Überblick! (Foto: Anna Berger)",
        ]
    )
    headline = "Fähre, Bus oder Rad: Wie kommen Pendler künftig übers Wasser?"
    head = f"{teasers}\n\n{headline}\n\nVerkehr in der Stadt - Spezial\n\nApril 2025"
    assert clean_document(_page(head), "text").title == headline
