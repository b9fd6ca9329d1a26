"""The headline of an HTML page (presseschau.clean.html_title), on small handmade pages."""

from __future__ import annotations

from presseschau.clean import clean_document

_BODY = (
    "<p>Der Stadtrat hat am Abend nach langer Debatte beschlossen, den Radweg am Fluss zu verbreitern.</p>"
    "<p>Die Arbeiten sollen im Frühjahr beginnen und bis zum Herbst abgeschlossen sein, sagte die Stadt.</p>"
)


def _page(head: str, h1: str = "", body: str = _BODY) -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{h1}{body}</article></body></html>"


def _title(head: str, h1: str = "") -> str | None:
    return clean_document(_page(head, h1), "html").title


def _json_ld(headline: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{headline}"}}</script>'


def test_entities_a_page_escaped_twice_are_decoded() -> None:
    head = _json_ld("Stadt will Radweg zerst&ouml;ren &#8211; und neu bauen")
    assert _title(head) == "Stadt will Radweg zerstören – und neu bauen"
    og = '<meta property="og:title" content="Der &amp;quot;neue&amp;quot; Radweg">'
    assert _title(og) == 'Der "neue" Radweg'


def test_site_name_section_and_date_leave_the_title() -> None:
    site = '<meta property="og:site_name" content="mosel.example">'
    assert _title(site + "<title>Radweg wird breiter – MOSEL – 28.04.2023</title>") == "Radweg wird breiter"
    canonical = '<link rel="canonical" href="https://www.flussbote.example/stadt/radweg-1.html">'
    title = "<title>Radweg wird breiter - Stadtpolitik - Nachrichten - Flussbote</title>"
    assert _title(canonical + title) == "Radweg wird breiter"
    forum = "<title>Wird der Radweg jetzt breiter? | Forum | Radler-Treff.example</title>"
    assert _title(forum) == "Wird der Radweg jetzt breiter?"
    assert _title("<title>flussbote.example - Radweg wird breiter</title>") == "Radweg wird breiter"


def test_a_headline_is_not_cut_at_a_name_like_part() -> None:
    site = '<meta property="og:site_name" content="Flussbote">'
    assert _title(site + "<title>Bayern - Dortmund - Flussbote</title>") == "Bayern - Dortmund"
    # A page that sets application-name to its headline does not lose the headline's parts.
    head = '<meta name="application-name" content="Radweg am Fluss - Stadtrat entscheidet">'
    assert (
        _title(head + _json_ld("Radweg am Fluss - Stadtrat entscheidet"))
        == "Radweg am Fluss - Stadtrat entscheidet"
    )


def test_the_visible_headline_wins_over_a_social_title() -> None:
    head = (
        '<meta property="og:title" content="Das müssen Radfahrer jetzt wissen">'
        + "<title>Stadtrat stimmt für breiteren Radweg | Flussbote</title>"
    )
    assert (
        _title(head, "<h1>Stadtrat stimmt für breiteren Radweg</h1>")
        == "Stadtrat stimmt für breiteren Radweg"
    )


def test_a_kicker_set_apart_in_the_h1_is_not_part_of_the_headline() -> None:
    head = '<meta property="og:title" content="Stadtrat stimmt für breiteren Radweg - Streit beigelegt">'
    h1 = (
        '<h1><span class="top">Streit beigelegt</span> <span>Stadtrat stimmt für breiteren Radweg</span></h1>'
    )
    assert _title(head, h1) == "Stadtrat stimmt für breiteren Radweg"
    # ... unless a meta title writes kicker and headline as one, as the page shows them.
    head = '<meta property="og:title" content="Radweg: Stadtrat stimmt zu">'
    assert _title(head, "<h1><span>Radweg</span><span>: </span><span>Stadtrat stimmt zu</span></h1>") == (
        "Radweg: Stadtrat stimmt zu"
    )


def test_an_h1_no_meta_title_names_is_passed_over() -> None:
    head = '<meta property="og:title" content="Stadtrat stimmt für breiteren Radweg">'
    h1s = "<h1>Flussbote</h1><h1>Lokales</h1>"
    assert _title(head, h1s) == "Stadtrat stimmt für breiteren Radweg"


def test_an_h1_in_the_navigation_is_a_breadcrumb_not_the_headline() -> None:
    # The breadcrumb's current item carries the social title; the article states its headline.
    head = _json_ld("Radweg wird breiter: Stadtrat entscheidet nach langer Debatte") + (
        '<meta property="og:title" content="Jetzt ist es fix: Der Radweg am Fluss kommt">'
    )
    breadcrumb = (
        '<nav><ol><li><a href="/">Start</a></li>'
        "<li><h1>Jetzt ist es fix: Der Radweg am Fluss kommt</h1></li></ol></nav>"
    )
    assert _title(head, breadcrumb) == "Radweg wird breiter: Stadtrat entscheidet nach langer Debatte"


def test_the_one_element_marked_as_headline_is_the_headline() -> None:
    # Marked and named by a meta title: it wins over an <h1> that only the SEO title names.
    head = (
        '<meta property="og:title" content="Fünf Zahlen, die zeigen, wie breit der neue Radweg wird">'
        "<title>Wie breit wird der Radweg? | Flussbote</title>"
    )
    h1 = (
        '<div class="crumbs"><h1>Wie breit wird der Radweg?</h1></div>'
        '<h2 itemprop="headline">Fünf Zahlen, die zeigen, wie breit der neue Radweg wird</h2>'
    )
    assert _title(head, h1) == "Fünf Zahlen, die zeigen, wie breit der neue Radweg wird"
    # Marked, and no meta title names it: the page's own statement still beats its SEO title.
    head = '<meta property="og:title" content="Radweg: Stadtrat sagt Ja">'
    h1 = '<h1 itemprop="headline">Der Stadtrat sagt Ja zum breiteren Radweg am Fluss</h1>'
    assert _title(head, h1) == "Der Stadtrat sagt Ja zum breiteren Radweg am Fluss"
    # A page marking many headlines marks a list of teasers: the <h1> stays the headline.
    teasers = "".join(f'<h3 itemprop="headline">Radweg am Fluss {n}</h3>' for n in range(3))
    head = '<meta property="og:title" content="Radweg am Fluss 1">'
    assert (
        _title(head, "<h1>Radweg am Fluss 1 wird breiter</h1>" + teasers) == "Radweg am Fluss 1 wird breiter"
    )
