"""The headline of a flattened page (`presseschau.clean.flat_headline`)."""

from __future__ import annotations

import pytest

from presseschau.clean import clean_document
from tests.fixtures.clean.flat import BODY, HEADLINE, LEAD, MENU


@pytest.mark.parametrize(
    "page",
    [
        # A breadcrumb cuts the headline short; the share text repeats it whole.
        MENU
        + "Startseite Kiel Hafenstadt plant neue Fährl "
        + HEADLINE
        + "Von Anna Berger "
        + BODY
        + "Artikel teilen "
        + HEADLINE,
        # A teaser repeats headline and lead together (past a headline's length), a list of
        # further reading the headline alone.
        MENU
        + HEADLINE
        + LEAD
        + "Von Anna Berger "
        + BODY
        + "Mehr zum Thema "
        + HEADLINE
        + LEAD
        + "Weitere Themen "
        + HEADLINE,
    ],
    ids=["breadcrumb", "teaser"],
)
def test_flattened_headline_is_the_repeat_as_long_as_its_copies_agree(page: str) -> None:
    assert clean_document(page + "Impressum", "flattened").title == HEADLINE.strip()


def test_flattened_headline_printed_twice_in_a_row() -> None:
    # The menu is repeated too, and holds a lower-case word; the headline's copy right beside it
    # (a hidden or print copy) tells them apart.
    menu = "Politik Wirtschaft Kultur Reisen Leserforum Angebote der Woche Suche "
    page = menu + "Startseite Kultur " + HEADLINE * 2 + BODY + "Impressum " + menu
    assert clean_document(page, "flattened").title == HEADLINE.strip()


def test_flattened_headline_opens_before_the_part_the_page_repeats() -> None:
    # A teaser repeats only the headline's end; the verb before it says the headline opens earlier.
    head = "Reederei verschweigt Mängel an den Schiffen Von Hanna Keller 02 04 2025 "
    teaser = "Mehr zum Thema Mängel an den Schiffen "
    doc = clean_document(MENU + teaser + head + BODY + "Impressum", "flattened")
    assert doc.title == "Reederei verschweigt Mängel an den Schiffen"


def test_flattened_headline_right_before_the_stamp_far_from_the_text() -> None:
    # Teaser links part the head from the text; a caption the page prints twice stands nearer
    # the text, but the headline stands right before the article's stamp.
    head = HEADLINE * 2 + "Veröffentlicht am 02 04 2025 um 07 30 Uhr "
    gallery = "Zur Startseite Hafen Kiel " * 12 + "Die neue Fähre am Ostufer " * 2
    doc = clean_document(MENU + head + gallery + BODY + "Impressum", "flattened")
    assert doc.title == HEADLINE.strip()


def test_flattened_headline_does_not_open_in_its_own_copy() -> None:
    # Printed twice in a row, a headline ending in a verb stands right after its own last words.
    headline = "Hafenstadt will neue Fährlinie bauen "
    page = MENU + "Startseite Kiel " + headline * 2 + "Von Hanna Keller 02 04 2025 " + BODY
    assert clean_document(page + "Impressum", "flattened").title == headline.strip()


def test_flattened_headline_cut_short_by_its_copy_runs_to_the_stamp() -> None:
    # A teaser link shows the headline cut off after "über"; no headline ends in such a word.
    headline = "Hafenstadt und Reederei streiten über die neue Fährlinie "
    teaser = "Das könnte Sie auch interessieren Hafenstadt und Reederei streiten über Impressum"
    page = MENU + headline + "02 04 2025 07 30 Uhr " + BODY + teaser
    assert clean_document(page, "flattened").title == headline.strip()


def test_flattened_headline_printed_twice_in_a_row_opens_no_text() -> None:
    # The headline's second copy (hidden, or for print) stands where the text seems to start.
    headline = "Hafenstadt plant neue Fährlinie "
    page = MENU + "Startseite Kiel " + headline * 2 + BODY + "Impressum Datenschutz " + MENU
    doc = clean_document(page, "flattened")
    assert doc.title == headline.strip() and doc.body.startswith(BODY.strip())


