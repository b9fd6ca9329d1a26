from __future__ import annotations

import itertools
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import lxml.html
import pytest
import trafilatura
from trafilatura.settings import Document

from presseschau.clean import clean_document
from presseschau.clean.blocks import Block
from presseschau.clean.html import _extractor, _from_lead, _main_text, _parser, _with_lead
from presseschau.clean.html_trim import _without_author_notes, trimmed
from presseschau.clean.region import is_author_note
from presseschau.clean.shape import normalise_space
from presseschau.clean.stated import Stated
from presseschau.ingest import RejectedInput, decode_bytes
from presseschau.models import CleanDocument
from tests.fixtures.clean import FIXTURES, clean_fixture


def test_json_ld_page() -> None:
    doc = clean_fixture("jsonld_article.html")
    assert doc.title == "Radweg am Elbufer: Stadtrat stimmt für Ausbau"
    assert doc.published == "2025-03-04T09:30"
    assert doc.authors == ("Katrin Vogelsang", "Jonas Brückner")
    assert doc.outlet == "Nordkurier Online"
    assert doc.lead is not None and doc.lead.startswith("Nach zwei Jahren Streit")
    assert doc.image_credits == ("Marlene Hoffstedt/dpa",)
    assert "Pappeln bleiben stehen" in doc.body
    assert "Tempolimit anordnen." in doc.body
    leftovers = ("Cookies", "Startseite", "Link kopieren", "Radfahrer auf dem bisherigen Weg", "Neue Ampel")
    for leftover in (*leftovers, "Impressum", "Mehr zum Thema", doc.title):
        assert leftover not in doc.body
    assert doc.language == "de" and not doc.paywalled and not doc.title_derived


def test_open_graph_only_page() -> None:
    doc = clean_fixture("opengraph_only.html")
    assert doc.title == "Hochwasser: Pegel an der Mosel sinkt langsam"
    assert doc.outlet == "Moselbote"
    assert doc.published == "2025-01-12T07:45"  # 06:45 UTC printed as German time
    assert doc.authors == ("Henrike Albrecht",)
    assert doc.dateline == "Trier"
    assert "Lesen Sie auch" not in doc.body
    assert "teilte ein Sprecher mit." in doc.body


def test_page_without_metadata_uses_visible_byline_and_date() -> None:
    doc = clean_fixture("no_metadata.html")
    assert doc.title == "Bäckerei-Kette schließt zwölf Filialen"
    assert doc.authors == ("Erika Musterfrau",)
    assert doc.dateline == "Hamburg"
    assert doc.published == "2025-03-03T14:22"
    assert doc.outlet is None
    assert doc.body.startswith("Die Bäckerei-Kette Kornkammer")
    assert "Stand:" not in doc.body and "Von Erika" not in doc.body


def test_fragment() -> None:
    doc = clean_fixture("fragment.html")
    assert doc.title == "Schulen testen Vier-Tage-Woche"
    assert doc.image_credits == ("Thomas Lindner/IMAGO",)
    assert "leeres Klassenzimmer" not in doc.body
    assert "- Dauer: ein Schuljahr" in doc.body
    assert doc.published is None and doc.authors == ()


def test_english_article() -> None:
    doc = clean_fixture("english_article.html")
    assert doc.language == "en"
    assert doc.authors == ("Margaret Holloway",)
    assert doc.published == "2025-02-24"
    assert doc.outlet == "Harbour Times"
    assert "Share this article" not in doc.body and "By Margaret" not in doc.body


def test_dates_in_running_text_are_not_a_publication_date() -> None:
    html = (
        "<html><body><article><h1>Rückblick auf ein Jahr</h1><p>Am 12. März 2024 begann der Umbau, "
        "am 3. Februar 2025 war er fertig, wie die Stadt mitteilte. Seitdem läuft der Betrieb.</p>"
        "<p>Die Kosten lagen am Ende deutlich über der ursprünglichen Planung der Verwaltung.</p>"
        "</article></body></html>"
    )
    assert clean_document(html, "html").published is None


