"""What ends the article on a flattened page (`presseschau.clean.flat_tail`)."""

from __future__ import annotations

import random

import pytest

from presseschau.clean import clean_document
from presseschau.clean.flat_page import FlatPage, read_page
from presseschau.clean.flat_tail import _inside_cuts, _paragraph_in, prompt_start
from tests.fixtures.clean.flat import BODY, MENU, TEASERS, article_page


def test_flattened_teasers_after_a_related_content_heading_are_no_article() -> None:
    # A heading of related content ends the article where no paragraph follows it: the teasers
    # after it are prose too, and a cluster of prose ran on through them.
    doc = clean_document(article_page("Weitere Themen " + TEASERS), "flattened")
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
    page = article_page("Lesen Sie auch Neue Busspur kommt später " + rest)
    assert clean_document(page, "flattened").body.endswith("mit dem Bus in die Innenstadt fahren können")


@pytest.mark.parametrize(
    "prompt",
    [
        "Wählen Sie Ihren Zugang und lesen Sie weiter Digital Zugang",
        "Bitte aktivieren Sie Javascript Oder lesen Sie unsere Seite ohne Werbung im Abo",
    ],
    ids=["paywall", "javascript"],
)
def test_flattened_site_prompt_right_after_the_text_is_no_article(prompt: str) -> None:
    # The site's words addressing the reader follow the last sentence with no label between.
    doc = clean_document(article_page(prompt + " "), "flattened")
    assert doc.body.endswith("im Einsatz waren")


def test_flattened_teaser_list_without_a_heading_is_no_article() -> None:
    # Four texts or more in a row at the end, each a few lines long and parted by titles, are a
    # list of teasers, though no heading announces them.
    teasers = TEASERS + "Neue Radwege Ostufer Die Stadt baut bis zum Herbst zwei neue Radwege am Ufer "
    doc = clean_document(article_page(teasers), "flattened")
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
    doc = clean_document(MENU + items + "Impressum Datenschutz " + MENU, "flattened")
    assert doc.body.endswith("für eine Stunde ausgefallen")


def test_flattened_comments_after_the_text_are_no_article() -> None:
    # Readers' comments are prose too; each carries a name and a stamp with a time of day.
    comments = (
        "Jens Olsen sagt 4 November 2023 um 9 29 Uhr Ich finde die neue Linie gut aber sie kommt viel "
        "zu spät und die Preise für die Fahrkarten sind für viele Familien in der Stadt zu hoch "
        "Meike Hinrichs sagt 4 November 2023 um 11 02 Uhr Wer am Ostufer wohnt hat bisher eine Stunde "
        "mit dem Bus gebraucht das wird jetzt endlich besser und ich freue mich auf den Sommer "
        "Tjark Ubben sagt 5 November 2023 um 8 45 Uhr Die alten Schiffe aus Bayern sind doch gar nicht "
        "für die Förde gebaut worden und ich frage mich wer das bei der Stadt geprüft hat "
    )
    body = clean_document(article_page(comments), "flattened").body
    assert "im Einsatz waren" in body and "Ostufer wohnt" not in body


@pytest.mark.parametrize("signer", ["", "kielerjung "], ids=["unsigned", "lower-case-name"])
def test_flattened_news_stream_stamped_by_how_long_ago_is_no_article(signer: str) -> None:
    # A stream of short news or comments after the article, each item stamped only by how long
    # ago it was posted: a series of such stamps, which the article's paragraphs never carry.
    # A commenter may sign in lower case right after the stamp: one such stamp may run on into
    # a sentence ("vor 3 Tagen an Land"), a series of them does not.
    stream = (
        f"vor 3 Stunden {signer}Die Brücke über den Kanal ist bis zum Abend für Lastwagen gesperrt weil "
        "dort ein Gerüst aufgebaut wird und die Polizei den Verkehr über die Umleitung am Hafen führt "
        f"vor 5 Stunden {signer}Der Unterricht an den Schulen der Stadt fällt am Freitag trotz des Sturms "
        "nicht aus teilte das Schulamt am Morgen mit und bat die Eltern um Geduld "
        f"vor 7 Stunden {signer}In zwei Stadtteilen ist der Strom am Morgen für eine Stunde ausgefallen "
        "die Ursache war nach Angaben der Stadtwerke ein beschädigtes Kabel an einer Baustelle "
    )
    body = clean_document(article_page(stream), "flattened").body
    assert "im Einsatz waren" in body and "Gerüst" not in body and "Schulamt" not in body