def test_flattened_headline_is_no_run_that_goes_on_as_a_sentence() -> None:
    # A teaser repeats the lead's second sentence up to its verb; that run, longer than the
    # headline, goes on in lower case ("… Halbstundentakt zum Ostufer"), as no headline does.
    lead = (
        "Die Stadt Kiel bekommt eine neue Fährlinie Zwei gebrauchte Schiffe aus Bayern sollen ab "
        "dem Sommer im Halbstundentakt zum Ostufer fahren "
    )
    teaser = "Mehr aus Kiel Zwei gebrauchte Schiffe aus Bayern sollen ab dem Sommer im Halbstundentakt "
    page = MENU + "Startseite Kiel " + HEADLINE + lead + "Von Anna Berger 02 04 2025 " + BODY
    page += "Artikel teilen " + HEADLINE
    doc = clean_document(page + teaser + "Impressum", "flattened")
    assert doc.title == HEADLINE.strip() and doc.body.startswith(lead.strip())


def test_flattened_headline_before_a_lower_case_byline_label() -> None:
    # "von" goes on in lower case, but opens the byline after the headline, not a sentence.
    page = MENU + "Startseite Kiel " + HEADLINE + "von Anna Berger " + BODY + "Artikel teilen " + HEADLINE
    assert clean_document(page + "Impressum", "flattened").title == HEADLINE.strip()


def test_flattened_headline_runs_on_past_the_breadcrumb_that_shortens_it() -> None:
    # The breadcrumb's last link is the headline cut off after "gebrauchte"; the headline
    # itself follows right after it and runs on to the stamp.
    headline = "Kiel bestellt zwei gebrauchte Fähren aus Bayern "
    page = MENU + "Startseite Kiel bestellt zwei gebrauchte " + headline + "02 04 2025 " + BODY
    assert clean_document(page + "Impressum", "flattened").title == headline.strip()


def test_flattened_headline_opens_with_the_word_glued_to_the_breadcrumb() -> None:
    # The breadcrumb's last link and the headline's first word ran together ("Kiel2000"); the
    # headline's own copy, printed after it, opens with that word.
    headline = "2000 Fahrgäste täglich auf der neuen Fährlinie "
    page = MENU + "Startseite Kiel" + headline + headline + BODY
    assert clean_document(page + "Impressum", "flattened").title == headline.strip()


def test_flattened_headline_opens_after_the_navigation_glued_before_it() -> None:
    # The page repeats only the headline's end (a question the text asks again); the headline
    # ends at its byline and opens after the navigation links the page glued together.
    headline = "Neue Fährlinie über die Förde Was kostet das "
    page = MENU + "KielWirtschaftHafen " + headline + "Von Anna Berger " + "Was kostet das " + BODY
    assert clean_document(page + "Impressum", "flattened").title == headline.strip()


@pytest.mark.parametrize(
    "breadcrumb",
    [
        # The breadcrumb's last link is the headline's first word, printed right before it.
        "Startseite Region Hafenstadt ",
        # The breadcrumb ends in the article's number.
        "Startseite Region 2631553 ",
    ],
    ids=["doubled-word", "article-number"],
)
def test_flattened_headline_opens_after_the_breadcrumb_its_copies_take_in(breadcrumb: str) -> None:
    # Breadcrumb and headline are printed twice in a row, so the copies agree from the
    # breadcrumb on; its end says where the headline opens.
    page = MENU + (breadcrumb + HEADLINE) * 2 + "Von Anna Berger " + BODY
    assert clean_document(page + "Impressum", "flattened").title == HEADLINE.strip()


@pytest.mark.parametrize(
    "navigation",
    ["Startseite Region NACHRICHTEN ", "Deutsch English Русский ", "Startseite Region 2631553 "],
    ids=["shouted", "other-script", "article-number"],
)
def test_flattened_headline_printed_once_between_navigation_and_byline(navigation: str) -> None:
    # The page prints the headline only once: it ends at the byline and opens after the last
    # word that only navigation holds (a shouted menu, a language menu, an article number).
    headline = "Kiel bestellt zwei Schiffe für die neue Linie "
    page = MENU + navigation + headline + "Von Anna Berger " + BODY
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == headline.strip() and not doc.title_derived


