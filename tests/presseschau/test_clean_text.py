"""Plain-text inputs: web leftovers, frames (headline, byline, date), footers, paywalls."""

from __future__ import annotations

from presseschau.clean import clean_document
from tests.fixtures.clean import clean_fixture


def test_leftovers_are_removed_and_text_kept() -> None:
    doc = clean_fixture("leftovers.txt")
    for kept in ("Die neue Linie soll die Stadtteile", "Pendler auf dem Wasser", "günstige Tarife an."):
        assert kept in doc.body
    for dropped in ("Zum Inhalt springen", "Lesen Sie auch", "02:15", "browser", "Kreuzfahrtsaison",
                    "Mehr zum Thema", "Rekordsaison", "Wartende Fahrgäste", "Fahrgäste warten",
                    "Von Anna", "Stand:", "Hafenstadt plant"):  # fmt: skip
        assert dropped not in doc.body


def test_frame_metadata() -> None:
    doc = clean_fixture("leftovers.txt")
    assert doc.title == "Hafenstadt plant neue Fährlinie" and not doc.title_derived
    assert doc.authors == ("Anna Berger", "Lukas Wendt")
    assert doc.dateline == "Kiel"
    assert doc.published == "2025-03-05T10:12"
    assert doc.image_credits == ("Petra Lorenz/dpa",)
    assert doc.lead is not None and doc.lead.startswith("Die Stadt will ab dem Sommer")


def test_text_without_headline_gets_a_derived_title() -> None:
    text = (
        "Bremen. Der Senat hat den Haushalt für das kommende Jahr beschlossen. Er sieht Ausgaben von "
        "sechs Milliarden Euro vor.\nDie Opposition kritisierte die hohe Neuverschuldung deutlich."
    )
    doc = clean_document(text, "text")
    assert doc.title == "Der Senat hat den Haushalt für das kommende Jahr beschlossen."
    assert doc.title_derived
    assert doc.dateline == "Bremen"
    assert doc.body.startswith("Bremen. Der Senat")


def test_sentence_opening_with_a_word_and_full_stop_is_no_dateline() -> None:
    text = "Titel einer Meldung\n\nNein. Das wollte niemand so stehen lassen, sagte der Sprecher am Abend."
    assert clean_document(text, "text").dateline is None


def test_translator_credit_is_metadata() -> None:
    text = (
        "Ein Titel\n\nDer erste Absatz des übersetzten Artikels erzählt von einer langen Reise.\n\n"
        "Aus dem Französischen übersetzt von Claire Martin."
    )
    doc = clean_document(text, "text")
    assert doc.translators == ("Claire Martin",)
    assert doc.authors == ()
    assert "Claire Martin" not in doc.body


def test_aggregator_footer_goes_to_metadata() -> None:
    text = (
        "Titel der Meldung\n\nKassel, Hessen - Ein langer erster Absatz über ein Ereignis in der Stadt, "
        "das viele Menschen beschäftigt hat.\n\nDetails\t\nOrt\tKassel, Hessen\n"
        'Quellen\t<ul style="list-style-type: none">• hafenblatt.de• https://www.example.org/artikel/1</ul>\n\n'
        "Besuchen Sie uns auf: foerde-news.de"
    )
    doc = clean_document(text, "text")
    assert doc.cited_sources == ("hafenblatt.de", "www.example.org")
    assert doc.outlet == "foerde-news.de"
    assert doc.dateline == "Kassel, Hessen"
    assert "Quellen" not in doc.body and "Besuchen" not in doc.body and "<ul" not in doc.body


def test_outlet_named_in_navigation_is_found_but_not_in_body() -> None:
    nav = "Zu weiteren Angeboten der Deutschen Welle springen\nZum Inhalt springen\n"
    article = (
        "Titel\n\nEin erster Absatz, der länger ist als zwölf Wörter und mit einem Punkt endet, wie hier."
    )
    assert clean_document(nav.replace("Deutschen Welle", "DW") + article, "text").outlet == "DW"
    quoted = article + "\n\nDas berichtete der SPIEGEL am Montag unter Berufung auf Regierungskreise."
    assert clean_document(quoted, "text").outlet is None


def test_paywalled_text_page() -> None:
    doc = clean_fixture("paywall.txt")
    assert doc.paywalled
    assert doc.title == "Millionenloch im Haushalt: Finanzminister plant Sparpaket"
    assert doc.authors == ("Birgit Sommerfeld",)
    assert doc.published == "2025-02-12T18:40"
    assert doc.body.startswith("Der Finanzminister muss")
    assert "Abo" not in doc.body and "exklusiv" not in doc.body and "Landespolitik" not in doc.body