def test_flattened_updates_of_a_running_story_stay_with_it() -> None:
    # Stamps labelled as updates date the paragraphs of the article itself.
    updates = (
        "Aktualisiert am 4 März 2025 18 05 Uhr Der Ausschuss hat am Abend auch über die Preise beraten und "
        "will die Fahrkarten für Kinder und Schüler im ersten Jahr kostenlos ausgeben die Kosten dafür "
        "sollen aus dem Haushalt der Stadtwerke kommen die im vergangenen Jahr einen Gewinn gemacht haben "
        "Aktualisiert am 4 März 2025 19 40 Uhr Die Reederei hat inzwischen bestätigt dass die beiden "
        "Schiffe im Mai über den Kanal nach Kiel überführt werden sollen und dass bis dahin die Besatzungen "
        "auf einem der Schiffe der Reederei auf der Förde ausgebildet werden "
        "Aktualisiert am 4 März 2025 21 15 Uhr Am späten Abend meldete sich auch der Oberbürgermeister und "
        "sagte dass die Stadt lange auf diese Entscheidung gewartet habe und dass er die neue Linie "
        "für einen großen Gewinn für die Stadtteile am Ostufer hält "
    )
    body = clean_document(article_page(updates), "flattened").body
    assert body.endswith("großen Gewinn für die Stadtteile am Ostufer hält")


def test_flattened_ranked_list_of_other_articles_is_no_article() -> None:
    # A "most read" box after the text: its numbers stand in their own elements, which the
    # page's copy glues to each title; the titles read like sentences.
    ranked = (
        "Am meisten gelesen 1Sturm reißt Dach von der Schule am Ostufer 2Neue Brücke über den Kanal wird "
        "später fertig 3Das Derby endet ohne Sieger 4 Eine Liebeserklärung an die Förde "
        "5Wer im Sommer am Strand parken will muss mehr zahlen Weitere Meldungen aus der Region "
    )
    body = clean_document(article_page(ranked), "flattened").body
    assert body.endswith("im Einsatz waren")
    assert "gelesen" not in body


def test_flattened_numbers_in_the_text_are_no_ranked_list() -> None:
    # Numbers in sentences stand alone, as do the steps of a list the article itself counts.
    steps = (
        "Die Stadtwerke nennen fünf Schritte bis zum Start 1 Die Schiffe werden im Mai überführt "
        "2 Die Besatzungen lernen die Förde kennen 3 Die Anleger am Ostufer werden verlängert "
        "4 Der Fahrplan wird im Juni veröffentlicht 5 Die erste Fahrt ist für den Juli geplant "
        "und danach soll die Linie bis zum Herbst an jedem Tag der Woche fahren "
    )
    body = clean_document(article_page(steps), "flattened").body
    assert body.endswith("an jedem Tag der Woche fahren")


def test_flattened_head_of_the_next_article_ends_the_body() -> None:
    # A page that stacks whole articles prints each one's head: its byline and stamp.
    following = (
        "Neue Busspur kommt später Von Meike Hinrichs 5 März 2025 Die Stadt verschiebt den Bau der Busspur "
        "am Nordufer um ein Jahr weil die Leitungen unter der Straße zuerst erneuert werden müssen und "
        "die Stadtwerke dafür erst im Herbst einen Auftrag vergeben können "
    )
    body = clean_document(article_page(following), "flattened").body
    assert "im Einsatz waren" in body and "Leitungen" not in body


