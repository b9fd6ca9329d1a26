"""The body of a flattened page and its author box (`presseschau.clean.flat_body`)."""

from __future__ import annotations

import random
from itertools import compress, count

import pytest

from presseschau.clean import clean_document
from presseschau.clean.byline import Byline
from presseschau.clean.dates import FlatStamp
from presseschau.clean.flat_body import (
    author_bio_start,
    author_box_start,
    past_headline_under_head,
    past_kicker_copy,
    teaser_titles,
)
from presseschau.clean.flat_page import FlatPage, read_page
from tests.fixtures.clean.flat import BODY, HEADLINE, LEAD, MENU, TEASERS, article_page


def test_flattened_author_box_after_the_article() -> None:
    # The byline's name printed again at the end of the text opens the author's box.
    head = HEADLINE + "Von Hanna Keller 02 04 2025 "
    box = "Hanna Keller ist Redakteurin im Ressort Kiel und schreibt gern über Schiffe und die Förde "
    doc = clean_document(MENU + head + BODY * 2 + box + "Impressum", "flattened")
    assert doc.body.endswith(BODY.strip()) and doc.authors == ("Hanna Keller",)


@pytest.mark.parametrize(
    ("before", "after", "opens"),
    [
        ("können", "arbeitete", True),  # the note on the author, after the text's last sentence
        ("Bild", "hr", False),  # a picture's credit
        ("Person", "ist", False),  # a box inside the text, under its heading ("Zur Person")
        ("von", "schreibt", False),  # a byline again
        ("können", "dpa", False),  # an agency credited beside the name
    ],
)
def test_flattened_note_on_the_bylines_author_ends_the_text_before_its_last_quarter(
    before: str, after: str, opens: bool
) -> None:
    # A text whose teasers ran in after it may show the author's note far from the text's end:
    # named there for the first time and going on in a lower-case word, the author is no one
    # the text is about.
    head = ["Von", "Hanna", "Keller", "02", "04", "2025"]
    text = BODY.split() * 2 + [before]
    note = f"Hanna Keller {after} viele Jahre als Redakteurin in Kiel".split()
    tokens = head + text + note + TEASERS.split() * 3
    byline = (0, 3, Byline(authors=("Hanna Keller",)))
    at = len(head) + len(text)
    assert author_box_start(tokens, byline, len(head), len(tokens)) == (at if opens else len(tokens))


def test_flattened_name_the_text_is_about_is_no_author_box() -> None:
    # The text names the byline's name before its last quarter too: there it is whom the text
    # is about (a byline read from a subject's name), and it opens no author box.
    olsen = (
        "Nach Angaben von Jens Olsen soll der Betrieb im Mai beginnen und die Stadt zahlt dafür in "
        "den ersten zwei Jahren einen Zuschuss von jährlich rund einer Million Euro an die Reederei "
        "die dafür auch am Wochenende und an den Feiertagen im Stundentakt fahren muss "
    )
    end = "Jens Olsen will die Linie schon im nächsten Jahr bis nach Laboe verlängern lassen"
    page = MENU + "Hafenstadt plant neue Fährlinie Von Jens Olsen 04 03 2025 18 03 "
    page += BODY + olsen + end + " Impressum Datenschutz " + MENU
    doc = clean_document(page, "flattened")
    assert doc.authors == ("Jens Olsen",) and doc.body.endswith(end)


def test_flattened_dates_inside_sentences_stay_in_the_text() -> None:
    # Stamps and interface phrases are cut from the body, except where a sentence runs through
    # them; the article's own stamp after its byline is still cut.
    text = (
        "Am 13 Mai 2014 hat das Gericht über die Klage der Reederei entschieden und der Stadt "
        "recht gegeben die Begründung des Urteils vom 12 April 2024 liegt der Redaktion vor "
    )
    rest = (
        "Die Reederei will nun im Sommer mit dem Umbau der beiden Schiffe beginnen und hofft dass die "
        "ersten Fahrgäste noch vor dem Winter an Bord gehen können "
    )
    page = MENU + "Hafenstadt plant neue Fährlinie Von Hanna Keller 02 04 2025 " + BODY + text + rest
    body = clean_document(page + "Impressum Datenschutz", "flattened").body
    assert text.strip() in body and "02 04 2025" not in body