@pytest.mark.parametrize(
    ("kicker", "headline"),
    [
        ("Thema Fähren ", "Es fahren bald zwei neue Schiffe über die Förde "),
        # A function word in capitals is an acronym in a place's name, not a sentence's opening.
        ("", "Kiel DIE Fähre fährt bald im Halbstundentakt "),
    ],
    ids=["kicker", "acronym"],
)
def test_flattened_headline_printed_once_as_a_sentence_opens_after_its_kicker(
    kicker: str, headline: str
) -> None:
    # Navigation ends where the page prints the headline once, under a kicker of capitalised
    # words; phrased as a sentence, the headline opens at its capitalised function word.
    page = MENU + "NACHRICHTEN " + kicker + headline + "Von Anna Berger " + BODY
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == headline.strip() and not doc.title_derived


def test_flattened_headline_printed_once_is_no_sentence_of_the_text() -> None:
    # No headline stands before the text: its first sentence, mostly lower case, is prose.
    sentence = "Wer jetzt noch mit der alten Fähre über die Förde will muss dann sehr lange warten "
    page = (
        MENU
        + "Von Anna Berger Merken Teilen Drucken "
        + sentence
        + "Die Stadt plant eine zweite Linie "
        + BODY
    )
    assert clean_document(page + "Impressum", "flattened").title_derived


def test_flattened_headline_printed_once_does_not_open_right_after_the_byline() -> None:
    # What follows the byline is the text or a caption above it, not the headline.
    page = MENU + "Von Anna Berger " + "Lesezeit 3 Min Zwei Fähren aus Bayern am Kai " + BODY
    assert clean_document(page + "Impressum", "flattened").title_derived


def test_flattened_headline_printed_once_ends_at_the_byline_rather_than_a_sentence() -> None:
    # After byline and photo credit the text's first sentence stands nearer the article's
    # start than the headline, and ends where a sentence opens ("Wie"): the run that ends at
    # the byline is the headline.
    headline = "Kiel bestellt zwei Schiffe für die neue Linie "
    credit = "Von Anna Berger Foto Marie Roth FotoAgentur "
    page = MENU + "NACHRICHTEN " + headline + credit + "Die ersten Fähren sind schon gekauft Wie " + BODY
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == headline.strip() and not doc.title_derived


def test_flattened_headline_is_no_row_of_interface_labels_the_page_repeats() -> None:
    # The page prints its language and contact row in head and foot; a row of interface labels
    # is a menu, even with a lower-case word in it, and yields to the headline printed once.
    row = "Sprache wählen Suche Kontakt Newsletter "
    headline = "Kiel bestellt zwei Schiffe für die neue Linie "
    page = MENU + row + "NACHRICHTEN " + headline + "Von Anna Berger " + BODY + row
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == headline.strip() and not doc.title_derived


def test_flattened_headline_is_no_long_repeat_that_outweighs_a_short_headline_at_its_stamp() -> None:
    # A print footer repeats a long line of the page's head, a few tokens before the stamp;
    # the short headline, repeated too, stands right at it. Past a headline's usual length a
    # run weighs no more for its size.
    headline = "Fähre sinkt vor Kiel "
    line = "Dieser Artikel wurde gedruckt von der Seite kieler hafen nachrichten fähre sinkt 101 "
    head = MENU + "Startseite Kiel " + headline + line + "Lecks im Rumpf " + headline
    head += "Stand 02 04 2025 07 30 Uhr "
    doc = clean_document(head + BODY + "Impressum " + line + "Datenschutz", "flattened")
    assert doc.title == headline.strip()


def test_flattened_headline_printed_once_as_a_sentence_opens_at_its_function_word() -> None:
    # No navigation sign stands before the headline, only the section's links and a kicker
    # ("Fährverkehr"); phrased as a sentence, it opens with its capitalised function word
    # and ends where the stamp's label opens.
    links = "Nachrichten Norddeutschland Schleswig Holstein Kiel Hafen Förde Ostufer Fährverkehr "
    headline = "So fahren die neuen Fähren ab dem Sommer "
    page = MENU + links + headline + "Stand 02 04 2025 07 30 Uhr " + BODY
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == headline.strip() and not doc.title_derived


