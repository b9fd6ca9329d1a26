from __future__ import annotations

import pytest

from presseschau.clean import clean_document
from tests.fixtures.clean import clean_fixture


def test_free_flattened_page() -> None:
    doc = clean_fixture("flattened_free.txt")
    # The headline above the teaser, with its kicker; the page title it opens with says the same.
    assert doc.title == "Orkan Zeynep Fähren bleiben im Hafen"
    assert doc.outlet == "Inselblatt"
    assert doc.authors == ("Tjark Ubben", "Meike Hinrichs")
    assert doc.published == "2025-03-14T08:15"
    assert doc.lead == (
        "Wegen des Sturms fällt der Fährverkehr zu den Inseln auch am Freitag aus "
        "Urlauber müssen sich auf längere Wartezeiten einstellen"
    )
    assert not doc.paywalled
    assert "Die Reedereien wollen am Samstagmorgen entscheiden" in doc.body
    for dropped in ("Merkliste", "Mehr zum Thema", "Deiche halten", "Impressum", "Wartende Autos", "Menü"):
        assert dropped not in doc.body


def test_flattened_paywall_leaves_only_the_teaser() -> None:
    page = (
        "Neue Regeln für Mieter was sich ändert Mietblatt Zum Inhalt springen Mietblatt Startseite Wohnen "
        "Neue Regeln für Mieter was sich ändert Suche öffnen "
        "Mietrecht Neue Regeln für Mieter was sich ändert "
        "Ab Juli gelten strengere Vorgaben für Nebenkostenabrechnungen "
        "und was Vermieter jetzt beachten müssen "
        "Von Hanna Keller 02 04 2025 07 30 Uhr Link kopieren Diesen Artikel weiterlesen mit Mietblatt plus "
        "Jetzt abonnieren Impressum Datenschutz " + "Wohnen Bauen Garten Finanzen Recht " * 40
    )
    doc = clean_document(page, "flattened")
    assert doc.paywalled
    assert doc.body == doc.lead
    assert doc.lead is not None and doc.lead.startswith("Ab Juli gelten")
    assert doc.authors == ("Hanna Keller",)
    assert doc.published == "2025-04-02T07:30"


def test_flattened_page_without_byline_falls_back_to_longest_prose_run() -> None:
    prose = (
        "die Stadt hat am Abend entschieden dass der Markt auf dem Platz bleibt und nicht verlegt wird "
        "die Händler hatten sich in einer Umfrage mit großer Mehrheit für den alten Standort ausgesprochen "
        "und der Rat folgte ihnen nach einer langen Debatte mit nur zwei Gegenstimmen "
    )
    page = "Startseite Politik Sport Kultur Zum Inhalt springen " + prose + "Impressum Datenschutz Kontakt"
    doc = clean_document(page, "flattened")
    assert doc.body == prose.strip()
    assert doc.published is None and doc.authors == ()


_FLAT_MENU = "Startseite Politik Wirtschaft Sport Kultur Ratgeber Alle Themen Meine Region "
_FLAT_BODY = (
    "Die Stadt will ab dem Sommer eine zusätzliche Fährlinie über die Förde einrichten das hat der "
    "Wirtschaftsausschuss am Dienstag einstimmig beschlossen die neue Linie soll die Stadtteile am "
    "Ostufer im Halbstundentakt mit der Innenstadt verbinden und die Stadtwerke rechnen mit rund 2000 "
    "Fahrgästen pro Tag im Sommer mit deutlich mehr dafür werden zwei gebrauchte Schiffe angeschafft "
    "die bisher auf einem See in Bayern im Einsatz waren "
)


