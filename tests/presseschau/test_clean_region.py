"""Where the article stands on a page of text lines: its run of prose told from the teasers
and labels around it."""

from __future__ import annotations

from presseschau.clean.blocks import text_blocks
from presseschau.clean.region import article_region, is_author_note

_MENU = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur"]
_ARTICLE = [
    "Hafenstadt plant neue Fährlinie",
    "Die Stadt will ab dem Sommer eine zusätzliche Fährlinie über die Förde einrichten. Das hat der "
    "Wirtschaftsausschuss am Dienstag einstimmig beschlossen, wie ein Sprecher der Stadt mitteilte.",
    "Die neue Linie soll die Stadtteile am Ostufer im Halbstundentakt mit der Innenstadt verbinden. "
    "Die Stadtwerke rechnen mit rund 2000 Fahrgästen pro Tag, im Sommer mit deutlich mehr.",
    "Dafür werden zwei gebrauchte Schiffe angeschafft, die bisher auf einem See in Bayern im Einsatz "
    "waren. Der Umbau soll bis Juni abgeschlossen sein, sagte ein Sprecher der Werft.",
]
_FOOTER = ["Impressum", "Datenschutz", "Kontakt"]


def _article_lines(after: list[str]) -> list[str]:
    """The texts of the article's blocks on a page with `after` between article and footer."""
    blocks = text_blocks("\n".join([*_MENU, *_ARTICLE, *after, *_FOOTER]))
    start, end = article_region(blocks)
    return [block.text for block in blocks[start:end]]


def test_a_paragraph_closed_by_a_more_link_on_its_own_line_is_a_teaser() -> None:
    # A browser's copy sets the teaser's "mehr" link on a line of its own; the summary, as long
    # as a paragraph, joined the article.
    after = [
        "Weitere Informationen zum Hafen",
        "Kreuzfahrtsaison beginnt in diesem Jahr früher",
        "Die ersten Schiffe legen schon im März an. Die Stadt erwartet in diesem Jahr einen Rekord an "
        "Passagieren, die Hotels am Hafen sind für die ersten Wochen bereits gut gebucht, heißt es.",
        "mehr",
    ]
    assert _article_lines(after) == _ARTICLE[1:]


def test_a_teaser_past_the_share_labels_after_the_last_paragraph_is_not_the_articles() -> None:
    after = [
        "Teilen",
        "Drucken",
        # A kicker run into the headline, its abbreviation read as a sentence's end: no heading.
        "Kiel St. Jürgen Neue Busspur am Bahnhof kommt erst im Herbst",
        "Die Bauarbeiten an der Busspur verzögern sich um mehrere Monate, weil Anwohner gegen die "
        "Pläne der Stadt geklagt haben. Das Gericht will im Herbst darüber entscheiden.",
    ]
    assert _article_lines(after) == _ARTICLE[1:]


def test_the_articles_last_section_under_its_subheading_stays() -> None:
    section = [
        "Verkehr: Neue Busspur in der Innenstadt kommt später",
        "Die Bauarbeiten an der Busspur verzögern sich um mehrere Monate, weil Anwohner gegen die "
        "Pläne der Stadt geklagt haben. Das Gericht will im Herbst darüber entscheiden.",
    ]
    assert _article_lines(section) == [*_ARTICLE[1:], *section]


def test_a_pages_only_prose_over_a_pictures_credit_is_its_article() -> None:
    # A video's page: its description under the player, over the still's credit, and the
    # titles of other episodes; no other prose.
    description = (
        "Die Stadt will ab dem Sommer eine zusätzliche Fährlinie über die Förde einrichten. "
        "Die Sendung zeigt, wie die Pendler am Ostufer darauf warten."
    )
    episodes = [
        "Mehr aus der Sendung",
        "Neue Busspur am Bahnhof",
        "30 Min.",
        "Der Hafen im Winter",
        "45 Min.",
    ]
    blocks = text_blocks(
        "\n".join([*_MENU, "Hafenstadt plant neue Fährlinie", description, "Bild: Fördeblatt", *episodes])
    )
    start, end = article_region(blocks)
    assert [block.text for block in blocks[start:end]] == [description]