def test_flattened_comment_count_before_the_text_is_trimmed() -> None:
    # A counted label between the stamp and the text, which no phrase of the list cuts off.
    page = MENU + "Hafenstadt plant neue Fährlinie Von Hanna Keller 02 04 2025 71 Kommentare " + BODY
    body = clean_document(page + "Impressum Datenschutz", "flattened").body
    assert body == BODY.strip()


def test_flattened_lead_between_headline_and_head_opens_the_body() -> None:
    # A teaser below repeats headline and lead, so the lead weighs as no prose of its own, and
    # the text's main cluster starts below the byline: the lead right under the headline opens it.
    page = MENU + "Startseite Kiel " + HEADLINE + LEAD + "Von Anna Berger 02 04 2025 " + BODY
    page += "Artikel teilen " + HEADLINE + "Mehr zum Thema " + HEADLINE + LEAD + "Impressum"
    doc = clean_document(page, "flattened")
    assert doc.body.startswith(LEAD + BODY.strip()) and doc.authors == ("Anna Berger",)


@pytest.mark.parametrize(
    ("before", "opens"),
    [("Foto Kai Mertens ", True), ("sagt ", False), ("empfehlen Klara Brandt ", True)],
    ids=["bio-after-a-credit", "speaker-in-a-sentence", "name-printed-twice"],
)
def test_flattened_author_bio_opens_at_a_name_with_a_job_title(before: str, opens: bool) -> None:
    # A name with a job title right after it (or after "ist") near the text's end opens the
    # author's bio; after a lower-case word the name is a speaker inside a sentence, unless the
    # page prints it twice in a row (a link and its text).
    tail = "Klara Brandt ist Redakteurin im Ressort Kultur und schreibt über Theater "
    page = read_page(MENU + HEADLINE + BODY * 2 + before + tail + "Impressum", None)
    name, end = page.tokens.index("Klara"), len(page.tokens) - 1
    assert author_bio_start(page, 0, end) == (name if opens else end)


def test_flattened_author_bio_printed_twice_opens_though_the_text_names_them() -> None:
    # An interview names its subject all along, and the box under it opens with the same name
    # linked and printed beside its link: a box's heading, whomever the text is about.
    talk = "Das sagt Klara Brandt im Gespräch über die neue Linie und ihre Pläne für den Sommer "
    box = "Klara Brandt Klara Brandt ist Expertin für Verkehr mit langer Erfahrung in der Planung "
    page = read_page(MENU + HEADLINE + talk + BODY * 2 + box + "Impressum", None)
    end = len(page.tokens) - 1
    assert author_bio_start(page, 0, end) == len(page.tokens) - len(box.split()) - 1


@pytest.mark.parametrize(
    ("inside", "leaves"),
    [
        ("Neue Busspur am Nordufer kommt erst im Herbst ", True),
        # A comment quoting the text copies a sentence's middle: what follows opens no sentence.
        ("Neue Busspur am Nordufer kommt erst im Herbst Laut ", False),
    ],
    ids=["another-articles-headline", "no-sentence-after-it"],
)
def test_flattened_headline_of_a_teaser_inside_the_text(inside: str, leaves: bool) -> None:
    # A link to another article set between two paragraphs, its headline printed again in the
    # teaser list under the text, right after the teaser's date stamp.
    teasers = "Weitere Themen 12 03 2025 Neue Busspur am Nordufer kommt erst im Herbst 11 03 2025 Kieler "
    page = MENU + HEADLINE + BODY * 2 + inside + BODY * 2 + "Impressum " + teasers + MENU
    body = clean_document(page, "flattened").body
    assert ("Busspur" not in body) is leaves
    assert body.endswith("in Bayern im Einsatz waren")