def test_flattened_headline_printed_once_is_no_first_sentence_that_holds_the_text_start() -> None:
    # No headline is printed before the byline, only the section's links: the run that opens
    # at a capitalised function word ("Die") and ends at the byline is the text's first
    # sentence (the article starts inside it, past its names), which stays in the body.
    links = "Nachrichten Norddeutschland Schleswig Holstein Kiel Hafen Förde Ostufer Fährverkehr "
    lead = "Die frühere Hafenchefin Anna Berger kritisiert die Pläne der Stadt für die neue Fährlinie "
    page = MENU + links + lead + "Von Hanna Keller 02 04 2025 07 30 Uhr " + BODY
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title != lead.strip() and doc.body.startswith(lead.strip())


def test_flattened_headline_opens_after_a_kicker_its_teaser_leaves_out() -> None:
    # Head and share text print the kicker ("Kieler Woche") with the headline; a teaser of
    # further reading prints the headline alone, between a menu word and the footer.
    page = MENU + "Kieler Woche " + HEADLINE + "Von Anna Berger 02 04 2025 " + BODY
    page += "Artikel teilen Kieler Woche " + HEADLINE + "Mehr aus Kiel Segeln " + HEADLINE
    assert clean_document(page + "Impressum", "flattened").title == HEADLINE.strip()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Mehr aus Kiel die Segler sagen ", "Impressum"),  # a sentence (or another kicker) before it
        ("Mehr aus Kiel Segeln ", "und mehr Impressum"),  # a sentence going on after it
    ],
    ids=["lower-case-before", "lower-case-after"],
)
def test_flattened_headline_keeps_its_kicker_where_the_rest_stands_in_a_sentence(
    before: str, after: str
) -> None:
    # The headline's words stand elsewhere only inside a sentence: no copy without the
    # kicker, which stays.
    page = MENU + "Kieler Woche " + HEADLINE + "Von Anna Berger 02 04 2025 " + BODY
    page += "Artikel teilen Kieler Woche " + HEADLINE + before + HEADLINE + after
    assert clean_document(page, "flattened").title == "Kieler Woche " + HEADLINE.strip()


def test_flattened_headline_printed_once_after_its_stamp_opens_at_its_function_word() -> None:
    # Nothing before the stamp is a headline (the page repeats none, and the menu ends in no
    # run that ends at a stamp or a sentence): the headline stands after the stamp, under a
    # kicker ("Hafen in Bewegung"), and opens with its capitalised function word ("Ein"); it
    # ends where the text's first sentence opens ("Die").
    headline = "Ein neuer Takt für das Ostufer "
    page = MENU + "02 04 2025 07 30 Uhr " + "Hafen in Bewegung " + headline + BODY
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == headline.strip() and not doc.title_derived


# A photo caption that reads as prose: the article's start is placed in it, before the stamp.
_CAPTION = (
    "die neue Fähre soll schon im Sommer zwischen der Innenstadt und dem Ostufer pendeln und "
    "die alten Schiffe ablösen die seit vielen Jahren im Dienst sind Foto Anna Berger "
)


def test_flattened_headline_repeated_under_its_stamp_where_none_stands_before_it() -> None:
    # A caption that reads as prose places the article's start before the stamp, and nothing
    # before the stamp is a headline; the headline stands under it and a teaser after the
    # text repeats it.
    page = MENU + _CAPTION + "02 04 2025 07 30 Uhr " + HEADLINE + BODY + "Mehr zum Thema " + HEADLINE
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == HEADLINE.strip() and not doc.title_derived


def test_flattened_headline_under_its_stamp_is_no_row_of_interface_labels() -> None:
    # Under the stamp stands a share row the author box repeats: interface labels, no headline.
    row = "Twitter Account von Hanna Keller "
    page = MENU + _CAPTION + "02 04 2025 07 30 Uhr " + row + BODY + row
    assert clean_document(page + "Impressum", "flattened").title_derived