def test_json_ld_paywall_flag() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Abo-Text",'
        ' "isAccessibleForFree": "False"}</script></head><body><article><p>Der sichtbare Anfang eines Textes '
        "über ein Thema, das viele Leserinnen und Leser interessiert.</p></article></body></html>"
    )
    doc = clean_document(html, "html")
    assert doc.paywalled and doc.title == "Abo-Text"


@pytest.mark.parametrize(
    "json_ld",
    [
        '{"@type": ',
        '{"@type": ["NewsArticle"], "author": [{"@type": ["Person"], "name": "Ida Berg"}, 7, null]}',
        '{"@type": "NewsArticle", "headline": {"x": 1}, "publisher": [], "datePublished": 20250101}',
        '[{"@type": "NewsArticle", "hasPart": ["x", {"isAccessibleForFree": "false"}]}, "text"]',
        '{"@graph": [{"@type": "Article", "author": "Max Muster", "headline": ["Titel"]}]}',
    ],
)
def test_odd_json_ld_and_markup_do_not_crash(json_ld: str) -> None:
    html = f'<html><head><script type="application/ld+json">{json_ld}</script></head><body><p>Text<div>'
    assert isinstance(clean_document(html, "html"), CleanDocument)


def test_byline_element_dropped_by_the_extractor_still_names_the_authors() -> None:
    html = (
        "<html><body><article><h1>Ein Titel</h1>"
        "<div class='article-byline'>Von Jana Roth und Emil Faber</div>"
        "<p>Ein erster Absatz mit genug Wörtern, damit die Erkennung ihn als Artikeltext erkennt.</p>"
        "<p>Ein zweiter Absatz, der das Thema weiter ausführt und mit einem Punkt endet.</p>"
        "</article><aside><span class='teaser-author'>Von Paul Anders</span></aside></body></html>"
    )
    assert clean_document(html, "html").authors == ("Jana Roth", "Emil Faber")


_STORY = (
    "Der Stadtrat hat am Abend nach langer Debatte beschlossen, den Radweg am Fluss zu verbreitern.",
    "Die Arbeiten sollen im kommenden Frühjahr beginnen und nach den Plänen der Verwaltung im Herbst enden.",
    "Anwohner hatten sich seit Jahren über den schmalen Weg beschwert, auf dem es für alle oft eng wurde.",
    "Die Kosten von rund zwei Millionen Euro trägt zum großen Teil das Land, den Rest die Stadt.",
    "Kritik kam von der Opposition, die eine neue Brücke für sinnvoller hält und von Flickwerk sprach.",
    "Der Bürgermeister zeigte sich nach der Abstimmung zufrieden und sprach von einem guten Tag.",
)


def test_a_short_main_text_gets_trafilaturas_second_opinion() -> None:
    # The article's paragraphs are bare <div>s; a promotion box of <p>s sits in the container
    # named like an article, which trafilatura's fast reading takes for the main text.
    promo = (
        "<p>Das ganze Magazin in einer App. Mit bunten Karten, langen Bildstrecken und Podcasts.</p>"
        "<p>Sie bekommen das neue Heft schon am Abend vor dem Verkaufstag, donnerstags ab 19 Uhr.</p>"
        "<p>Ein Konto für alle Geräte, auch ohne Netz lesbar. Auf Tablet, Handy und Laptop dabei.</p>"
    )
    story = "".join(f"<div class='absatz'>{paragraph}</div>" for paragraph in _STORY * 3)
    page = (
        f"<html><body><div><h1>Radweg wird breiter</h1><div class='article-content'>{promo}</div>"
        f"<div class='dig'>{story}</div></div><footer><p>Impressum</p></footer></body></html>"
    )
    body = clean_document(page, "html").body
    assert _STORY[0] in body and _STORY[-1] in body