@pytest.mark.parametrize(
    ("between", "leaves"), [("", True), ("Kurz notiert ", True), ("Heute kurz notiert ", False)]
)
def test_flattened_teaser_title_inside_the_text_stands_right_after_a_stamp(
    between: str, leaves: bool
) -> None:
    # The teaser's title is printed at most two tokens after its date stamp; further on, a run
    # the page prints again is no teaser's title.
    teasers = (
        f"Weitere Themen 12 03 2025 {between}Neue Busspur am Nordufer kommt erst im Herbst 11 03 2025 Kieler "
    )
    inside = "Neue Busspur am Nordufer kommt erst im Herbst "
    page = MENU + HEADLINE + BODY * 2 + inside + BODY * 2 + "Impressum " + teasers + MENU
    assert ("Busspur" not in clean_document(page, "flattened").body) is leaves


@pytest.mark.parametrize(
    ("link", "leaves"),
    [
        ("Lesen Sie auch Neue Busspur am Nordufer kommt erst im Herbst ", True),
        # A prefix before a function word opens a sentence ("Mehr lesen Sie …"), no link.
        ("Mehr lesen Sie im Bericht des Ausschusses über die Fährlinie am Nordufer ", False),
        # No sentence of the text follows within a headline's length: the title's end is unknown.
        (
            "Lesen Sie auch Busspur Nordufer Verkehr Herbst Trasse Ufer Anwohner Lärm Fenster Jahre Kiel "
            "Förde Hafen Schiff Linie Takt ",
            False,
        ),
    ],
)
def test_flattened_link_to_another_article_inside_the_text(link: str, leaves: bool) -> None:
    # "Lesen Sie auch" and another article's headline, set between two paragraphs; the text
    # goes on with a capitalised function word ("Die Stadt will …").
    page = MENU + HEADLINE + BODY * 2 + link + BODY * 2 + "Impressum " + MENU
    body = clean_document(page, "flattened").body
    assert (link.strip() not in body and "Nordufer" not in body) is leaves
    assert body.endswith("im Einsatz waren")


@pytest.mark.parametrize(
    ("end", "after", "noun"),
    [
        # A compound printed as two words, then the share buttons.
        (
            "in der zugehörigen ",
            "Fahrplan Übersicht Teilen auf Facebook Teilen auf Twitter ",
            "Fahrplan Übersicht",
        ),
        # A longer run of capitals goes on as a name or a title: the noun is its first word (a
        # guard, as before this rule).
        ("in der zugehörigen ", "Fahrplan Hafen Kiel Teilen auf Facebook Teilen auf Twitter ", "Fahrplan"),
        # A preposition joined with an article ("im" = "in dem").
        ("am Anleger im ", "Fahrplan Teilen auf Facebook Teilen auf Twitter ", "Fahrplan"),
    ],
)
def test_flattened_text_ending_on_an_adjective_takes_its_noun(end: str, after: str, noun: str) -> None:
    # "in der zugehörigen" cannot end a sentence: the capitalised words that a run of labels cut
    # off after it are the noun that closes it.
    end = "die genauen Zeiten stehen " + end
    page = MENU + "Von Hanna Keller 02 04 2025 " + BODY * 2 + end + after + "Impressum Datenschutz"
    assert clean_document(page, "flattened").body.endswith(end + noun)


@pytest.mark.parametrize(
    ("before", "opens"),
    [
        # The headline's last name and the dateline form one run of labels, which cut it off.
        ("Politik Streit um die Förde Nun klagt auch Jens Olsen Kiel ", "Kiel Die Stadt"),
        # A word that is no place stays out (a guard, as before this rule).
        ("Politik Streit um die Förde Nun klagt auch Jens Olsen Hafen ", "Die Stadt"),
    ],
)
def test_flattened_text_opens_with_its_dateline(before: str, opens: str) -> None:
    page = MENU + before + BODY * 2 + "Impressum Datenschutz"
    assert clean_document(page, "flattened").body.startswith(opens)


# The text's next paragraph after a box set inside it.
_GOES_ON = (
    "Während die Reederei nun im Sommer mit dem Umbau der beiden Schiffe beginnen will hofft die Stadt "
    "dass die ersten Fahrgäste noch vor dem Winter an Bord gehen können und die Linie im nächsten Jahr "
    "bis nach Laboe reicht "
)