def test_flattened_page_without_page_title_headline_byline_and_short_year_stamp() -> None:
    page = (
        _FLAT_MENU
        + "Kiel Hafenstadt plant neue Fährlinie 04 03 25 18 03 "
        + "Von Anna Berger und Lukas Wendt Die Stadtwerke haben lange gezögert "
        + _FLAT_BODY
        + "Mehr zum Thema Hafenstadt plant neue Fährlinie Neue Busspur kommt später Impressum Datenschutz "
        + _FLAT_MENU
    )
    doc = clean_document(page, "flattened")
    assert doc.title == "Hafenstadt plant neue Fährlinie"
    assert doc.published == "2025-03-04T18:03"
    # The byline ends with the one name after "und": "Die Stadtwerke" opens the text.
    assert doc.authors == ("Anna Berger", "Lukas Wendt")
    assert doc.body.startswith("Die Stadtwerke haben lange gezögert Die Stadt will")
    assert "Busspur" not in doc.body and "Ratgeber" not in doc.body


def test_flattened_names_beside_a_stamp_and_the_noun_ending_the_text() -> None:
    page = (
        _FLAT_MENU
        + "Hafenstadt plant neue Fährlinie Hafenstadt plant neue Fährlinie "
        + "veröffentlicht am 4 März 2025 18 03 Uhr Tobias Költzsch "
        + _FLAT_BODY
        + "Fährlinie Impressum Datenschutz Kontakt Karriere"
    )
    doc = clean_document(page, "flattened")
    assert doc.published == "2025-03-04T18:03"
    assert doc.authors == ("Tobias Költzsch",)
    assert doc.body.endswith("im Einsatz waren Fährlinie")


def test_flattened_plain_date_in_the_opening_dates_the_article() -> None:
    # A date without time or label after the article's first sentence (where a layout sets the
    # picture credit): no other stamp on the page, so it is the article's.
    opening = "Die Stadt will ab dem Sommer eine neue Fährlinie über die Förde einrichten "
    page = _FLAT_MENU + "Hafenstadt plant neue Fährlinie " + opening + "12 12 2022 " + _FLAT_BODY * 2
    page += "Impressum Datenschutz " + _FLAT_MENU
    assert clean_document(page, "flattened").published == "2022-12-12"


def test_flattened_stamp_far_above_the_article_dates_it() -> None:
    # The stamp stands by the headline, a long list of teaser links parts it from the text.
    teasers = "".join(f"Neue Busspur Nummer {n} kommt später " for n in range(30))
    page = _FLAT_MENU + "Hafenstadt plant neue Fährlinie 4 März 2025 " + teasers + _FLAT_BODY * 2
    page += "Impressum Datenschutz " + _FLAT_MENU
    assert clean_document(page, "flattened").published == "2025-03-04"


def test_flattened_names_right_before_a_stamp_are_the_byline() -> None:
    # The weekday the stamp opens with is no part of the name; a name the page links and
    # prints beside the link is one author.
    page = (
        _FLAT_MENU + "Hafenstadt plant neue Fährlinie Hanna Keller Hanna Keller Mi 02 04 2025 " + _FLAT_BODY
    )
    assert clean_document(page + "Impressum Datenschutz", "flattened").authors == ("Hanna Keller",)


def test_flattened_name_after_a_preposition_before_a_stamp_is_no_byline() -> None:
    page = _FLAT_MENU + "Das Hafen Update mit Hanna Keller 02 04 2025 " + _FLAT_BODY
    assert clean_document(page + "Impressum Datenschutz", "flattened").authors == ()


@pytest.mark.parametrize(
    "head, tail",
    [
        # An author box after the text: a label for either gender, then the name.
        ("Hafenstadt plant neue Fährlinie ", "Datum 02 04 2025 Autorin Autor Lukas Wendt "),
        ("Hafenstadt plant neue Fährlinie Ein Kommentar von Lukas Wendt ", ""),
    ],
    ids=["two-labels", "kommentar-von"],
)
def test_flattened_byline_opened_by_two_labels_or_a_lower_case_von(head: str, tail: str) -> None:
    page = _FLAT_MENU + head + _FLAT_BODY + tail + "Impressum Datenschutz"
    assert clean_document(page, "flattened").authors == ("Lukas Wendt",)