def test_flattened_headline_the_lead_repeats_only_the_tail_of_opens_after_the_breadcrumb() -> None:
    # The lead copies the headline's last names ("Anna Berger und"), which run on to the
    # byline; the headline is the run printed once that ends there too, and opens where the
    # breadcrumb's last link ("Segeln") is printed again as its first word.
    headline = "Segeln Kieler Crew gewinnt die Regatta vor Laboe Skipperin Anna Berger und Lena Roth jubeln "
    lead = "Die Skipperin Anna Berger und ihre Crew lagen schon nach dem ersten Lauf vorn "
    page = MENU + "Sport Segeln " + headline + "Von Hanna Keller " + lead + BODY
    assert clean_document(page + "Impressum", "flattened").title == headline.strip()


def test_flattened_headline_opening_as_a_sentence_keeps_its_opening_after_a_doubled_section() -> None:
    # The repeated headline opens with a capitalised function word ("Was"); the section named
    # twice before it ("Gesundheit Gesundheit") is the breadcrumb's, not the headline's word.
    headline = "Was tun gegen akute Seekrankheit auf der Fähre "
    page = MENU + "NACHRICHTEN Ratgeber Gesundheit Gesundheit " + headline + "Von Hanna Keller " + BODY
    page += "Mehr zum Thema Seekrankheit auf der Fähre "
    assert clean_document(page + "Impressum", "flattened").title == headline.strip()


def test_flattened_headline_printed_once_leaves_out_the_site_address_after_it() -> None:
    # The page prints the headline once, with its site's address ("kieler hafen de") between
    # it and the stamp: the address is the site's name, no part of the headline.
    headline = "Kiel bestellt zwei Schiffe für die neue Linie "
    page = MENU + "Startseite Region NACHRICHTEN " + headline + "kieler hafen de 02 04 2025 07 30 Uhr " + BODY
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == headline.strip() and not doc.title_derived


def test_flattened_headline_printed_once_opens_after_the_site_address_before_it() -> None:
    # A menu ending in the site's address ("Werbung auf kieler hafen de") stands right before
    # the headline printed once: the address is navigation, the headline opens after it.
    headline = "Kiel bestellt zwei Schiffe für die neue Linie "
    page = MENU + "Impressum Werbung auf kieler hafen de " + headline + "02 04 2025 07 30 Uhr " + BODY
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == headline.strip() and not doc.title_derived


def test_flattened_headline_printed_once_leaves_out_the_site_name_its_rights_line_gives() -> None:
    # The page prints the headline once, with the site's name between it and the stamp; its
    # footer's rights line gives that name ("2025 Kieler Hafenblatt Alle Rechte vorbehalten"):
    # the name is the site's, no part of the headline.
    headline = "Kiel bestellt zwei Fähren für das Ostufer "
    stamp = "02 04 2025 07 30 Uhr "
    page = MENU + "Startseite Region NACHRICHTEN " + headline + "Kieler Hafenblatt " + stamp + BODY
    footer = "Impressum Copyright 2025 Kieler Hafenblatt Alle Rechte vorbehalten"
    doc = clean_document(page + footer, "flattened")
    assert doc.title == headline.strip() and not doc.title_derived


def test_flattened_headline_after_the_topic_link_the_page_repeats_is_the_run_printed_once() -> None:
    # The topic link above the headline ("Segeln auf der Förde") is linked again further down,
    # the headline (capitalised words only) is printed once, right before the text's first
    # sentence: the headline is that run, not the repeated topic.
    topic = "Segeln auf der Förde "
    headline = "Kieler Woche 2025 Bilanz Sieger Rekorde "
    page = MENU + "THEMEN " + topic + headline + BODY + "Mehr zum Thema " + topic
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == headline.strip() and not doc.title_derived