@pytest.mark.parametrize("twice", [False, True], ids=["one-author", "two-boxes"])
def test_flattened_author_boxes_under_the_lead_leave_the_text(twice: bool) -> None:
    # The byline's authors printed again with their job titles inside the text are their boxes,
    # set under the lead; the text goes on at the next sentence.
    head = HEADLINE + ("Von Hanna Keller und Jonas Brandt " if twice else "Von Hanna Keller ") + "02 04 2025 "
    boxes = "Hanna Keller Redakteurin in der Lokalredaktion K N Twitter "
    boxes += "Jonas Brandt Korrespondent in Kiel der Kieler Nachrichten K N " if twice else ""
    doc = clean_document(MENU + head + BODY + boxes + _GOES_ON + "Impressum Datenschutz", "flattened")
    assert doc.body == BODY.strip() + " " + _GOES_ON.strip()


def test_flattened_speaker_with_a_title_stays_in_the_text() -> None:
    # A name with a job title inside a sentence who is not the byline's author is a speaker.
    said = "Das sagte Jens Olsen Redakteur der Zeitung am Montag in Kiel "
    page = MENU + HEADLINE + "Von Hanna Keller 02 04 2025 " + BODY + said + _GOES_ON + "Impressum Datenschutz"
    assert said.strip() in clean_document(page, "flattened").body


@pytest.mark.parametrize("closed", [True, False], ids=["read-more-link", "adverb"])
def test_flattened_box_of_links_closed_by_its_read_more_link_leaves_the_text(closed: bool) -> None:
    # A box under a teaser prefix whose title opens like a sentence ends at its read-more link;
    # "mehr" after a function word is the sentence's ("immer mehr"), and shows no box's end.
    box = "Weitere Informationen Was Sie über die neue Fähre wissen müssen Hier finden Sie alle Antworten "
    box += "mehr " if closed else "immer mehr "
    page = MENU + HEADLINE + "Von Hanna Keller 02 04 2025 " + BODY + box + _GOES_ON + "Impressum Datenschutz"
    body = clean_document(page, "flattened").body
    assert body.endswith(_GOES_ON.strip())
    assert ("Antworten" in body) is not closed


def test_flattened_read_more_link_with_its_reading_time_leaves_the_text() -> None:
    # A teaser's link and reading time, glued to its last sentence, are the site's words.
    lead = "Die Stadt zahlt der Reederei dafür einen Zuschuss weiterlesen 4 Minuten "
    page = MENU + HEADLINE + "Von Hanna Keller 02 04 2025 " + BODY + lead + _GOES_ON + "Impressum Datenschutz"
    body = clean_document(page, "flattened").body
    assert "Zuschuss Während" in body and "weiterlesen" not in body


def test_flattened_box_closed_by_its_download_link_leaves_the_text() -> None:
    # A podcast episode's box names its file's size, lists its topics and closes with the
    # download link of the same size; the text goes on after it.
    box = "Das Skript 84 KB 12 Neue Fähren für die Förde Themen Fahrpläne Anleger Kosten Download 84 KB "
    rest = (
        "Jens Olsen Wir haben vor ein paar Wochen schon einmal darüber gesprochen wie die Stadt die "
        "neuen Schiffe bezahlen will und heute geht es um die Frage wer sie am Ende fahren soll denn "
        "die Stadtwerke suchen noch Kapitäne und Matrosen für den Sommer "
    )
    body = clean_document(article_page(box + rest), "flattened").body
    assert "Themen" not in body and "Download" not in body
    assert "Das Skript" in body and body.endswith("für den Sommer")


def _plain_teaser_titles(page: FlatPage, start: int, end: int) -> list[tuple[int, int]]:
    """`teaser_titles` read token by token: every run whose runs of three stand twice tried."""
    folded, initials = page.folded, page.initials
    titled = {at for stamp in page.stamps for at in range(stamp.end, stamp.end + 3)}
    openings = {folded[at] for at in titled if at < len(folded)}
    titles: list[tuple[int, int]] = []
    for first in compress(count(start + 100), page.twice[start + 100 : end - 6]):
        if (
            (titles and first < titles[-1][1])
            or not (initials[first].isupper() and initials[first - 1].islower())
            or folded[first] not in openings
        ):
            continue
        for copy in page.occurrences(first, 6):
            if start <= copy < end or copy not in titled:
                continue
            size = 6
            while (
                copy + size < len(folded)
                and first + size < end
                and folded[copy + size] == folded[first + size]
            ):
                size += 1
            if size <= 15 and first + size < end and page.opens_sentence(first + size):
                titles.append((first, first + size))
                break
    return titles