_FLAT_HEADLINE = "Hafenstadt plant neue Fährlinie über die Förde "
_FLAT_LEAD = "Ab Sommer fahren zwei Schiffe im Halbstundentakt zum Ostufer und zurück in die Innenstadt "


@pytest.mark.parametrize(
    "page",
    [
        # A breadcrumb cuts the headline short; the share text repeats it whole.
        _FLAT_MENU
        + "Startseite Kiel Hafenstadt plant neue Fährl "
        + _FLAT_HEADLINE
        + "Von Anna Berger "
        + _FLAT_BODY
        + "Artikel teilen "
        + _FLAT_HEADLINE,
        # A teaser repeats headline and lead together (past a headline's length), a list of
        # further reading the headline alone.
        _FLAT_MENU
        + _FLAT_HEADLINE
        + _FLAT_LEAD
        + "Von Anna Berger "
        + _FLAT_BODY
        + "Mehr zum Thema "
        + _FLAT_HEADLINE
        + _FLAT_LEAD
        + "Weitere Themen "
        + _FLAT_HEADLINE,
    ],
    ids=["breadcrumb", "teaser"],
)
def test_flattened_headline_is_the_repeat_as_long_as_its_copies_agree(page: str) -> None:
    assert clean_document(page + "Impressum", "flattened").title == _FLAT_HEADLINE.strip()


def test_flattened_timed_stamp_over_a_nearer_plain_date() -> None:
    # The caption of the picture above the text dates the picture, not the article.
    head = "Hafenstadt plant neue Fährlinie 02 04 2025 18 03 Uhr Foto Archiv der Stadtwerke vom 12 03 2019 "
    page = _FLAT_MENU + head + _FLAT_BODY + "Impressum Datenschutz"
    assert clean_document(page, "flattened").published == "2025-04-02T18:03"


def test_flattened_stamp_with_um_and_the_byline_beside_it_far_above_the_text() -> None:
    # Stamp and byline under the headline, a gallery of teasers between them and the text.
    teasers = "".join(f"Neue Busspur Nummer {n} kommt später " for n in range(30))
    head = "Hafenstadt plant neue Fährlinie Veröffentlicht am 02 04 25 um 07 39 Uhr Hanna Keller Teilen "
    page = _FLAT_MENU + head + teasers + _FLAT_BODY * 2 + "Impressum Datenschutz"
    doc = clean_document(page, "flattened")
    assert (doc.published, doc.authors) == ("2025-04-02T07:39", ("Hanna Keller",))


def test_flattened_month_first_stamp() -> None:
    page = _FLAT_MENU + "Hafenstadt plant neue Fährlinie Von Anna Berger Oct 24 2023 " + _FLAT_BODY
    assert clean_document(page + "Impressum", "flattened").published == "2023-10-24"


def test_flattened_first_date_in_a_text_that_took_in_the_teaser_above_its_head() -> None:
    # Prose above the headline reads as part of the text, and the date stands far into it.
    teaser = "Die Stadtwerke wollen in den nächsten Jahren auch die Busse auf Strom umstellen " * 5
    page = _FLAT_MENU + teaser + "Hafenstadt plant neue Fährlinie 12 12 2022 " + _FLAT_BODY
    assert clean_document(page + "Impressum", "flattened").published == "2022-12-12"


@pytest.mark.parametrize(
    "head",
    [
        # A job title after the name says it is a byline, though a verb ends the headline before it.
        "Wann sie fährt und wie teuer sie wird Hanna Keller Redakteurin 02 04 2025 ",
        # The picture credit after the byline names its photographer, not an author.
        "Hafenstadt plant neue Fährlinie Von Hanna Keller Foto Karl Meier 02 04 2025 ",
    ],
    ids=["job-title", "credit"],
)
def test_flattened_byline_beside_a_job_title_or_a_credit(head: str) -> None:
    page = _FLAT_MENU + head + _FLAT_BODY + "Impressum"
    assert clean_document(page, "flattened").authors == ("Hanna Keller",)