def test_a_second_opinion_whose_recall_reading_stops_at_the_header_escalates_to_justext() -> None:
    # The article's text is bare text in a <div>, after a header and a lead long enough for
    # trafilatura's reading to stop there; in recall mode no second opinion looks further.
    lead = (
        "Nach zwei Jahren Streit ist entschieden. Der Radweg am Fluss wird breiter, die Bäume bleiben "
        "stehen. Die Stadt zahlt einen Teil, das Land den Rest. Die Opposition hält eine Brücke für besser "
        "und will weiter dagegen kämpfen."
    )
    teasers = "".join(
        f"<div><h2>Weitere Nachricht {number}</h2><p>Eine andere Meldung aus der Stadt, die mit dem "
        f"Radweg nichts zu tun hat und hier nur angerissen wird, Teil {number}.</p></div>"
        for number in range(8)
    )
    page = (
        "<html><body><article><header><p>Verkehr</p><h1>Radweg wird breiter</h1></header>"
        f"<p><strong>{lead}</strong></p><div class='text'><div>{' '.join(_STORY[:3])}</div></div>"
        f"</article><section>{teasers}</section></body></html>"
    )
    body = clean_document(page, "html").body
    assert _STORY[0] in body and _STORY[2] in body


def test_a_main_text_without_a_paragraph_gets_trafilaturas_second_opinion() -> None:
    # The article sits in an <aside>, which trafilatura's fast reading prunes; the page's menu,
    # long enough to pass for a main text, is what it reads instead.
    menu = "".join(
        f"<li><a href='/{place}/{section}'>{section} {place}</a></li>"
        for place in ("Altstadt", "Neustadt", "Hafen", "Nordviertel", "Südviertel", "Westend", "Oststadt")
        for section in ("Polizeibericht", "Fotogalerien", "Sport", "Kultur", "Wirtschaft", "Termine")
    )
    story = "".join(f"<p>{paragraph}</p>" for paragraph in _STORY)
    page = (
        f"<html><body><header><nav><ul>{menu}</ul></nav></header><main><aside><article>"
        f"<h1>Radweg wird breiter</h1>{story}</article></aside></main><div><p>Kontakt</p></div></body></html>"
    )
    body = clean_document(page, "html").body
    assert _STORY[0] in body and _STORY[-1] in body


def test_the_teaser_under_the_headline_opens_the_body() -> None:
    teaser = (
        "Nach zwei Jahren Streit ist entschieden: Der Radweg am Fluss wird breiter, die Bäume bleiben stehen."
    )
    story = "".join(f"<p>{paragraph}</p>" for paragraph in _STORY)
    page = (
        f'<html><head><meta name="description" content="{teaser}"></head><body>'
        f'<article><header><h1>Radweg wird breiter</h1><p class="teaser">{teaser}</p>'
        f'<p class="content-infos">24.04.2024, 19:35 Uhr</p></header><div class="article-body">{story}</div>'
        "</article></body></html>"
    )
    body = clean_document(page, "html").body
    assert body.startswith(teaser) and _STORY[-1] in body


def test_a_teaser_the_main_text_left_out_goes_under_its_headline_lines() -> None:
    teaser = "Nach zwei Jahren Streit ist entschieden: Der Radweg am Fluss wird breiter."
    blocks = [Block("Radweg wird breiter"), Block("Stadtrat entscheidet"), *map(Block, _STORY)]
    assert [block.text for block in _with_lead(blocks, teaser)] == [
        "Radweg wird breiter",
        "Stadtrat entscheidet",
        teaser,
        *_STORY,
    ]
    assert _with_lead(blocks, _STORY[1]) == blocks  # shown in the main text already


def test_headline_lines_worded_otherwise_than_the_title_above_the_teaser_leave_the_body() -> None:
    teaser = "Nach zwei Jahren Streit ist entschieden: Der Radweg am Fluss wird breiter."
    blocks = [
        Block("Verkehr"),
        Block("So wird der Radweg am Fluss breiter"),
        Block("Hauptinhalt"),
        Block(teaser),
    ]
    assert [block.text for block in _from_lead([*blocks, *map(Block, _STORY)], teaser)] == [teaser, *_STORY]


@pytest.mark.parametrize(
    "above",
    [
        "24.04.2024, 19:35 Uhr",  # a date line, for the frame to read
        "Von Lena Brandt",  # a byline
        "Der Stadtrat tagte bis in die Nacht.",  # a sentence: the article's opening
    ],
)
def test_a_date_byline_or_sentence_above_the_teaser_keeps_the_head(above: str) -> None:
    teaser = "Nach zwei Jahren Streit ist entschieden: Der Radweg am Fluss wird breiter."
    blocks = [Block("So wird der Radweg am Fluss breiter"), Block(above), Block(teaser), *map(Block, _STORY)]
    assert _from_lead(blocks, teaser) == blocks