def test_flattened_teaser_titles_are_looked_up_from_the_stamps() -> None:
    # Only runs opening with a run of three printed right after a stamp are looked at: the
    # same titles as trying every run the page prints twice, on made-up pages of stamps,
    # teaser titles (set after a stamp, and inside the text before a sentence) and words.
    titles = [
        "Neue Fähre für Kiel kommt im Herbst",
        "Werft baut zwei Schiffe für die Förde",
        "Stadtwerke erhöhen die Preise zum Januar noch einmal deutlich",
    ]
    words = ["Die", "Der", "hat", "gesagt", "und", "Kiel", "die", "Fähre", "fährt", "Hafen"]
    rng = random.Random(3)
    found = 0
    for _ in range(200):
        parts = []
        for _ in range(rng.randrange(10, 60)):
            kind = rng.random()
            if kind < 0.15:
                parts.append(f"{rng.randrange(1, 28)} 0{rng.randrange(1, 9)} 2024 {rng.choice(titles)}")
            elif kind < 0.3:
                parts.append(f"{rng.choice(words[4:])} {rng.choice(titles)} {rng.choice(words[:2])}")
            else:
                parts.append(" ".join(rng.choices(words, k=rng.randrange(1, 12))))
        page = read_page(" ".join(parts), None)
        start = rng.randrange(len(page.tokens) // 2)
        end = rng.randrange(start, len(page.tokens) + 1)
        expected = _plain_teaser_titles(page, start, end)
        assert teaser_titles(page, start, end) == expected
        found += bool(expected)
    assert found >= 20


def test_flattened_note_on_the_author_in_the_head_leaves_the_text() -> None:
    # The site sets a note on the author between the lead and the text: a heading, the name,
    # a sentence on them, and a contact link that prints the name again.
    note = (
        "Autoreninfo Hanna Keller leitet das Ressort Hafen bei der Zeitung Sie war lange Reporterin "
        "in Kiel So erreichen Sie Hanna Keller "
    )
    page = MENU + HEADLINE + LEAD + note + BODY * 3 + "Impressum Datenschutz " + MENU
    body = clean_document(page, "flattened").body
    assert "Hanna Keller" not in body and "Reporterin" not in body
    assert body.endswith(BODY.strip())


def test_flattened_link_in_the_head_printed_again_among_the_teasers_leaves_the_text() -> None:
    # The lead ends on a link to another article, whose title the teaser list under the text
    # prints again after its kicker.
    lead = "Wie weit der Umbau schon ist zeigt ein Blick auf den "
    link = "Südkai Neue Kräne für den Hafen der Stadt "
    teasers = "Hintergrund " + link + "Verkehr Neue Busse für die Innenstadt "
    head = MENU + HEADLINE + "Von Hanna Keller 02 04 2025 " + lead + link
    page = head + BODY * 3 + "Impressum " + teasers + MENU
    body = clean_document(page, "flattened").body
    assert "Kräne" not in body and "Blick auf den Die Stadt will" in body


_PROSE_HEADLINE = "Der Stadtrat streitet weiter über die neue Brücke am Hafen "


@pytest.mark.parametrize(
    "head",
    ["12 03 2024 ", "Von Hanna Keller ", "vor 20 Minuten "],
    ids=["stamp", "byline", "posting-time"],
)
def test_flattened_headline_above_the_head_is_no_part_of_the_text(head: str) -> None:
    # A headline that reads as a sentence, which the headline reader does not find, stands
    # right above the article's stamp, byline or posting time: the text opens under them.
    page = MENU + _PROSE_HEADLINE + head + BODY + "Impressum Datenschutz"
    body = clean_document(page, "flattened").body
    assert "Brücke" not in body and body.endswith(BODY.strip())


def test_flattened_lead_above_the_stamp_stays_in_the_text() -> None:
    # A lead runs longer than a headline: the stamp under it does not open the text.
    lead = (
        "Der Stadtrat hat am Abend nach langer Debatte beschlossen dass die alte Brücke am Hafen "
        "im Sommer abgerissen und durch einen Neubau ersetzt wird "
    )
    page = MENU + HEADLINE + lead + "12 03 2024 " + BODY + "Impressum Datenschutz"
    assert clean_document(page, "flattened").body.startswith(lead.strip())


def test_flattened_headline_printed_again_after_a_kicker_is_no_part_of_the_text() -> None:
    # The headline found is the breadcrumb's copy; the head prints it again after a kicker,
    # and the text opens past that second copy.
    page = MENU + "Startseite Kiel " + HEADLINE + "Neue Linie zum Ostufer " + HEADLINE + BODY
    body = clean_document(page + "Impressum Datenschutz", "flattened").body
    assert body == BODY.strip()


def test_flattened_short_headline_in_the_text_is_no_copy_of_it() -> None:
    # A two-word headline ("Hafen Kiel") may be words the opening sentence uses.
    tokens = ["Hafen", "Kiel", "Der", "Umbau", "am", "Hafen", "Kiel", "beginnt", "im", "Mai"]
    assert past_kicker_copy(tokens, (0, 2), 2) == 2


@pytest.mark.parametrize(
    ("head", "opening"),
    [
        # A kicker, a headline and a teaser the headline reader does not find above the dateline.
        (
            "Neue Linie Mehr Schiffe für den Hafen "
            "Sechs Fähren fahren ab Juni im Takt über die Förde zum Ostufer Kiel ",
            "Kiel Die Stadt will",
        ),
        # A place inside a sentence (after a lower-case word) is no dateline: nothing moves.
        (
            "Neue Linie Mehr Schiffe für den Hafen Sechs Fähren fahren ab Juni nach Kiel ",
            "Meine Region Neue Linie",
        ),
    ],
    ids=["dateline", "place-in-a-sentence"],
)
def test_flattened_head_above_the_dateline_is_no_part_of_the_text(head: str, opening: str) -> None:
    page = MENU + head + BODY * 2 + "Impressum Datenschutz " + MENU
    assert clean_document(page, "flattened").body.startswith(opening)


@pytest.mark.parametrize(
    ("head", "opening"),
    [
        # Headlines above a dateline that credits an agency, before a sentence that opens with
        # a noun: the dateline opens the text.
        ("Neue Linie Mehr Schiffe für den Hafen Kiel dpa ", "Kiel dpa Zwei Fähren"),
        # A lead above it (a run that reads as prose) may be the text's: nothing moves.
        (
            "Neue Linie Mehr Schiffe Die Stadt plant seit Jahren eine neue Linie über die Förde und nun "
            "ist es so weit Kiel dpa ",
            "Meine Region Neue Linie Mehr Schiffe Die Stadt",
        ),
    ],
    ids=["headlines-above", "lead-above"],
)
def test_flattened_dateline_crediting_an_agency_opens_the_text(head: str, opening: str) -> None:
    page = (
        MENU
        + head
        + "Zwei Fähren fahren ab Juni im Takt zum Ostufer "
        + BODY * 2
        + "Impressum Datenschutz "
        + MENU
    )
    assert clean_document(page, "flattened").body.startswith(opening)


_STAMP = FlatStamp(60, 66, "2025-03-05T07:30", updated=False, labelled=False, timed=True)


@pytest.mark.parametrize(
    ("title", "byline", "opens"),
    [
        ((66, 73), None, 73),  # the headline right under the stamp, 66 tokens into the text
        ((40, 47), (33, 40, Byline(authors=("Hanna Keller",))), 47),  # right under the byline
        ((67, 74), None, 0),  # a token parts it from the stamp: no head
        ((150, 157), (143, 150, Byline(authors=("Hanna Keller",))), 0),  # too far into the text
    ],
)
def test_flattened_teaser_above_the_head_the_headline_stands_under_leaves_the_text(
    title: tuple[int, int], byline: tuple[int, int, Byline] | None, opens: int
) -> None:
    # A kicker and a teaser set above the stamp (or byline) and the headline under it.
    assert past_headline_under_head(title, _STAMP, byline, 0) == opens