def test_flattened_opening_shattered_by_names_stays_with_the_article() -> None:
    # Firms, places and amounts written as runs of capitals cut the first paragraph into pieces
    # too short to read as prose; it stays with the article, which opens after its headline.
    opening = (
        "Am Montag hat die Kieler Förde Fähr Gesellschaft KFFG eine städtische Tochter "
        "bei der Werft Neue Schiffswerft Lübeck zwei Schiffe für 12 5 Millionen Euro "
        "bestellt damit sollen ab Juni auch die Stadtteile Holtenau Friedrichsort Schilksee "
        "regelmäßig angefahren werden "
    )
    headline = "Hafenstadt plant neue Fährlinie "
    page = _FLAT_MENU + headline + "Teilen " + headline + opening + _FLAT_BODY + "Impressum Datenschutz"
    doc = clean_document(page, "flattened")
    assert doc.title == headline.strip()
    assert doc.body.startswith(opening.strip())


def test_flattened_article_starts_with_the_subject_of_its_first_sentence() -> None:
    # A run of capitals opening the first sentence is cut off as a label; the capitalised
    # preposition before it says where the sentence starts.
    opening = "Für 20 Euro Monatsbeitrag können Pendler ab Juni alle Fähren der Stadt nutzen "
    page = _FLAT_MENU + "Hafenstadt plant neue Fährlinie " + opening + _FLAT_BODY + "Impressum Datenschutz"
    assert clean_document(page, "flattened").body.startswith(opening.strip())


@pytest.mark.parametrize(
    "stamp",
    ["Hanna Keller30 01 2024 ", "Hanna Keller 30 01 202430 Januar 2024 "],
    ids=["to-a-name", "to-a-year"],
)
def test_flattened_date_glued_to_the_word_before_it(stamp: str) -> None:
    # Two elements the page set without a space between: the name (or a date's year) and the date.
    page = _FLAT_MENU + "Hafenstadt plant neue Fährlinie " + stamp + _FLAT_BODY + "Impressum"
    doc = clean_document(page, "flattened")
    assert (doc.published, doc.authors) == ("2024-01-30", ("Hanna Keller",))


def test_flattened_reading_time_between_stamp_and_names() -> None:
    head = "Hafenstadt plant neue Fährlinie 02 04 2025 07 30 Lesedauer 7 Minuten Hanna Keller "
    doc = clean_document(_FLAT_MENU + head + _FLAT_BODY + "Impressum", "flattened")
    assert (doc.published, doc.authors) == ("2025-04-02T07:30", ("Hanna Keller",))


def test_flattened_notice_printed_twice_is_no_article() -> None:
    # A notice the page sets twice (for two screen sizes) reads as prose, but it is furniture.
    notice = (
        "Für Links auf dieser Seite erhält die Redaktion eine kleine Provision wenn Sie dort etwas kaufen "
    )
    page = _FLAT_MENU + notice + notice + "Startseite Kiel Hafenstadt plant neue Fährlinie " + _FLAT_BODY
    body = clean_document(page + "Impressum Datenschutz", "flattened").body
    assert "Provision" not in body and body.endswith(_FLAT_BODY.strip())


def test_flattened_headline_printed_twice_in_a_row() -> None:
    # The menu is repeated too, and holds a lower-case word; the headline's copy right beside it
    # (a hidden or print copy) tells them apart.
    menu = "Politik Wirtschaft Kultur Alltag Community Produkte der Woche Suche "
    page = menu + "Startseite Kultur " + _FLAT_HEADLINE * 2 + _FLAT_BODY + "Impressum " + menu
    assert clean_document(page, "flattened").title == _FLAT_HEADLINE.strip()


