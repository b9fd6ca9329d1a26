"""Where the article on a flattened page starts and ends (`presseschau.clean.flat_article`)."""

from __future__ import annotations

from presseschau.clean import clean_document
from presseschau.clean.resources import phrase_set
from tests.fixtures.clean.flat import BODY, MENU, TEASERS, article_page


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
    page = MENU + headline + "Teilen " + headline + opening + BODY + "Impressum Datenschutz"
    doc = clean_document(page, "flattened")
    assert doc.title == headline.strip()
    assert doc.body.startswith(opening.strip())


def test_flattened_article_starts_with_the_subject_of_its_first_sentence() -> None:
    # A run of capitals opening the first sentence is cut off as a label; the capitalised
    # preposition before it says where the sentence starts.
    opening = "Für 20 Euro Monatsbeitrag können Pendler ab Juni alle Fähren der Stadt nutzen "
    page = MENU + "Hafenstadt plant neue Fährlinie " + opening + BODY + "Impressum Datenschutz"
    assert clean_document(page, "flattened").body.startswith(opening.strip())


def test_flattened_last_sentence_split_by_a_date_runs_up_to_the_heading() -> None:
    # "Anfang Oktober 2025" cuts the last sentence; its end ("nach Leipzig wechseln") is too
    # short to weigh as text, but nothing stands between it and the heading after the article.
    last = "Der Kapitän wird voraussichtlich Anfang Oktober 2025 nach Leipzig wechseln Weitere Themen "
    doc = clean_document(article_page(last + TEASERS), "flattened")
    assert doc.body.endswith("Anfang Oktober 2025 nach Leipzig wechseln")


def test_flattened_subject_between_the_stamp_and_a_lower_case_verb_opens_the_text() -> None:
    # The capitalised subject is a run of labels the stamp leaves apart from its sentence.
    opening = "Kieler Förde Reederei Stadtwerke Kiel wollen ab Juni zwei neue Schiffe auf die Förde schicken "
    page = MENU + "Hafenstadt plant neue Fährlinie Von Hanna Keller 02 04 2025 " + opening + BODY
    body = clean_document(page + "Impressum Datenschutz", "flattened").body
    assert body.startswith(opening.strip())


def test_flattened_opening_runs_through_an_interface_phrase_inside_its_sentence() -> None:
    # "nach oben" is also a back-to-top link: inside the first sentence, after a noun and before
    # a lower-case word, it cuts no menu off the article but the sentence's own start.
    opening = (
        "Die Kieler Förde Fähr Gesellschaft KFFG hat am 30 April 2025 mit 1 2 Millionen Fahrgästen "
        "im Vergleich zur Vorwoche zwei Plätze nach oben klettern können "
    )
    page = MENU + "Hafenstadt plant neue Fährlinie " + opening + BODY + "Impressum Datenschutz"
    assert "Vergleich zur Vorwoche" in clean_document(page, "flattened").body


def test_flattened_subject_after_a_channel_name_opens_the_text() -> None:
    # A sentence never opens on a lower-case word: a text opening on one ("wollen") lost its
    # subject to the long run of labels before it (channel and programme names); the subject
    # is the run's last two words at most (an adjective and a noun).
    opening = "Neue Reedereien wollen ab Juni zwei neue Schiffe auf die Förde schicken "
    head = "Hafenstadt plant neue Fährlinie 02 04 2025 zeigt NDR Fernsehen Nord Magazin Hamburg Journal "
    head += "Panorama "
    body = clean_document(MENU + head + opening + BODY + "Impressum Datenschutz", "flattened").body
    assert body.startswith(opening.strip())


# A box of prose set above the article (a glossary entry, a teaser), far from its head.
_BOX = (
    "Die Förde ist ein schmaler Meeresarm der weit ins Land reicht an ihren Ufern liegen die "
    "Stadtteile der Stadt und die Fähren verbinden sie seit mehr als hundert Jahren miteinander "
    "im Winter fahren sie seltener als im Sommer wenn viele Gäste in der Stadt sind "
    "wer mit dem Rad unterwegs ist kann es auf den meisten Schiffen mitnehmen und zahlt dafür nur "
    "einen kleinen Aufschlag auf den Fahrpreis der für alle Linien gleich hoch ist "
)
# Menu items long enough that no sentence runs through them.
_REGIONS = "Region Nord Kreis Rendsburg Ostholstein Segeberg Plön Eckernförde und " * 10
_HEAD = "Hafenstadt plant neue Fährlinie Von Hanna Keller 02 04 2025 "


def test_flattened_box_above_the_article_without_its_head_is_no_article() -> None:
    # The box holds under half the article's words and no stamp or byline stands near it: the
    # article is the larger cluster under the head, though the box comes first.
    page = MENU + "Lexikon " + _BOX + _REGIONS + _HEAD + BODY * 3 + "Impressum Datenschutz"
    body = clean_document(page, "flattened").body
    assert body.startswith(BODY[:40])
    assert "Meeresarm" not in body