def test_flattened_post_signed_inside_the_text_stays() -> None:
    # An embedded post is signed by a name and a date, without the label of a byline.
    post = (
        "Ein Fahrgast schrieb dazu Endlich eine Fähre zum Ostufer Jens Olsen 5 März 2025 "
        "und die Stadtwerke antworteten ihm noch am selben Abend dass die beiden Schiffe schon im Mai "
        "über den Kanal nach Kiel kommen sollen und dass die Besatzungen bis dahin auf einem der Schiffe "
        "der Reederei auf der Förde ausgebildet werden damit der Betrieb im Sommer ohne Verzögerung "
        "beginnen kann wie es der Ausschuss in seinem Beschluss verlangt hat "
    )
    body = clean_document(article_page(post), "flattened").body
    assert body.endswith("in seinem Beschluss verlangt hat")


def test_flattened_prompt_of_interface_words_is_no_article() -> None:
    # A feedback prompt names the site's machinery in its interface labels ("kommentieren").
    doc = clean_document(article_page("Hier können Sie den Beitrag kommentieren oder teilen "), "flattened")
    assert doc.body.endswith("im Einsatz waren")


def test_flattened_teasers_closed_by_read_more_links_are_no_article() -> None:
    # Each teaser after the text ends in a read-more link before the next one's title.
    teasers = (
        "Busspur Nordufer Kiel Der Verkehr wird im Herbst auf die neue Trasse am Ufer verlegt mehr "
        "Kieler Woche Bilanz Die Veranstalter zählen mehr Besucher als im vergangenen Jahr mehr "
    )
    assert clean_document(article_page(teasers), "flattened").body.endswith("im Einsatz waren")


def test_flattened_long_teaser_closed_by_a_read_more_link_is_no_article() -> None:
    # A teaser that prints its title twice, its picture's credit and a summary of two sentences
    # runs past 60 tokens before its read-more link: the list goes on through it.
    teasers = (
        "Bildrechte Jens Olsen Busspur Nordufer Kiel Busspur Nordufer Kiel Der Verkehr "
        "wird im Herbst auf die neue Trasse am Ufer verlegt mehr Bildrechte Jens Olsen Kieler Woche Bilanz "
        "Kieler Woche Bilanz Die Veranstalter zählen so viele Besucher wie nie zuvor und erweitern "
        "das Programm im nächsten Sommer um eine Bühne auf der Hörn wo bisher nur Stände standen und "
        "auch die Anwohner sollen dort an zwei Abenden in der Woche ohne Eintritt die Konzerte hören "
        "können wie es der Verein seit Jahren fordert und die Stadt zahlt dafür einen Teil der Kosten "
        "für die Bühne mehr Stadtwerke Kiel "
    )
    assert clean_document(article_page(teasers), "flattened").body.endswith("im Einsatz waren")


def test_flattened_teasers_closed_by_read_more_links_with_reading_times_are_no_article() -> None:
    # Each read-more link names the teaser's reading time before the next teaser's title.
    teasers = (
        "Busspur Nordufer Kiel Der Verkehr wird im Herbst auf die neue Trasse am Ufer verlegt weiterlesen "
        "5 Minuten Kieler Woche Bilanz Die Veranstalter zählen mehr Besucher als im vergangenen Jahr "
        "weiterlesen 4 Minuten "
    )
    assert clean_document(article_page(teasers), "flattened").body.endswith("im Einsatz waren")


def test_flattened_box_of_read_more_teasers_inside_the_text_stays_out_of_its_end() -> None:
    # A box of such teasers inside the article has the article's paragraphs after it.
    box = "Kieler Woche Bilanz Die Veranstalter zählen mehr Besucher mehr Busspur Nordufer Kiel Verkehr mehr "
    rest = (
        "Die Reederei will nun im Sommer mit dem Umbau der beiden Schiffe beginnen und hofft dass die "
        "ersten Fahrgäste schon im August über die Förde fahren können wenn die Werft die Arbeiten "
        "rechtzeitig abschließt und das Amt die beiden Schiffe für den Betrieb auf der Förde abnimmt "
        "was nach den Erfahrungen der letzten Jahre aber nicht sicher ist und viel Zeit kosten kann "
    )
    doc = clean_document(article_page(box + rest), "flattened")
    assert doc.body.endswith("viel Zeit kosten kann")