def test_a_list_of_teasers_with_read_more_links_ends_the_article_before_the_next_one() -> None:
    # A page that sets the next article under a list of teasers, each closed by a read-more link
    # stating its reading time: the run of prose runs on over the teasers into the next article.
    summaries = {
        "Kreuzfahrtsaison beginnt früher": "Die ersten Schiffe legen schon im März an, weil die Reedereien "
        "ihre Routen geändert haben. Die Stadt erwartet einen Rekord an Passagieren und mehr Verkehr am Kai.",
        "Neue Busspur kommt später": "Die Bauarbeiten an der Busspur verzögern sich um mehrere Monate, weil "
        "Anwohner gegen die Pläne geklagt haben. Das Gericht will im Herbst über die Klage entscheiden.",
        "Brücke wird saniert": "Die alte Klappbrücke über den Kanal wird von Mai an für ein Jahr gesperrt. "
        "Radfahrer und Fußgänger sollen in dieser Zeit mit einer kleinen Fähre übersetzen können.",
        "Hafenfest fällt aus": "Das Hafenfest findet in diesem Jahr nicht statt, weil sich kein Veranstalter "
        "gefunden hat. Der Verein will es im nächsten Sommer mit Hilfe der Stadt wieder ausrichten.",
    }
    teasers = []
    for minutes, (headline, summary) in enumerate(summaries.items(), 3):
        teasers += ["Verkehr", headline, summary, f"weiterlesen {minutes} Minuten"]
    next_article = [
        "Verkehr",
        "Fähren fahren im Winter seltener",
        "Die Fähren über die Förde fahren von November an nur noch stündlich. Das hat die "
        "Verkehrsgesellschaft am Mittwoch mitgeteilt, nachdem die Zahl der Fahrgäste gesunken war.",
        "Im Sommer soll wieder der Halbstundentakt gelten. Die Pendler am Ostufer kritisierten die "
        "Entscheidung, weil die Busse als Ersatz deutlich länger brauchten als die Fähren.",
        "Der Fahrgastverband fordert, die Fähren wenigstens in den Stoßzeiten häufiger fahren zu "
        "lassen. Eine Entscheidung darüber will der Rat im Dezember treffen, hieß es aus dem Rathaus.",
        "Die Verkehrsgesellschaft verweist auf die gestiegenen Kosten für den Treibstoff und das "
        "Personal. Ohne einen höheren Zuschuss der Stadt sei der dichte Takt nicht zu bezahlen.",
    ]
    assert _article_lines([*teasers, *next_article]) == _ARTICLE[1:]


def test_the_editors_recommendations_after_the_article_are_not_its_text() -> None:
    after = [
        "Die Redaktion empfiehlt",
        "Hafen: Kreuzfahrtsaison beginnt früher",
        "Die ersten Schiffe legen schon im März an, weil die Reedereien ihre Routen geändert haben. "
        "Die Stadt erwartet einen Rekord an Passagieren und deutlich mehr Verkehr am Kai.",
        "Verkehr: Neue Busspur kommt später",
        "Die Bauarbeiten an der Busspur verzögern sich um mehrere Monate, weil Anwohner gegen die "
        "Pläne geklagt haben. Das Gericht will im Herbst über die Klage entscheiden.",
    ]
    assert _article_lines(after) == _ARTICLE[1:]


def test_the_sites_rights_notice_ends_the_article_before_a_hidden_dialogs_text() -> None:
    # After the footer's notice a page sets the dialogs it shows on demand: here a glossary
    # pop-up of another article, long paragraphs of prose the run took in.
    after = [
        "© Fördeblatt 2024. Alle Rechte vorbehalten.",
        "Glossar: Die Förderprogramme im Detail",
        "Das erste Programm zur Förderung der Fährlinien wurde im Jahr 2014 aufgelegt und sollte den "
        "Kommunen an der Küste helfen, ihre Flotten zu erneuern und die Takte zu verdichten.",
        "Das zweite Programm kam zwei Jahre später hinzu und richtet sich an die Betreiber kleiner "
        "Linien, die ohne Zuschüsse des Landes im Winter nicht mehr fahren könnten, heißt es.",
        "Im Rahmen des dritten Programms werden seit 2020 auch Fähren mit elektrischem Antrieb "
        "gefördert, wenn die Häfen die nötigen Ladestationen am Anleger bereitstellen können.",
    ]
    assert _article_lines(after) == _ARTICLE[1:]