def test_flattened_headline_printed_once_opens_after_the_breadcrumb_links_the_menu_holds() -> None:
    # The page prints the headline once, right after a breadcrumb whose links ("Region Hafen")
    # stand in the menu row above it (capitalised words, nothing said in lower case): the
    # breadcrumb is navigation, the headline opens after it.
    menu = "Startseite Region Hafen Wirtschaft Sport Kultur Ratgeber Leserforum "
    headline = "Neue Fähren fahren bald zum Ostufer "
    page = menu + "Anzeige Region Hafen " + headline + "02 04 2025 07 30 Uhr " + BODY
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == headline.strip() and not doc.title_derived


def test_flattened_headline_opening_in_lower_case_where_printed_twice_in_a_row() -> None:
    # A forum thread: its title, set by the writer in lower case, stands twice in a row (the
    # thread's title and the first post's subject), then the writer's name and the post.
    title = "kein WLAN mehr am Hafen Terminal mit Version 5 "
    post = (
        "hallo zusammen seit dem update finde ich am terminal kein netz mehr und auch der neustart hilft "
        "nicht weiter hat jemand eine idee was ich noch probieren kann danke schon mal "
    )
    page = MENU + "Forum Kiel Hafen " + title * 2 + "seebaer_kiel 12 03 25 09 14 " + post * 3
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == title.strip() and not doc.title_derived


def test_flattened_headline_printed_once_beats_a_repeat_far_from_the_article() -> None:
    # The only run the page repeats is its "about us" menu, at the top and in the footer, far
    # (two rows of section links) from the article; the headline is printed once and ends at
    # the stamp, whose label in lower case goes on from the word before it ("Übersetzung
    # veröffentlicht am": the translation's date), which is no part of the headline.
    about = "Über uns Was ist das Kieler Hafenblatt Mitmachen Kontakt Partner "
    sections = (
        "Regionen Europa Asien Afrika Amerika Themen Technologie Umwelt Wahlen Handel Wissenschaft "
        "Bildung Gesundheit Medien Verkehr Energie Landwirtschaft Tourismus Migration Sport Kultur "
        "Soziales Recht Familie Jugend Wohnen Arbeit Ratgeber Reise Auto Digital Wetter Verbraucher "
        "Finanzen Börse Immobilien Karriere Podcasts Bilder Archiv Videos "
    )
    headline = "Ein Jahr voller Streit Die Fähre fährt nicht mehr zum Ostufer "
    stamp = "Übersetzung veröffentlicht am 30 April 2019 13 10 "
    page = about + MENU + sections + headline + stamp + BODY + about
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == headline.strip() and not doc.title_derived


def test_flattened_headline_whose_copy_runs_on_into_its_lead_ends_where_the_lead_opens() -> None:
    # A teaser under the article repeats the headline with its lead, so the two copies agree
    # past a headline's length; the only other repeat is a row of links printed twice in a row.
    # The headline ends where the lead's first sentence opens ("Seit Wochen …").
    row = "Aktuell kielPlus Die Woche "
    headline = "Die Fähre zum Ostufer kommt oft zu spät "
    lead = "Seit Wochen warten die Pendler am Anleger vergeblich auf das Schiff und die Stadt sucht Rat "
    head = "Politik Fährstreit an der Förde " + headline + lead
    teaser = "Mehr zum Thema 02 04 2025 Von Anna Berger " + headline + lead + "Weitere Themen "
    page = row * 2 + MENU + head + BODY + teaser
    doc = clean_document(page + "Impressum", "flattened")
    assert doc.title == headline.strip()


def test_flattened_text_printed_again_with_its_dateline_gives_no_dateline_headline() -> None:
    # The page prints the text again under its stamp (a print copy): the copies agree past a
    # headline's length from the dateline on, and its sentence opens after the agency, which
    # is the only word in lower case there: a dateline, not a headline.
    text = (
        "Kiel Nord dpa Für eine neue Fährlinie über die Förde hat der Ausschuss am Dienstag das Geld "
        "für zwei gebrauchte Schiffe bewilligt "
    )
    stamp = "Druckversion 02 04 2025 07 30 Uhr "
    page = MENU + "Hafenstadt plant neue Fährlinie " + text + BODY + stamp + text
    assert clean_document(page + "Impressum", "flattened").title != "Kiel Nord dpa"