def test_the_teaser_under_the_headline_keeps_the_dateline_the_page_prints_before_it() -> None:
    teaser = "Nach zwei Jahren Streit ist entschieden: Der Radweg am Fluss wird breiter."
    story = "".join(f"<p>{paragraph}</p>" for paragraph in _STORY)
    page = (
        f'<html><head><meta name="description" content="{teaser}"></head><body><article><header>'
        f"<h1>Radweg wird breiter</h1><div class='teaser'><span>Hamburg.</span> <span>{teaser}</span></div>"
        f"</header><div class='article-body'>{story}</div></article></body></html>"
    )
    doc = clean_document(page, "html")
    assert doc.body.startswith(f"Hamburg. {teaser}") and doc.lead == teaser


def _story_page(inside: str = "", after: str = "", head: str = "") -> str:
    """An article page: the story's paragraphs with `inside` after the third and `after` at the end."""
    first, then = ("".join(f"<p>{paragraph}</p>" for paragraph in half) for half in (_STORY[:3], _STORY[3:]))
    return (
        f"<html><head>{head}</head><body><article><h1>Radweg wird breiter</h1>"
        f"<div class='article-body'>{first}{inside}{then}{after}</div></article></body></html>"
    )


def test_labels_after_the_last_sentence_leave_the_body_and_its_date_line_stays() -> None:
    labels = (
        "<p>Weiterführender Link</p><p>Hier das Protokoll der Sitzung</p>"
        "<p>Stand: 24.04.2024, 19:35 Uhr</p><p>Telefon: +49 (40) 300 30 1141</p>"
    )
    doc = clean_document(_story_page(after=labels), "html")
    assert doc.body.endswith(_STORY[-1])
    assert doc.published is not None and doc.published.startswith("2024-04-24")


def test_a_teaser_closed_by_a_more_link_leaves_the_body_with_its_title() -> None:
    teaser = (
        "<p>Neue Brücke über den Fluss geplant</p><p>Die Stadt prüft einen zweiten Übergang für Radfahrer "
        "und Fußgänger. Die Kosten sind noch offen. <a href='/bruecke'>mehr</a></p>"
    )
    body = clean_document(_story_page(inside=teaser), "html").body
    assert "Brücke über den Fluss" not in body and "Übergang" not in body
    assert _STORY[2] in body and _STORY[3] in body


def test_a_list_of_dated_headlines_after_the_article_leaves_the_body() -> None:
    related = "".join(
        f"<li><a href='/{day}'>{headline}</a> {day}. November 2021</li>"
        for day, headline in ((4, "Neue Brücke geplant"), (3, "Ampel kommt"), (2, "Bäume bleiben stehen"))
    )
    assert clean_document(_story_page(after=f"<ul>{related}</ul>"), "html").body.endswith(_STORY[-1])


def test_credit_lines_between_the_paragraphs_leave_the_body_and_a_subheading_stays() -> None:
    box = "<p>Quelle: Landesregierung</p><p>Von Tim Ehlers</p><h2>Von Plänen und Wünschen</h2>"
    body = clean_document(_story_page(inside=box), "html").body
    assert "Landesregierung" not in body and "Tim Ehlers" not in body
    assert "Von Plänen und Wünschen" in body