@pytest.mark.parametrize("text_after", [False, True], ids=["teasers-after", "paragraph-after"])
def test_flattened_dense_prompt_near_the_end_opens_the_tail(text_after: bool) -> None:
    # A prompt dense in the site's words ends the text though teaser titles follow it; where a
    # paragraph of the article follows, it is a box inside the text.
    prompt = "Abonnieren Sie kostenlos unseren Newsletter und bleiben Sie über alles Neue informiert "
    titles = "Meistgelesen Busspur Nordufer Kiel Herbst Kieler Woche Bilanz Stadtwerke Kiel Fernwärme Bilanz "
    paragraph = (
        "Die Reederei will nun im Sommer mit dem Umbau der beiden Schiffe beginnen und hofft dass die "
        "ersten Fahrgäste schon im August über die Förde fahren können wenn die Werft die Arbeiten "
        "rechtzeitig abschließt und das Amt die beiden Schiffe für den Betrieb auf der Förde abnimmt "
        "was nach den Erfahrungen der letzten Jahre aber nicht sicher ist und viel Zeit kosten kann "
    )
    page = read_page(BODY * 3 + prompt + (paragraph if text_after else titles * 3), None)
    end = len(page.tokens)
    assert prompt_start(page, 0, end) == (end if text_after else page.tokens.index("Abonnieren"))


def _plain_prompt_start(page: FlatPage, start: int, end: int) -> int:
    """`prompt_start` read token by token, every position of its reach tried."""
    first = start + 3 * (end - start) // 4
    inside = _inside_cuts(page, first, end)
    for low in range(first, end - 20):
        if (
            page.initials[low].isupper()
            and low not in inside
            and low not in page.cut_kinds
            and page.site_words(low, low + 2)
            and page.site_words(low, low + 20) >= 4
            and not _paragraph_in(page, low + 20, end)
        ):
            return low
    return end