@pytest.mark.parametrize("stamp", ["20 00 29 Jan 2024", "20 00 29 01 2024"], ids=["month-name", "numeric"])
def test_flattened_time_before_the_date(stamp: str) -> None:
    page = _FLAT_MENU + "Hafenstadt plant neue Fährlinie Hanna Keller " + stamp + " " + _FLAT_BODY
    doc = clean_document(page + "Impressum", "flattened")
    assert (doc.published, doc.authors) == ("2024-01-29T20:00", ("Hanna Keller",))


@pytest.mark.parametrize(("stamp", "published"), [("06 11 23", "2023-11-06"), ("6 11 23", None)])
def test_flattened_two_digit_year_with_two_digit_day_and_month(stamp: str, published: str | None) -> None:
    # Written with leading zeros the three numbers are a date; "6 11 23" may be any three counts.
    page = _FLAT_MENU + "Hafenstadt plant neue Fährlinie Von Hanna Keller " + stamp + " " + _FLAT_BODY
    assert clean_document(page + "Impressum", "flattened").published == published


def test_flattened_names_on_both_sides_of_the_stamp_after_a_verb() -> None:
    # A verb ends the teaser before the names, but the page prints them again after the stamp.
    head = "Was die Stadt für die Linie gekauft hat Jonas Brandt 02 04 2025 18 03 Uhr Jonas Brandt Formel 1 "
    doc = clean_document(_FLAT_MENU + head + _FLAT_BODY + "Impressum", "flattened")
    assert doc.authors == ("Jonas Brandt",)


def test_flattened_source_agency_right_after_the_stamp() -> None:
    # "Quelle: dpa Sport" without its colon: the agency the article comes from.
    head = _FLAT_HEADLINE + "Aktualisiert am 28 April 2023 20 22 Uhr Quelle dpa Sport Hinweis "
    doc = clean_document(_FLAT_MENU + head + _FLAT_BODY + "Impressum", "flattened")
    assert doc.authors == ("dpa",)


def test_flattened_von_and_names_before_a_labelled_stamp() -> None:
    head = _FLAT_HEADLINE + "Hauptinhalt von Hanna Keller NDR KIEL Stand 28 April 2023 05 00 Uhr "
    doc = clean_document(_FLAT_MENU + head + _FLAT_BODY + "Impressum", "flattened")
    assert doc.authors == ("Hanna Keller",)


def test_flattened_author_box_after_the_article() -> None:
    # The byline's name printed again at the end of the text opens the author's box.
    head = _FLAT_HEADLINE + "Von Hanna Keller 02 04 2025 "
    box = "Hanna Keller ist Redakteurin im Ressort Kiel und schreibt gern über Schiffe und die Förde "
    doc = clean_document(_FLAT_MENU + head + _FLAT_BODY * 2 + box + "Impressum", "flattened")
    assert doc.body.endswith(_FLAT_BODY.strip()) and doc.authors == ("Hanna Keller",)


def test_flattened_date_printed_twice_in_a_row_is_one_stamp() -> None:
    # Two renderings of one date (for two screen sizes): the text starts right after both.
    head = "Hafenstadt plant neue Fährlinie Hanna Keller 30 01 2024 30 Januar 2024 Tausende "
    body = "standen für die neue Linie am Hafen in der Kälte und warteten auf das erste Schiff "
    doc = clean_document(_FLAT_MENU + head + body + _FLAT_BODY + "Impressum", "flattened")
    assert doc.body.startswith("Tausende standen") and doc.authors == ("Hanna Keller",)


def test_flattened_headline_opens_before_the_part_the_page_repeats() -> None:
    # A teaser repeats only the headline's end; the verb before it says the headline opens earlier.
    head = "Reederei verschweigt Mängel an den Schiffen Von Hanna Keller 02 04 2025 "
    teaser = "Mehr zum Thema Mängel an den Schiffen "
    doc = clean_document(_FLAT_MENU + teaser + head + _FLAT_BODY + "Impressum", "flattened")
    assert doc.title == "Reederei verschweigt Mängel an den Schiffen"