_PROGRAMME_NOTE = (
    "<p>Weitere Informationen zum Radverkehr:</p>"
    "<p>Dieses Thema im Programm: Stadtradio | Nachrichten | 20. April 2020 | 13:00 Uhr</p>"
)
# A log-in dialog: the site talking to its reader.
_DIALOG = (
    "<p>Passwort vergessen?</p>"
    "<p>Wir schicken dir gleich eine E-Mail mit einem Link, über den du dein Passwort neu setzen kannst.</p>"
    "<p>Dein Passwort ist jetzt neu gesetzt. Von nun an kannst du dich mit dem neuen Passwort "
    "anmelden.</p>"
)
# A dialog closing with a short sentence that names no part of the site.
_DIALOG_CLOSED = f"{_DIALOG}<p>Registrierung wird geprüft</p><p>Das dauert nur einen kleinen Augenblick.</p>"
# A dialog closing with a password's rules, a sentence naming the password only once.
_DIALOG_RULES = (
    f"{_DIALOG}<p>Achtung: Das neue Passwort braucht wenigstens zehn Zeichen, darunter einen "
    "Kleinbuchstaben, einen Großbuchstaben, eine Zahl und ein Sonderzeichen.</p>"
)


@pytest.mark.parametrize(
    "tail",
    [_PROGRAMME_NOTE, _DIALOG, _DIALOG_CLOSED, _DIALOG_RULES],
    ids=["programme note", "dialog", "dialog closed by a short sentence", "dialog closed by password rules"],
)
def test_a_programme_note_or_a_dialog_after_the_article_leaves_the_body(tail: str) -> None:
    assert clean_document(_story_page(after=tail), "html").body.endswith(_STORY[-1])


def test_the_sites_talk_to_its_reader_before_the_article_leaves_the_body() -> None:
    # A consent banner of bare text on a page without an article container: trafilatura's
    # recall reading gathers the page's loose text, the banner first.
    banner = (
        "<div class='hinweis'><div class='text'>Mit Cookies und Analysetools verbessern wir die "
        "Nutzerfreundlichkeit der Internetseite und zeigen dir passende Werbung unserer "
        "Werbepartner an. Mehr dazu findest Du in unserer <a href='/agb'>Datenschutzerklärung"
        "</a>.</div><div><button>OK</button></div></div>"
    )
    story = "".join(f"<p>{paragraph}</p>" for paragraph in _STORY)
    page = f"<html><body>{banner}<div class='wrap'><h1>Radweg wird breiter</h1>{story}</div></body></html>"
    assert clean_document(page, "html").body.startswith(_STORY[0])


def test_a_boxs_lead_in_line_after_the_article_leaves_the_body_with_the_labels_above_it() -> None:
    # A shop box under the article: its headings, and a list item announcing offers that
    # trafilatura left out.
    box = (
        "<h3>Neue Bilder vom Radweg</h3><h3>Beliebt im Preisvergleich</h3>"
        "<ul><li>Fahrradhelme mit Licht:</li></ul>"
    )
    assert clean_document(_story_page(after=box), "html").body.endswith(_STORY[-1])


def test_a_list_item_of_a_sentence_closed_by_a_colon_stays_at_the_articles_end() -> None:
    last = Block("- Die Stadt nennt für den Umbau des Radwegs am Markt drei Gründe, die sie vorstellt:", "li")
    blocks = [*(Block(paragraph) for paragraph in _STORY), last]
    assert trimmed(blocks, Stated()) == blocks


def test_an_article_closed_by_a_short_sentence_keeps_it_before_labels() -> None:
    after = "<p>Die Polizei ermittelt.</p><p>Mehr aus der Stadt</p><p>Neue Ampel am Markt</p>"
    assert clean_document(_story_page(after=after), "html").body.endswith("Die Polizei ermittelt.")


def test_a_note_on_the_author_leaves_the_body() -> None:
    note = (
        "<p>Inga Buller ist Redakteurin im Ressort Stadt. Wenn sie nicht schreibt, fährt sie am "
        "liebsten mit dem Rad an der Elbe entlang.</p>"
    )
    doc = clean_document(_story_page(after=note, head='<meta name="author" content="Inga Buller">'), "html")
    assert doc.authors == ("Inga Buller",)
    assert doc.body.endswith(_STORY[-1])


@pytest.mark.parametrize(
    "role",
    ["Stadtreporterin", "Die Kieler Radfahrerin", "Autorin: Dr."],
)
def test_a_note_naming_the_author_after_their_role_at_the_end_leaves_the_body(role: str) -> None:
    note = f"<p>{role} Inga Buller ist bei der Zeitung für Verkehr zuständig und fährt täglich Rad.</p>"
    doc = clean_document(_story_page(after=note, head='<meta name="author" content="Inga Buller">'), "html")
    assert doc.body.endswith(_STORY[-1])