def test_subscription_box_inside_a_free_article_is_not_a_paywall() -> None:
    paragraph = (
        "Ein Absatz mit ausreichend vielen Wörtern, damit er als richtiger Fließtext gilt "
        "und nicht als Menü, denn Absätze in Zeitungsartikeln haben meist "
        "zwei oder drei Sätze mit zusammen dreißig Wörtern."
    )
    text = "\n\n".join(
        ["Titel", paragraph, "Jetzt weiterlesen mit unserem Probeabo", paragraph, paragraph, paragraph]
    )
    doc = clean_document(text, "text")
    assert not doc.paywalled
    assert doc.body.count(paragraph) == 4 and "Probeabo" not in doc.body


def test_page_that_is_all_navigation_has_an_empty_body() -> None:
    doc = clean_fixture("all_navigation.txt")
    assert doc.body == ""
    assert doc.language is None


def test_cp1252_article() -> None:
    doc = clean_fixture("cp1252_article.txt")
    assert doc.title == "Stadtwerke erhöhen Gaspreise"
    assert doc.dateline == "Köln"
    assert "„Wir geben nur gestiegene Beschaffungskosten weiter“" in doc.body


def test_fact_lists_are_kept() -> None:
    text = (
        "Titel\n\nEin erster Absatz, der länger ist als zwölf Wörter und mit einem Punkt endet.\n\n"
        "- Dauer: ein Jahr\n- Ort: Halle"
    )
    assert "- Dauer: ein Jahr" in clean_document(text, "text").body


def test_masthead_line_and_title_suffix_name_the_outlet() -> None:
    paragraph = "Ein erster Absatz, der länger ist als zwölf Wörter und mit einem Punkt endet, so wie hier."
    masthead = clean_document(f"tagesschau.de\n\nKurzer Titel zur Lage\n\n{paragraph}", "text")
    assert (masthead.outlet, masthead.title) == ("tagesschau.de", "Kurzer Titel zur Lage")
    suffix = clean_document(f"Kurzer Titel zur Lage | DER SPIEGEL\n\n{paragraph}", "text")
    assert (suffix.outlet, suffix.title) == ("DER SPIEGEL", "Kurzer Titel zur Lage")
    unknown = clean_document(f"Streit um Brücke - Anwohner klagen\n\n{paragraph}", "text")
    assert (unknown.outlet, unknown.title) == (None, "Streit um Brücke - Anwohner klagen")


def test_byline_of_unknown_first_name_above_the_date_line() -> None:
    text = (
        "Wahl in Taiwan: Ein knappes Rennen\n\nXiaoling Wu Taipeh\n24. Februar 2025\n\n"
        "Die Wahl am Samstag gilt als Richtungsentscheidung für das Verhältnis zum Festland, "
        "sagen Beobachter."
    )
    doc = clean_document(text, "text")
    assert (doc.authors, doc.dateline, doc.published) == (("Xiaoling Wu",), "Taipeh", "2025-02-24")
    assert doc.body.startswith("Die Wahl am Samstag")


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    text = (
        "Titel der Meldung\n\n"
        "Der Stadtrat hat am Abend nach langer Debatte beschlossen, dass die\n"
        "Bibliothek im Zentrum bleibt und im kommenden Jahr saniert wird, wie\n"
        "die Verwaltung nach der Sitzung mitteilte und auch schriftlich bestätigte.\n\n"
        "Die Kosten werden auf rund vier Millionen Euro geschätzt, das Land will\n"
        "einen großen Teil davon aus einem Förderprogramm für Kultur übernehmen.\n"
    )
    doc = clean_document(text, "text")
    assert doc.title == "Titel der Meldung"
    assert doc.body.split("\n\n")[0].startswith(
        "Der Stadtrat hat am Abend nach langer Debatte beschlossen, dass die Bib"
    )
    assert len(doc.body.split("\n\n")) == 2


def test_a_note_naming_the_author_after_their_role_under_the_article_leaves_the_body() -> None:
    # The note on the byline's author closes the text, its role before the name; the article's
    # last paragraph above it (after a box of links) stays.
    last = "Bis zum Herbst sollen die Arbeiten an der Brücke abgeschlossen sein, teilte das Amt mit."
    text = "\n\n".join(
        [
            "Brücke wird saniert",
            "Von Lena Brandt",
            "Die Klappbrücke am Kanal wird ab Montag saniert. Autofahrer müssen mehrere Monate lang "
            "Umwege fahren, Radfahrer dürfen die Brücke weiter nutzen.",
            "Der Stahl ist stärker verrostet als erwartet, teilte das Tiefbauamt am Freitag mit. "
            "Die Kosten steigen deshalb um ein Drittel.",
            last,
            "Korrespondentin Lena Brandt ist bei der Zeitung für die Landespolitik zuständig. Bis "
            "zur Wahl berichtet sie einen Monat lang aus den Landkreisen im Osten.",
        ]
    )
    doc = clean_document(text, "text")
    assert doc.authors == ("Lena Brandt",)
    assert doc.body.endswith(last)