def test_flattened_prompt_start_tries_only_tokens_near_a_site_word() -> None:
    # Where a prompt may open is looked for only at or right before a site or interface word:
    # the same start as trying every token, on made-up pages of site words ("Sie", a polite
    # opening too), interface labels and phrases, capitalised and lower-case words.
    words = ("Sie sie Abonnieren Newsletter teilen Artikel teilen Jetzt Ihr " * 2).split()
    words += ["Kiel", "Förde", "Hafen", "Werft", "die", "und", "12"]
    rng = random.Random(1)
    for _ in range(300):
        page = read_page(" ".join(rng.choices(words, k=rng.randrange(20, 160))), None)
        size = len(page.tokens)
        start = rng.randrange(size // 2)
        end = rng.randrange(start, size + 1)
        assert prompt_start(page, start, end) == _plain_prompt_start(page, start, end)
        openings = set(page.site_word_openings(start, end, 2))
        assert {at for at in range(start, end) if page.site_words(at, at + 2)} <= openings


@pytest.mark.parametrize(
    ("after", "stays"),
    [
        ("Lesen Sie hier einen weiteren Beitrag Kieler Woche Bilanz Mehr Besucher ", False),
        ("Mehr lesen über Kiel ", False),
        ("Lest auch Kieler Woche Bilanz Mehr Besucher als im Vorjahr ", False),
        ("Weitere Informationen zur Kieler Woche ", False),
        # The text goes on after it: a link set between two paragraphs, which leaves alone.
        ("Lesen Sie hier einen weiteren Beitrag " + BODY, True),
    ],
    ids=["prompt-and-title", "topic-link", "informal-prefix", "more-information", "text-after-it"],
)
def test_flattened_link_after_the_last_paragraph_is_no_article(after: str, stays: bool) -> None:
    # A teaser prefix that opens a sentence with no paragraph of the text after it links to
    # other articles, in whatever words follow it.
    body = clean_document(article_page(after), "flattened").body
    assert any(word in body for word in ("Lesen", "lesen", "Lest", "Informationen")) is stays
    assert body.endswith("im Einsatz waren")


@pytest.mark.parametrize(
    ("after", "stays"),
    [
        ("Hier das ganze Programm in Kiel Hier das ganze Programm in Lübeck Verpasse keine News ", False),
        # A sentence saying a noun phrase again opens no link: one function word is no link's phrase.
        (
            "Der neue große Kran steht schon am Kai und der neue große Kran hebt bald die ersten Container ",
            True,
        ),
    ],
    ids=["links", "name-again"],
)
def test_flattened_links_of_one_form_after_the_text_are_no_article(after: str, stays: bool) -> None:
    # Runs that open alike right one after the other past the last paragraph are a site's links.
    body = clean_document(article_page("gebaut " + after), "flattened").body
    assert (after.strip() in body) is stays


def test_flattened_teaser_signed_by_its_byline_after_the_text_is_no_article() -> None:
    # A teaser's title, lead and byline after the last paragraph: the article's byline stands
    # in its head, and its last sentence ends on no author's name.
    teaser = (
        "Neues Hafen Konzept Kiel baut die Kais aus Die Stadt will schon ab 2027 die ersten Schiffe "
        "im Stundentakt anlegen lassen Von Jana Olsen und "
    )
    body = clean_document(article_page(teaser), "flattened").body
    assert body.endswith("im Einsatz waren")


_EXPLAINED = (
    "Die Förde ist eine schmale Bucht der Ostsee die weit ins Land reicht und an deren Ufern seit dem "
    "Mittelalter Fähren verkehren heute fahren dort neben den Linienschiffen auch Segler und Ausflugsboote "
    "die im Sommer viele Gäste aus dem ganzen Land an die Küste bringen "
)


@pytest.mark.parametrize(
    ("after", "ends"),
    [
        # The agency's sign-off and the desk's initials close the text; a box explaining a
        # name in it follows, a paragraph long.
        ("Stadtwerke dpa HB Förde " + _EXPLAINED, "der Stadtwerke"),
        # Guards: the agency in a sentence, and a picture's credit with the photographer in capitals.
        ("Stadtwerke sagte er gegenüber AFP " + _EXPLAINED, "an die Küste bringen"),
        ("Stadtwerke AFP JENS OLSEN " + _EXPLAINED, "an die Küste bringen"),
    ],
    ids=["sign-off", "in-a-sentence", "credit"],
)
def test_flattened_box_after_the_agency_sign_off_is_no_article(after: str, ends: str) -> None:
    page = article_page("Die Förde bleibt für die Fähren der " + after)
    assert clean_document(page, "flattened").body.endswith(ends)


def test_flattened_prompt_before_the_comment_heading_is_no_article() -> None:
    # The comment section's heading with its count ends the text; its rules and a reader's
    # comment (a paragraph) follow, and the site's prompt before the heading is read up to it.
    comments = (
        "Kommentare 12 Liebe Leser wir freuen uns über Ihre Meinung Jens Olsen Ich fahre seit Jahren "
        "mit der alten Linie über die Förde und finde es gut dass die Stadt endlich mehr Schiffe "
        "einsetzt denn im Sommer war es oft so voll dass man am Anleger warten musste bis das nächste "
        "Schiff kam und das hat mich jedes Mal geärgert weil der Bus auch nicht besser war "
    )
    prompt = "Gefällt Ihnen dieser Artikel Dann unterstützen Sie unsere Arbeit "
    body = clean_document(article_page(prompt + comments), "flattened").body
    assert body.endswith("im Einsatz waren")


@pytest.mark.parametrize(
    ("count", "ends"),
    [
        ("12 Kommentare Bitte melden Sie sich an ", "im Einsatz waren"),
        # Guards: a sentence going on after the count, and a gallery's count inside the text.
        ("12 Kommentare bekommen ", "Jahren"),
        ("12 Bilder Fähren ", "Jahren"),
    ],
    ids=["heading", "in-a-sentence", "gallery"],
)
def test_flattened_comment_count_before_its_heading_word_ends_the_text(count: str, ends: str) -> None:
    # The count may stand before the comment section's word; a capital after them is the
    # section's prompt or a commenter's name, not the text going on.
    comments = (
        count + "Jens Olsen Ich fahre seit Jahren mit der alten Linie über die Förde und finde es gut "
        "dass die Stadt endlich mehr Schiffe einsetzt denn im Sommer war es oft so voll dass man am "
        "Anleger warten musste bis das nächste Schiff kam und das hat mich geärgert seit Jahren"
    )
    body = clean_document(article_page(comments + " "), "flattened").body
    assert body.endswith(ends)


_OTHER_ARTICLES = (
    "Hafen Kiel Neue Kaimauer fertig Die Stadt hat die neue Kaimauer am Ostufer nach zwei Jahren Bauzeit "
    "fertiggestellt und will dort schon im Sommer die ersten großen Fähren aus Skandinavien anlegen lassen "
    "Förde Fähren Mehr Fahrgäste als je zuvor Die Fähren über die Förde haben im vergangenen Jahr so viele "
    "Fahrgäste befördert wie nie zuvor und die Stadtwerke wollen deshalb noch zwei weitere Schiffe kaufen "
)


@pytest.mark.parametrize(
    ("after", "last_words", "ended"),
    [
        # The list of other articles under the text runs up to the article's stamp and authors,
        # which the site prints under it, 150 tokens on (past the text's half); each teaser's
        # summary reads as a paragraph.
        (
            BODY + "Mehr zum Thema " + _OTHER_ARTICLES + TEASERS + "Datum 12 05 2024 Autorin Jana Olsen ",
            "weitere Schiffe kaufen",
            True,
        ),
        # A teaser in the list dated by how long ago it was posted.
        (
            "Mehr zum Thema Kaimauer Ostufer Kiel vor 18 Tagen von Jana Olsen " + _OTHER_ARTICLES,
            "Kaimauer",
            True,
        ),
        # Guard: a box inside the text, the text going on after it with a date in a sentence.
        (
            "Mehr zum Thema Kaimauer Ostufer Kiel Die Stadt hat die neue Kaimauer am Ostufer nach zwei "
            "Jahren fertiggestellt und will dort am 12 05 2024 die ersten Fähren anlegen lassen "
            + _OTHER_ARTICLES,
            "weitere Schiffe kaufen",
            False,
        ),
        # Guard: a box inside the text, the text's last paragraph and the note of its update.
        (
            "Mehr zum Thema Kaimauer Ostufer Kiel " + _EXPLAINED + "Sie fahren auch im Winter "
            "Aktualisiert am 12 05 2024 10 30 Uhr ",
            "Sie fahren auch im Winter",
            False,
        ),
    ],
    ids=["article-stamp", "teaser-posted-ago", "date-in-a-sentence", "update-note"],
)
def test_flattened_related_heading_with_a_date_after_it_ends_the_text(
    after: str, last_words: str, ended: bool
) -> None:
    # `last_words`: words after the heading, gone from the body where the heading ends the text.
    body = clean_document(article_page(after), "flattened").body
    assert (last_words not in body) is ended
    assert body.startswith("Die Stadt will") and ("im Einsatz waren" in body)


@pytest.mark.parametrize(
    ("pitch", "gone"),
    [
        ("Ihr Beitrag sichert unsere Arbeit an der Förde und hält die Seite frei für alle ", True),
        ("Starten Sie mit den Nachrichten aus der Region in den Tag und lesen Sie am Abend mehr ", True),
        # A short quote closing the text ("Sie haben recht") and a last sentence signed by its
        # agency are the text's, even when they address someone.
        ("Sie haben recht ", False),
        ("Sie wollen im Herbst mit dem Bau der neuen Anleger beginnen dpa ", False),
    ],
    ids=["pitch", "call", "short-quote", "agency-signed"],
)
def test_flattened_pitch_above_a_prompt_is_no_part_of_the_text(pitch: str, gone: bool) -> None:
    # The sentence selling a prompt addresses the reader; the prompt (a form, its buttons) is
    # found by its machinery's words, the pitch above it has none of them.
    prompt = "Newsletter abonnieren E Mail Adresse eingeben Jetzt anmelden Abbrechen "
    body = clean_document(article_page(pitch + prompt), "flattened").body
    assert body.endswith("im Einsatz waren" if gone else pitch.strip())