@pytest.mark.parametrize(
    ("inside", "after"),
    [
        # a sentence opening with a preposition before the name is the article's
        ("", "<p>Laut Inga Buller ist der neue Radweg am Fluss seit Jahren überfällig gewesen.</p>"),
        # a longer name holding the author's is someone else's
        ("", "<p>Marie-Inga Buller ist seit Jahren für einen breiteren Weg am Fluss eingetreten.</p>"),
        # inside the article, a role before the name is a sentence on a namesake
        ("<p>Stadträtin Inga Buller ist seit Jahren für einen breiteren Weg am Fluss eingetreten.</p>", ""),
    ],
)
def test_a_sentence_naming_the_author_after_other_words_stays(inside: str, after: str) -> None:
    page = _story_page(inside=inside, after=after, head='<meta name="author" content="Inga Buller">')
    body = clean_document(page, "html").body
    assert all(text[3:-4] in body for text in (inside, after) if text)


def test_a_news_ticker_after_the_article_leaves_the_body() -> None:
    ticker = "".join(
        f"<li>vor {hours} Stunden</li><li>{news}</li>"
        for hours, news in (
            (16, "Neue Spielabsagen in der Regionalliga: Kiel hat das Heimspiel gegen Lübeck verlegt."),
            (18, "Von den erkrankten Spielern trainieren inzwischen sechs wieder mit der Mannschaft."),
            (19, "Die Hafenhaie haben ihren Antrag für die nächste Saison pünktlich eingereicht."),
        )
    )
    body = clean_document(_story_page(after=f"<ul>{ticker}</ul>"), "html").body
    assert body.endswith(_STORY[-1])


def test_a_teaser_with_soft_hyphens_under_the_headline_opens_the_body_once() -> None:
    teaser = (
        "Für 20 GB Datenvolumen zahlt ihr beim Zweitanbieter gerade nur 7,99 Euro. "
        "Der be&shy;lieb&shy;te Tarif."
    )
    plain = teaser.replace("&shy;", "")
    story = "".join(f"<p>{paragraph}</p>" for paragraph in _STORY)
    page = (
        f'<html><head><meta name="description" content="{plain}"></head><body>'
        f'<article><header><h1>Toller Tarif</h1><p class="teaser">{teaser}</p></header>'
        f'<div class="article-body"><p>{plain}</p>{story}</div></article></body></html>'
    )
    body = clean_document(page, "html").body
    assert body.count("Datenvolumen") == 1 and "\xad" not in body


def test_the_main_text_is_what_trafilaturas_public_extraction_reads(corpus_dir: Path) -> None:
    """html._main_text calls trafilatura's internal cascade without `bare_extraction` (which
    copies the tree first): on the fixture pages and ten corpus pages it reads the same."""
    paths = [*sorted(FIXTURES.glob("*.html")), *sorted((corpus_dir / "pages").glob("*.html"))[:10]]
    pages = [decode_bytes(path.read_bytes()).text for path in paths]
    for page, fast in itertools.product(pages, (True, False)):
        document = trafilatura.bare_extraction(lxml.html.fromstring(page), options=_extractor(fast))
        text = document.text if isinstance(document, Document) else None
        lines = text.split("\n") if text else []
        ours = [block.text for block in _main_text(lxml.html.fromstring(page), fast=fast)]
        assert ours == [line for line in map(normalise_space, lines) if line]


def test_a_price_line_after_the_article_leaves_the_body() -> None:
    # A shop widget's offer: a run of names and prices, no sentence and few function words.
    offer = (
        "<p>Angebot des Tages</p><p>Ab 08:00 Uhr Beispiel Akku-Bohrschrauber 18 V mit 2 Akkus "
        "Listenpreis 129,99 € Angebotspreis 99,99 € Ersparnis 23 % oder 30 €</p>"
    )
    assert clean_document(_story_page(after=offer), "html").body.endswith(_STORY[-1])