def test_titles_the_site_cut_short_are_teasers_not_article_text() -> None:
    # Other articles' titles cut short by the site, links in the page; a box about the
    # publisher follows them, prose the run would reach across them.
    after = [
        "Die Stadtwerke haben im vergangenen Jahr mehr Fahrgäste als je zuvor in den Bus...",
        "Der Hafen meldet für das erste Halbjahr einen neuen Rekord bei den Passagie...",
        "Die Werft hat den Auftrag für zwei neue Fähren mit einem elektrischen Antri...",
        "Der Rat will im Dezember über die Zuschüsse für die Linien am Ostufer entsc...",
        "Die neue Busspur am Bahnhof wird wegen einer Klage der Anwohner erst im Herb...",
        "Das Hafenfest fällt in diesem Jahr aus, weil sich kein Veranstalter für die...",
        "Die alte Klappbrücke über den Kanal wird von Mai an für ein ganzes Jahr ges...",
        "Die Verkehrsgesellschaft sucht für den Sommer noch Fahrer für die Linien na...",
        "Über die Stadtwerke",
        "Die Stadtwerke betreiben seit mehr als hundert Jahren die Busse und Fähren der Stadt und "
        "beschäftigen heute rund 1200 Menschen in der Verwaltung, den Werkstätten und im Fahrdienst.",
        "Das Unternehmen gehört vollständig der Stadt und wird von einem Aufsichtsrat kontrolliert, "
        "in dem die Fraktionen des Rates und die Beschäftigten vertreten sind, wie es heißt.",
    ]
    assert _article_lines(after) == _ARTICLE[1:]


def test_a_notice_the_page_shows_twice_in_two_wordings_is_not_the_article() -> None:
    # A notice set once for narrow and once for wide screens, over the article's title and text.
    notice = "Für Links auf dieser Seite erhält das Fördeblatt gegebenenfalls eine Provision vom Händler"
    blocks = text_blocks(
        "\n".join(
            [
                *_MENU,
                f"{notice}, zum Beispiel für solche mit Symbol.",
                f"{notice}, zum Beispiel für solche mit Symbol oder grüner Unterstreichung.",
                "Neue Fähre",
                "Fähre",
                "Verkehr",
                "Hafen",
                "Wochenmarkt",
                *_ARTICLE,
                *_FOOTER,
            ]
        )
    )
    start, end = article_region(blocks)
    assert [block.text for block in blocks[start:end]] == _ARTICLE[1:]


def test_a_picture_after_the_last_paragraph_is_the_articles() -> None:
    # The article's last picture, its caption over its credit, set after its last paragraph.
    picture = ["Die beiden Schiffe liegen noch in der Werft am Ostufer.", "Foto: Stadtwerke"]
    assert _article_lines(picture) == [*_ARTICLE[1:], *picture]


def test_a_comment_section_opens_at_the_sites_rules_above_its_first_comment() -> None:
    # The rules and the log-in form stand above the first comment, whose stamp is under it: the
    # article's run of prose ran on into the first comment.
    comment = (
        "Ich finde die neue Linie überfällig, denn am Ostufer wartet man seit Jahren auf eine "
        "vernünftige Verbindung in die Stadt, gerade abends, wenn die Busse nur noch selten fahren."
    )
    after = [
        "Teilen",
        "Liebe Leserinnen und Leser!",
        "Bitte beachten Sie unsere Regeln für Kommentare. Beiträge mit Beleidigungen schalten wir "
        "nicht frei, und wir prüfen jeden Kommentar vor der Freischaltung.",
        "Sie müssen angemeldet sein, um einen Kommentar schreiben zu können",
        "Anmelden",
        "Passwort",
        "Sortiert nach: neueste | älteste",
        "Fährfan",
        comment,
        "3 Minuten her",
        "Hafenkind",
        comment.replace("überfällig", "richtig"),
        "10 Minuten her",
        "Ostuferin",
        comment.replace("überfällig", "gut"),
        "1 Stunde her",
        "Möwe",
        comment.replace("überfällig", "nötig"),
        "2 Stunden her",
    ]
    assert _article_lines(after) == _ARTICLE[1:]


def test_a_note_on_the_bylines_author_closes_the_article_with_what_follows_it() -> None:
    # The author box under the article, then the author's other articles, each a headline over
    # a summary long enough to pass for a paragraph: none of it is the article's.
    after = [
        "Anna Berger arbeitete viele Jahre als Redakteurin bei einer Tageszeitung im Norden.",
        "Mehr von Anna Berger",
        "Brückensanierung dauert länger",
        "Die Sanierung der Klappbrücke am Kanal verzögert sich um mehrere Monate, weil der Stahl "
        "stärker verrostet ist als erwartet. Autofahrer müssen bis zum Herbst Umwege fahren.",
        "Neue Radwege am Ufer",
        "Entlang des Westufers entstehen bis zum nächsten Jahr drei Kilometer neue Radwege, die "
        "die Innenstadt mit den Badestellen im Norden verbinden sollen, teilte das Amt mit.",
    ]
    blocks = text_blocks("\n".join([*_MENU, "Von Anna Berger", *_ARTICLE[1:], *after, *_FOOTER]))
    start, end = article_region(blocks)
    assert [block.text for block in blocks[start:end]] == _ARTICLE[1:]
    # A page's markdown may run the byline into the first paragraph.
    opened = [f"Von Anna Berger {_ARTICLE[1]}", *_ARTICLE[2:]]
    blocks = text_blocks("\n".join([*_MENU, *opened, *after, *_FOOTER]))
    start, end = article_region(blocks)
    assert [block.text for block in blocks[start:end]] == opened