def test_flattened_short_article_under_its_head_stays_before_longer_prose() -> None:
    # With its stamp and byline, the first cluster is the article though longer prose follows
    # under a related-content heading.
    page = MENU + _HEAD + _BOX + "Weitere Themen " + _REGIONS + BODY * 3 + "Impressum Datenschutz"
    body = clean_document(page, "flattened").body
    assert body.startswith(_BOX[:40])
    assert BODY[:40] not in body


# A box of job ads set inside an article.
_JOBS = "Zum Job Projektleiter Schiffbau m w d Nordwerft Hafen GmbH Kiel " * 6


def test_flattened_text_going_on_after_a_box_inside_it_stays_with_the_article() -> None:
    # A box of job ads inside the article parts its paragraphs by more units than a join
    # crosses; the text after it outweighs the text before and is a paragraph long.
    rest = (
        "Im Herbst soll dann entschieden werden ob auch das Westufer einen eigenen Anleger bekommt "
        "die Anwohner hatten sich dafür in einer Umfrage deutlich ausgesprochen und die Stadtwerke "
        "prüfen nun wie viele Fahrgäste dort zu erwarten wären wenn die Schiffe im Stundentakt "
        "fahren und ob sich dafür ein drittes Schiff lohnt das im Winter in der Werft überholt "
        "werden könnte ohne dass der Fahrplan auf den anderen Linien darunter leiden muss denn "
        "bisher ist für den Betrieb im ganzen Jahr noch zu wenig Personal vorhanden "
    )
    page = MENU + _HEAD + BODY + _JOBS + rest + "Impressum Datenschutz"
    body = clean_document(page, "flattened").body
    assert body.startswith(BODY[:40])
    assert body.endswith("zu wenig Personal vorhanden")


def test_flattened_prose_short_of_a_paragraph_after_a_box_stays_out_of_a_short_article() -> None:
    # Past a box, prose joins a short article only when it holds a paragraph's words: a few
    # teasers' sentences outweigh the article but are no continuation of it.
    short = (
        "Die Stadt will ab dem Sommer eine zusätzliche Fährlinie über die Förde einrichten das hat "
        "der Wirtschaftsausschuss am Dienstag einstimmig beschlossen die neue Linie soll die "
        "Stadtteile am Ostufer im Halbstundentakt mit der Innenstadt verbinden "
    )
    teasers = (
        "Busspur Nordufer Kiel der Verkehr wird im Herbst auf die neue Trasse am Ufer verlegt und "
        "die Anwohner hören dann deutlich weniger Lärm vor ihren Fenstern als in den letzten Jahren "
        "und die Stadt spart dabei auch noch Geld für den Winterdienst am Ufer "
    )
    page = MENU + _HEAD + short + _JOBS + teasers + "Impressum Datenschutz"
    body = clean_document(page, "flattened").body
    assert body.startswith(short[:40])
    assert "Nordufer" not in body


# Teasers of the site's other news, each title glued to a summary long enough to read as a
# paragraph of the text.
_NEWS = (
    "Busspur Nordufer Kiel Der Verkehr wird im Herbst auf die neue Trasse am Ufer verlegt und die "
    "Anwohner hören dann deutlich weniger Lärm vor ihren Fenstern als in den letzten Jahren denn die "
    "Stadt hat dafür eine Lärmschutzwand gebaut die im Sommer noch bepflanzt wird und damit auch dem "
    "Klima in der Straße helfen soll wie die Verwaltung am Montag mitteilte "
    "Kieler Woche Bilanz Die Veranstalter zählen mehr Besucher als im vergangenen Jahr und erweitern "
    "das Programm im nächsten Sommer um eine Bühne auf der Hörn "
)


def test_flattened_heading_of_the_sites_other_news_ends_the_article_whatever_follows() -> None:
    # "Weitere Themen" heads the site's other news, which no article sets inside its text: the
    # teasers after it are no paragraph of the article, however long they run.
    doc = clean_document(article_page("Weitere Themen " + _NEWS), "flattened")
    assert doc.body.endswith("im Einsatz waren")
    assert "Busspur" not in doc.body


def test_flattened_sentence_naming_other_topics_goes_on_through_them() -> None:
    # The same words opening a sentence (a lower-case word after them) head no list.
    doc = clean_document(
        article_page("Weitere Themen waren der Hafen und die Busspur am Ufer " + _NEWS), "flattened"
    )
    assert "Lärmschutzwand" in doc.body


def test_every_heading_of_other_news_is_a_related_content_heading() -> None:
    # Only related-content headings cut a flattened page: a line missing there would never stop.
    assert phrase_set("other_news_headings.txt") <= phrase_set("tail_markers.txt")