def test_flattened_headline_right_before_the_stamp_far_from_the_text() -> None:
    # Teaser links part the head from the text; a caption the page prints twice stands nearer
    # the text, but the headline stands right before the article's stamp.
    head = _FLAT_HEADLINE * 2 + "Veröffentlicht am 02 04 2025 um 07 30 Uhr "
    gallery = "Zur Startseite Hafen Kiel " * 12 + "Die neue Fähre am Ostufer " * 2
    doc = clean_document(_FLAT_MENU + head + gallery + _FLAT_BODY + "Impressum", "flattened")
    assert doc.title == _FLAT_HEADLINE.strip()


def test_flattened_headline_does_not_open_in_its_own_copy() -> None:
    # Printed twice in a row, a headline ending in a verb stands right after its own last words.
    headline = "Hafenstadt will neue Fährlinie bauen "
    page = _FLAT_MENU + "Startseite Kiel " + headline * 2 + "Von Hanna Keller 02 04 2025 " + _FLAT_BODY
    assert clean_document(page + "Impressum", "flattened").title == headline.strip()


def test_flattened_headline_cut_short_by_its_copy_runs_to_the_stamp() -> None:
    # A teaser link shows the headline cut off after "über"; no headline ends in such a word.
    headline = "Hafenstadt und Reederei streiten über die neue Fährlinie "
    teaser = "Das könnte Sie auch interessieren Hafenstadt und Reederei streiten über Impressum"
    page = _FLAT_MENU + headline + "02 04 2025 07 30 Uhr " + _FLAT_BODY + teaser
    assert clean_document(page, "flattened").title == headline.strip()


# Teasers after the article: a title (capitalised words) and a sentence of prose each.
_FLAT_TEASERS = (
    "Busspur Nordufer Kiel Der Verkehr wird im Herbst auf die neue Trasse am Ufer verlegt und die Anwohner "
    "hören dann deutlich weniger Lärm vor ihren Fenstern als in den letzten Jahren "
    "Kieler Woche Bilanz Die Veranstalter zählen mehr Besucher als im vergangenen Jahr und "
    "erweitern das Programm im nächsten Sommer um eine Bühne auf der Hörn "
    "Stadtwerke Kiel Fernwärme Die Wärme soll bis zum Jahr 2035 ohne Kohle auskommen und die Kunden "
    "zahlen dafür nach den Plänen der Stadt nicht mehr als bisher für ihre Heizung "
)


def _flat_article(after: str) -> str:
    """A flattened page: menu, headline, two paragraphs of the story, `after` and the footer."""
    return (
        _FLAT_MENU
        + "Hafenstadt plant neue Fährlinie "
        + _FLAT_BODY * 2
        + after
        + "Impressum Datenschutz "
        + _FLAT_MENU
    )


def test_flattened_teasers_after_a_related_content_heading_are_no_article() -> None:
    # A heading of related content ends the article where no paragraph follows it: the teasers
    # after it are prose too, and a cluster of prose ran on through them.
    doc = clean_document(_flat_article("Weitere Themen " + _FLAT_TEASERS), "flattened")
    assert doc.body.endswith("im Einsatz waren")
    assert "Busspur" not in doc.body and "Fernwärme" not in doc.body


def test_flattened_box_inside_the_article_keeps_the_paragraphs_after_it() -> None:
    # A box inside the text ("Lesen Sie auch" and one teaser's title) is followed by the
    # article's next paragraph, names and numbers in its sentences included.
    rest = (
        "Für die neue Linie sind rund 2 1 Millionen Euro eingeplant sagt Stadtwerke Chef Jens Olsen "
        "und er rechnet damit dass die Fahrgäste im ersten Jahr vor allem aus den Stadtteilen am Ostufer "
        "kommen werden die bisher nur mit dem Bus in die Innenstadt fahren können "
    )
    page = _flat_article("Lesen Sie auch Neue Busspur kommt später " + rest)
    assert clean_document(page, "flattened").body.endswith("mit dem Bus in die Innenstadt fahren können")