def test_a_press_releases_company_profile_and_contact_leave_the_body() -> None:
    profile = (
        "<h3>Über Beispiel Energie AG</h3><p>Die Beispiel Energie AG entwickelt und betreibt seit 1998 "
        "Solarparks in Deutschland und Österreich. Das Unternehmen beschäftigt rund 400 Mitarbeiter "
        "an fünf Standorten.</p><p>Pressekontakt: Erika Muster</p><p>E-Mail: presse@example.org</p>"
    )
    body = clean_document(_story_page(after=profile), "html").body
    assert body.endswith(_STORY[-1])


def test_a_section_about_a_topic_at_the_articles_end_stays() -> None:
    # "Über" opening a subheading that names no company: the article's own last section.
    section = (
        "<h3>Über die Brücke zum Bahnhof</h3><p>Auch die Brücke zum Bahnhof soll im nächsten Jahr "
        "einen breiteren Radweg bekommen, sagte der Sprecher der Stadt am Dienstag.</p>"
    )
    body = clean_document(_story_page(after=section), "html").body
    assert body.endswith("sagte der Sprecher der Stadt am Dienstag.")


def test_a_box_the_page_shows_twice_after_the_article_leaves_the_body() -> None:
    # The article's details set once for narrow and once for wide screens (trafilatura keeps
    # both when the two copies differ a little, in their labels or markup).
    details = [
        Block("- Themenseiten Verkehr, Radwege, Innenstadt", "li"),
        Block("- Permalink https://example.org/p/4x", "li"),
    ]
    blocks = [*map(Block, _STORY), *details, Block("- Schicken Sie uns Ihr Feedback!", "li"), *details]
    assert [block.text for block in trimmed(blocks, Stated())] == list(_STORY)


_FACT_BOX = (
    "Der Radverband ist der größte Zusammenschluss von Radfahrern im Land und vertritt ihre Anliegen.",
    "Er wurde vor über hundert Jahren gegründet und hat heute in fast jeder Stadt eine eigene Gruppe.",
)


@pytest.mark.parametrize(
    ("above", "stated", "kept"),
    [
        # A fact box on the article's subject above the date line: the article opens under it.
        (_FACT_BOX, Stated(published="2025-03-04T18:30"), ("4. März 2025, 18:30 Uhr", *_STORY)),
        # The page's teaser above the date line is the article's.
        (
            _FACT_BOX[:1],
            Stated(published="2025-03-04T18:30", lead=_FACT_BOX[0]),
            (*_FACT_BOX[:1], "4. März 2025, 18:30 Uhr", *_STORY),
        ),
        # A line dated at another time dates something else (a comment, an update).
        (_FACT_BOX, Stated(published="2025-03-04T09:15"), (*_FACT_BOX, "4. März 2025, 18:30 Uhr", *_STORY)),
    ],
    ids=["box above the date", "teaser above the date", "another time"],
)
def test_paragraphs_above_the_articles_date_line_are_a_box_unless_they_are_its_teaser(
    above: tuple[str, ...], stated: Stated, kept: tuple[str, ...]
) -> None:
    blocks = [*map(Block, above), Block("4. März 2025, 18:30 Uhr"), *map(Block, _STORY)]
    assert tuple(block.text for block in trimmed(blocks, stated)) == kept


def _teaser_card(title: str, excerpt: str) -> str:
    """A teaser card of another article: a kicker, its linked title and its excerpt."""
    return (
        f"<div class='card'><div class='kicker'>Verkehr</div><h2><a href='/verkehr/{len(title)}.html'>"
        f"{title}</a></h2><div class='card-text'><p>{excerpt}</p></div></div>"
    )


_CARDS = (
    _teaser_card(
        "Neue Ampel am Marktplatz",
        "An der Kreuzung am Marktplatz regelt seit Montag eine Ampel den Verkehr. "
        "Fußgänger warten jetzt kürzer.",
    ),
    _teaser_card(
        "Busse fahren wieder durch die Altstadt",
        "Nach dem Ende der Bauarbeiten fahren die Linienbusse wieder ihre alte Strecke durch die Altstadt.",
    ),
)


