"""When an HTML page was published (presseschau.clean.html_dates), on small handmade pages."""

from __future__ import annotations

from presseschau.clean import clean_document

_BODY = (
    "<p>Der Stadtrat hat am Abend nach langer Debatte beschlossen, den Radweg am Fluss zu verbreitern.</p>"
    "<p>Die Arbeiten sollen im Frühjahr beginnen und bis zum Herbst abgeschlossen sein, sagte die Stadt.</p>"
    "<p>Anwohner hatten sich seit Jahren über den schmalen Weg beschwert, auf dem es oft eng wurde.</p>"
)


def _published(head: str, header: str = "", footer: str = "") -> str | None:
    page = (
        f"<!DOCTYPE html><html><head>{head}</head><body><article><h1>Radweg wird breiter</h1>"
        f"{header}{_BODY}</article><footer>{footer}</footer></body></html>"
    )
    return clean_document(page, "html").published


def test_a_page_without_date_metadata_gets_the_full_date_search() -> None:
    canonical = (
        '<link rel="canonical" href="https://www.flussbote.example/2024/03/05/radweg-wird-breiter.html">'
    )
    assert _published(canonical) == "2024-03-05"


def test_the_date_printed_under_the_headline_comes_before_a_meta_date_of_a_later_change() -> None:
    head = '<meta name="date" content="2020-04-29T11:52:23">'
    assert (
        _published(head, '<p class="text"><span>Stand: 28.04.2020 18:00 Uhr</span></p>') == "2020-04-28T18:00"
    )
    # An update line counts only when the header prints no other date.
    header = "<p>Aktualisiert: 11.04.2020, 10:27</p><p>Veröffentlicht: 03.04.2020</p>"
    assert _published(head, header) == "2020-04-03"


def test_dates_of_related_articles_are_not_the_page_date() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-10-15"}</script>'
    )
    related = "<div>Lesen Sie auch</div><a><h3>Pokal-Aus für den Nachbarn</h3><p>1. November 2023</p></a>"
    assert _published(head, related) == "2023-10-15"


def test_a_publication_line_anywhere_beats_the_search() -> None:
    footer = "<p>Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023<br></p>"
    assert _published("", footer=footer) == "2023-11-01"


def test_a_published_stamp_on_any_element() -> None:
    header = '<p class="date" itemprop="datePublished" content="2022-01-14 10:31:00">Januar 2022</p>'
    assert _published("", header) == "2022-01-14T10:31"


def test_the_full_search_reads_a_date_beside_other_words_but_not_in_running_text() -> None:
    assert _published("", '<div class="meta">mh 15. Oktober 2023</div>') == "2023-10-15"
    story = "<p>Am 12. März 2024 begann der Umbau, wie die Stadt am Abend in einer Mitteilung schrieb.</p>"
    assert _published("", story) is None


def test_a_date_beside_its_byline_under_the_headline_is_the_printed_date() -> None:
    head = '<meta property="article:published_time" content="2021-12-14T15:41:07+01:00">'
    header = '<p class="meta">04.02.2022 | 15:33 Uhr | Dennis Steimels</p>'
    assert _published(head, header) == "2022-02-04T15:33"
    # A date beside other words under the headline dates a picture, not the article.
    caption = "<p>Der Radweg am Fluss im Sommer | 03.01.2022</p>"
    assert _published(head, caption) == "2021-12-14T15:41"


def test_a_line_saying_when_the_article_was_created_beats_the_search() -> None:
    head = '<meta name="date" content="11/01/2023 12:43:42">'  # month first: not read
    assert _published(head, footer="<p>Erstellt am: 01.11.2023</p>") == "2023-11-01"


def test_a_date_label_in_an_element_of_its_own_is_read_with_its_value() -> None:
    facts = (
        "<ul><li><strong>Datum</strong> 28.04.2023</li><li><strong>Autorin</strong> Eva Beispiel</li></ul>"
    )
    teaser = '<div class="more"><h2>Pegel steigt <span class="date">24.04.2023</span></h2></div>'
    assert _published("", footer=teaser + facts) == "2023-04-28"


def _dated_page(before: str, article: str) -> str | None:
    page = (
        f"<!DOCTYPE html><html><head></head><body>{before}"
        f"<div><h2>Radweg wird breiter</h2>{article}</div></body></html>"
    )
    return clean_document(page, "html").published


def test_the_time_in_the_sites_header_over_its_menu_is_not_the_articles() -> None:
    site = (
        '<header><time datetime="2023-11-01T13:56:20+01:00">Mittwoch, 01. November 2023</time>'
        '<nav><a href="/">Start</a><a href="/stadt">Stadt</a></nav></header>'
    )
    assert _dated_page(site, f"<p>31. Oktober 2023. {_BODY[3:]}") == "2023-10-31"


def test_a_stamp_run_into_the_first_paragraph_dates_the_article() -> None:
    assert _dated_page("", f"<p>31. Oktober 2023. {_BODY[3:]}") == "2023-10-31"
    # A date that a sentence names is not a stamp.
    story = (
        "<p>Am 31. Oktober 2023 hat der Stadtrat nach langer Debatte beschlossen, den Weg zu verbreitern.</p>"
    )
    assert _dated_page("", story + _BODY) is None


def test_the_pages_teaser_of_itself_dates_it() -> None:
    head = '<meta property="og:url" content="https://www.flussbote.example/stadt/radweg-wird-breiter-1234">'
    teasers = (
        '<article><h3><a href="/stadt/neue-brücke-1200">Neue Brücke</a></h3>'
        "<footer>01. Juli 2020</footer></article>"
        '<article><h3><a href="/stadt/radweg-wird-breiter-1234">Radweg wird breiter</a></h3>'
        "<footer>18. März 2020</footer></article>"
    )
    assert _published(head, footer=teasers) == "2020-03-18"