def test_flattened_last_sentence_split_by_a_date_runs_up_to_the_heading() -> None:
    # "Anfang Oktober 2025" cuts the last sentence; its end ("nach Leipzig wechseln") is too
    # short to weigh as text, but nothing stands between it and the heading after the article.
    last = "Der Kapitän wird voraussichtlich Anfang Oktober 2025 nach Leipzig wechseln Weitere Themen "
    doc = clean_document(_flat_article(last + _FLAT_TEASERS), "flattened")
    assert doc.body.endswith("Anfang Oktober 2025 nach Leipzig wechseln")


@pytest.mark.parametrize(
    "prompt",
    [
        "Wählen Sie Ihren Zugang und lesen Sie weiter Digital Zugang",
        "Bitte aktivieren Sie Javascript Oder nutzen Sie das Angebot ohne Werbung mit RSS",
    ],
    ids=["paywall", "javascript"],
)
def test_flattened_site_prompt_right_after_the_text_is_no_article(prompt: str) -> None:
    # The site's words addressing the reader follow the last sentence with no label between.
    doc = clean_document(_flat_article(prompt + " "), "flattened")
    assert doc.body.endswith("im Einsatz waren")


def test_flattened_teaser_list_without_a_heading_is_no_article() -> None:
    # Four texts or more in a row at the end, each a few lines long and parted by titles, are a
    # list of teasers, though no heading announces them.
    teasers = _FLAT_TEASERS + "Neue Radwege Ostufer Die Stadt baut bis zum Herbst zwei neue Radwege am Ufer "
    doc = clean_document(_flat_article(teasers), "flattened")
    assert doc.body.endswith("im Einsatz waren")


def test_flattened_ticker_of_short_items_stays_whole() -> None:
    # Short texts parted by titles that make up most of the page are the article (a ticker).
    items = (
        "Hafen Kiel Meldung Die Fähre nach Laboe fährt heute wegen des Sturms mit einer Verspätung ab "
        "Hafen Kiel Wetter Am Nachmittag soll der Wind nachlassen und der Regen in Schnee übergehen "
        "Hafen Kiel Verkehr Die Brücke über den Kanal ist bis zum Abend für Lastwagen gesperrt "
        "Hafen Kiel Schulen Der Unterricht fällt an den Schulen der Stadt am Freitag nicht aus "
        "Hafen Kiel Strom In zwei Stadtteilen ist der Strom am Morgen für eine Stunde ausgefallen "
    )
    doc = clean_document(_FLAT_MENU + items + "Impressum Datenschutz " + _FLAT_MENU, "flattened")
    assert doc.body.endswith("für eine Stunde ausgefallen")


def test_flattened_name_the_text_is_about_is_no_author_box() -> None:
    # The text names the byline's name before its last quarter too: there it is whom the text
    # is about (a byline read from a subject's name), and it opens no author box.
    olsen = (
        "Nach Angaben von Jens Olsen soll der Betrieb im Mai beginnen und die Stadt zahlt dafür in "
        "den ersten zwei Jahren einen Zuschuss von jährlich rund einer Million Euro an die Reederei "
        "die dafür auch am Wochenende und an den Feiertagen im Stundentakt fahren muss "
    )
    end = "Jens Olsen will die Linie schon im nächsten Jahr bis nach Laboe verlängern lassen"
    page = _FLAT_MENU + "Hafenstadt plant neue Fährlinie Von Jens Olsen 04 03 2025 18 03 "
    page += _FLAT_BODY + olsen + end + " Impressum Datenschutz " + _FLAT_MENU
    doc = clean_document(page, "flattened")
    assert doc.authors == ("Jens Olsen",) and doc.body.endswith(end)