def test_teaser_cards_after_the_article_leave_the_body_and_one_inside_it_stays() -> None:
    # trafilatura drops a card's linked title and keeps its excerpt, which reads like a
    # closing paragraph; the markup shows the card.
    body = clean_document(_story_page(after="".join(_CARDS)), "html").body
    assert body.endswith(_STORY[-1])
    assert "Linienbusse" not in body and "Fußgänger" not in body
    # Between the article's paragraphs a card may be what the article announces: it stays.
    inside = clean_document(_story_page(inside=_CARDS[0]), "html").body
    assert "Fußgänger warten jetzt kürzer." in inside and inside.endswith(_STORY[-1])


@pytest.mark.parametrize(
    ("box", "word"),
    [
        # A note on a person: the heading is the name, the paragraph opens with its verb.
        (
            "<div class='person'><h3>Anna Berger</h3><p>ist Anwältin in Kassel und berät seit vielen "
            "Jahren Städte bei <a href='https://example.org'>Verkehrsprojekten</a> und "
            "Bürgerbeteiligung.</p></div>",
            "Anwältin",
        ),
        # A video the page shows beside the article, described in a paragraph of its own box.
        (
            "<div class='block'><p><iframe src='https://video.example.org/embed/7'></iframe></p><p>Die "
            "Bürgermeisterin besuchte im Herbst die Baustelle am Fluss. Sie sprach mit den "
            "Arbeitern.</p></div>",
            "Baustelle",
        ),
    ],
    ids=["note on a person", "player"],
)
def test_a_small_box_after_the_article_leaves_the_body(box: str, word: str) -> None:
    body = clean_document(_story_page(after=box), "html").body
    assert body.endswith(_STORY[-1]) and word not in body


def test_two_texts_of_a_card_run_together_are_the_cards() -> None:
    # trafilatura may join a note's paragraph and the name set above it into one line.
    note = "ist Anwältin in Kassel und berät seit vielen Jahren Städte bei Verkehrsprojekten."
    blocks = [*map(Block, _STORY), Block(f"{note} Anna Berger")]
    cards = frozenset({"Anna Berger", note})
    assert [block.text for block in trimmed(blocks, Stated(), cards)] == list(_STORY)


def test_author_notes_equal_a_plain_reading_on_made_up_blocks() -> None:
    # Blocks opening with no author's name skip the note test: nothing else may change.
    draw = random.Random(16)
    names = ("Anna Berger", "Jonas Krüger", "Anna")
    words = ("ist", "Redakteurin", "im", "Ressort", "Verkehr", "und", "lebt", "seit", "Jahren", "in", "Kiel.")
    for _ in range(2_000):
        authors = tuple(draw.sample(names, draw.randint(1, 3)))
        blocks = [
            Block(
                " ".join(
                    (
                        draw.choice((*names, *words)),
                        *(draw.choice(words) for _ in range(draw.choice((0, 2, 11, 15)))),
                    )
                )
            )
            for _ in range(draw.randint(0, 6))
        ]
        openings = tuple(f"{name} " for name in authors)
        plain = [block for block in blocks if not is_author_note(block.text, openings)]
        assert _without_author_notes(blocks, authors) == plain


def test_pages_read_one_after_another_on_one_parser_read_as_on_a_parser_of_their_own() -> None:
    # The thread's parser is reused: a page too deep for it must not leave its error behind for
    # the next page, nor a page before it hide the error; each page reads as on a new parser.
    deep = "<html><body>" + "<div>" * 3_000 + "<p>Tief unten.</p>" + "</div>" * 3_000 + "</body></html>"
    pages = [FIXTURES / name for name in ("jsonld_article.html", "opengraph_only.html", "no_metadata.html")]
    texts = [decode_bytes(path.read_bytes()).text for path in pages]
    alone = [clean_document(text, "html") for text in texts]
    for _ in range(2):
        with pytest.raises(RejectedInput, match="too_deeply_nested"):
            clean_document(deep, "html")
        assert [clean_document(text, "html") for text in texts] == alone
    with ThreadPoolExecutor(max_workers=1) as other:
        assert other.submit(_parser).result() is not _parser()
    assert _parser() is _parser()