def test_a_note_on_the_author_over_a_picture_credit_is_no_caption() -> None:
    # The note is as short as a caption and the credit of a picture the page sets next to the
    # author box stands under it: still the note closes the article.
    after = [
        "Anna Berger arbeitete viele Jahre als Redakteurin bei einer Tageszeitung im Norden.",
        "Foto: Jan Meier",
        "Mehr von Anna Berger",
    ]
    blocks = text_blocks("\n".join([*_MENU, "Von Anna Berger", *_ARTICLE[1:], *after, *_FOOTER]))
    start, end = article_region(blocks)
    assert [block.text for block in blocks[start:end]] == _ARTICLE[1:]


def test_a_paragraph_opening_with_the_authors_name_and_a_verb_is_a_note_on_them() -> None:
    openings = ("Anna Berger ",)
    assert is_author_note("Anna Berger ist Redakteurin im Ressort Verkehr und lebt in Kiel.", openings)
    # A sentence the name opens with a capitalised word is the article's ("Anna Berger Bau …").
    assert not is_author_note("Anna Berger Bau hat den Auftrag für die neue Brücke erhalten.", openings)
    assert not is_author_note("Anna Berger ist Redakteurin.", openings)


def test_a_form_under_the_article_ends_it_with_the_sites_talk_above_the_form() -> None:
    # A comment form, then the site's description of itself, prose long enough to join the run.
    after = [
        "Ihre Meinung ist gefragt",
        "Diskutieren Sie mit: Bitte achten Sie auf einen freundlichen Ton in Ihren Kommentaren.",
        "Kommentar",
        "Name *",
        "E-Mail *",
        "Der Hafenbote ist die unabhängige Zeitung für die Förde und das Umland. Seit 1950 berichtet "
        "die Redaktion täglich über Politik, Wirtschaft, Kultur und Sport in der Region.",
    ]
    assert _article_lines(after) == _ARTICLE[1:]


def test_a_share_buttons_label_alone_is_no_form() -> None:
    # "E-Mail" alone between two paragraphs is a share button, not a form's field.
    lines = [*_MENU, *_ARTICLE[:2], "E-Mail", *_ARTICLE[2:], *_FOOTER]
    blocks = text_blocks("\n".join(lines))
    start, end = article_region(blocks)
    assert [block.text for block in blocks[start:end]] == [*_ARTICLE[1:2], "E-Mail", *_ARTICLE[2:]]


def test_a_newsletter_forms_single_address_field_ends_the_article() -> None:
    # A label only a form asks for counts alone: the site's description under it is not the article's.
    after = [
        "Recherchen per Mail",
        "E-Mail-Adresse",
        "Der Hafenbote ist die unabhängige Zeitung für die Förde und das Umland. Seit 1950 berichtet "
        "die Redaktion täglich über Politik, Wirtschaft, Kultur und Sport in der Region.",
    ]
    assert _article_lines(after) == _ARTICLE[1:]


def test_a_box_marked_for_screen_readers_after_the_article_is_not_its_text() -> None:
    after = [
        "Zusätzliche Hinweise",
        "Fähren an der Förde",
        "Auf der Förde verkehren heute schon drei Linien der Stadtwerke, die zusammen rund 5000 "
        "Fahrgäste am Tag befördern; die älteste von ihnen fährt seit dem Jahr 1952 nach Plan.",
        "Im Winter fahren die Fähren seltener, an Feiertagen gilt der Sonntagsfahrplan der Linien, "
        "der auf den Seiten der Stadtwerke und an jedem Anleger aushängt, wie es dort heißt.",
        "Ende der zusätzlichen Hinweise",
    ]
    assert _article_lines(after) == _ARTICLE[1:]


def test_an_article_subheading_sharing_a_word_with_no_box_closing_stays() -> None:
    after = [
        "Neue Hinweise",
        "Auf der Förde verkehren heute schon drei Linien der Stadtwerke, die zusammen rund 5000 "
        "Fahrgäste am Tag befördern; die älteste von ihnen fährt seit dem Jahr 1952 nach Plan.",
    ]
    assert _article_lines(after) == [*_ARTICLE[1:], *after]
