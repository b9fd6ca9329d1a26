"""The report renderer: a self-contained page, charts present, and data never becomes markup."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from presseschau.report import ReportData, charts, render_report
from presseschau.report.data import (
    Claim,
    ClaimValue,
    DocumentRow,
    EntityCount,
    Failure,
    OutletDay,
    Pair,
    SpeakerQuotes,
    TimelineDate,
    Validation,
)
from presseschau.report.markup import Markup, tag, text, void
from presseschau.report.sections import ENTITY_TYPES, TEXT_CHARS
from tests.report_page import Page

SCRIPT = "<script>document.title='pwned'</script>"
IMG = "<img src=x onerror=\"document.title='pwned'\">"
ATTR = "\" onmouseover=\"document.title='pwned'"
EVIL = f"{SCRIPT} {IMG} {ATTR}"


def evil_data() -> ReportData:
    """Every field a document or the warehouse can fill carries the payload."""
    return ReportData(
        title=f"Report {EVIL}",
        generated_at="2025-02-24 10:00 UTC",
        run_id=EVIL,
        totals=((EVIL, 3),),
        outlet_days=(OutletDay(EVIL, "2025-02-12", 2), OutletDay("DW", "", 1)),
        top_entities=(EntityCount(EVIL, "PER", 3, 9, 2), EntityCount("Kreml", "ORG", 1, 1, 1)),
        pairs=(Pair(EVIL, "PER", "Kreml", "ORG", 2, 1, EVIL),),
        timeline=(TimelineDate("2025-02-12", "day", "2025-02-12", "2025-02-12", 2, 2, (EVIL,), EVIL),),
        speakers=(SpeakerQuotes(EVIL, 2, 1, (EVIL,), (EVIL,)),),
        claims=(
            Claim(
                EVIL,
                (EVIL,),
                EVIL,
                "conflict",
                False,
                EVIL,
                (ClaimValue(EVIL, (EVIL,), (EVIL,), (EVIL,), EVIL, False),),
            ),
        ),
        validations=(Validation(EVIL, EVIL, 1, 1, 0),),
        failures=(Failure(EVIL, EVIL, 1, EVIL),),
        documents=(DocumentRow(EVIL, EVIL, EVIL, EVIL, 10, "ok"),),
    )


def sample_data() -> ReportData:
    return ReportData(
        title="Presseschau",
        generated_at="2025-02-24 10:00 UTC",
        run_id="run-1",
        totals=(("documents", 3), ("quotes", 4)),
        outlet_days=(OutletDay("DW", "2025-02-24", 1), OutletDay("n-ag.de", "", 2)),
        top_entities=(EntityCount("Donald Trump", "PER", 3, 40, 2), EntityCount("Ukraine", "LOC", 3, 30, 2)),
        pairs=(Pair("Donald Trump", "PER", "Ukraine", "LOC", 12, 3, "Trump sprach über die Ukraine."),),
        timeline=(
            TimelineDate(
                "2022-02",
                "month",
                "2022-02-01",
                "2022-02-28",
                1,
                1,
                ("Angriff",),
                "Seit dem Angriff im Februar 2022",
            ),
            TimelineDate(
                "2025-02-12",
                "day",
                "2025-02-12",
                "2025-02-12",
                2,
                2,
                ("Telefonat",),
                "Am 12. Februar telefonierte",
            ),
        ),
        speakers=(
            SpeakerQuotes("Kristine Berzina", 5, 1, ("DW",), ("Die Menschen sind sich nicht sicher",)),
        ),
        claims=(
            Claim(
                "Telefonat",
                ("Donald Trump", "Wladimir Putin"),
                "date",
                "conflict",
                False,
                "2025-02-12 [2 documents] vs 2025-02-13 [1 document]",
                (
                    ClaimValue(
                        "2025-02-12", ("b", "c"), ("DW",), ("12. Februar",), "Am 12. Februar …", False
                    ),
                    ClaimValue("2025-02-13", ("a",), ("n-ag.de",), ("13. Februar 2025",), "Am 13. …", False),
                ),
            ),
        ),
        validations=(Validation("clean", "CleanDocuments", 3, 3, 0),),
        documents=(DocumentRow("a", "n-ag.de", "Titel", None, 500, "ok"),),
    )


def test_document_text_is_shown_never_run() -> None:
    html = render_report(evil_data())
    page = Page(html)
    assert not {"script", "img", "iframe", "object", "embed"} & page.tags
    assert not page.event_handlers
    visible = "".join(page.text)
    assert SCRIPT in visible and IMG in visible, "the payload is shown as text"
    assert visible.count(SCRIPT) >= 20, "every field carried the payload into the page, escaped"


def test_page_is_self_contained_and_forbids_scripts() -> None:
    html = render_report(sample_data())
    assert html.startswith("<!DOCTYPE html>")
    assert "http://" not in html and "https://" not in html and "src=" not in html
    policies = [a.get("content") or "" for name, a in Page(html).elements
                if name == "meta" and a.get("http-equiv") == "Content-Security-Policy"]  # fmt: skip
    assert len(policies) == 1 and "default-src 'none'" in policies[0] and "script-src" not in policies[0]


def test_every_section_and_chart_is_present() -> None:
    html = render_report(sample_data())
    for anchor in ("outlets", "entities", "cooccurrence", "timeline", "quotes", "claims", "dq", "documents"):
        assert f'<section id="{anchor}">' in html
    for chart in ("heatmap", "bars", "network", "timeline"):
        assert f'data-chart="{chart}"' in html
    assert html.count('<svg class="chart"') == 5  # two bar charts: entities and speakers
    assert "2025-02-12 [2 documents] vs 2025-02-13 [1 document]" in html
    assert "CONFLICT" in html.upper() and "undated" in html


def test_an_empty_warehouse_renders_with_explanations() -> None:
    html = render_report(ReportData(title="Leer", generated_at="now", run_id=None))
    page = Page(html)
    visible = " ".join(page.text)
    for message in ("No documents.", "No entities.", "No dates mentioned.", "No attributed quotes."):
        assert message in visible
    assert "No claim is reported by two sources." in visible


@pytest.mark.parametrize("value", [0, -1, 10**12])
def test_charts_take_any_count(value: int) -> None:
    data = ReportData(
        title="t",
        generated_at="now",
        run_id=None,
        outlet_days=(OutletDay("A", "2025-01-01", value), OutletDay("B", "2025-01-02", 3)),
        top_entities=(EntityCount("X", "PER", value, value, 0), EntityCount("Y", "LOC", 2, 2, 1)),
        pairs=(Pair("X", "PER", "Y", "LOC", value, value, None), Pair("Y", "LOC", "Z", "ORG", 1, 1, None)),
        timeline=(
            TimelineDate("2025", "year", "2025-01-01", "2025-12-31", value, value, (), None),
            TimelineDate("2024-05", "month", "2024-05-01", "2024-05-31", 4, 1, (), None),
        ),
    )
    assert render_report(data).count('<svg class="chart"') == 4


def test_markup_escapes_text_and_attributes_but_keeps_markup() -> None:
    assert text('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    assert tag("p", ["a < b", tag("b", "&")], class_='x" onclick="y') == (
        '<p class="x&quot; onclick=&quot;y">a &lt; b<b>&amp;</b></p>'
    )
    assert void("rect", fill_opacity="0.5", data_x=None) == '<rect fill-opacity="0.5"/>'
    assert tag("style", Markup("a > b {}")) == "<style>a > b {}</style>"


def test_contrast_ratio_follows_wcag() -> None:
    assert charts.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert charts.contrast_ratio("#ffffff", "#767676") == pytest.approx(
        4.54, abs=0.01
    )  # the lightest AA grey
    assert charts.contrast_ratio("#2b6cb0", "#2b6cb0") == 1
    assert charts.blend("#2b6cb0", 0.5) == "#95b6d8" and charts.blend("#2b6cb0", 1) == "#2b6cb0"


def test_a_count_is_readable_on_every_shade_of_the_heatmap() -> None:
    for step in range(101):
        shade = charts.blend("#2b6cb0", step / 100)
        assert charts.contrast_ratio(charts.text_colour(shade), shade) >= 4.5, shade


def test_white_type_names_on_the_legend_colours_pass_aa() -> None:
    for kind in ENTITY_TYPES:
        assert charts.contrast_ratio("#ffffff", charts.colour(kind, ENTITY_TYPES)) >= 4.5, kind


def test_the_network_colours_each_entity_by_its_own_type() -> None:
    """ "Deutschland" is not among the top entities; it was drawn in the colour of MISC."""
    data = ReportData(
        title="t",
        generated_at="now",
        run_id=None,
        top_entities=(EntityCount("Donald Trump", "PER", 3, 40, 2),),
        pairs=(Pair("Deutschland", "LOC", "Donald Trump", "PER", 2, 1, None),),
    )
    network = render_report(data).split('data-chart="network"')[1].split("</svg>")[0]
    for name, kind in (("Deutschland", "LOC"), ("Donald Trump", "PER")):
        assert f'<title>{name}: 2</title><circle cx="164" cy="' in network
        circle = network.split(f"<title>{name}: 2</title>")[1].split("/>")[0]
        assert f'fill="{charts.colour(kind, ENTITY_TYPES)}"' in circle, (name, circle)


def _periods(*days: str) -> list[charts.Period]:
    return [(dt.date.fromisoformat(d), dt.date.fromisoformat(d), d, 1) for d in days]


def test_the_timeline_details_a_cluster_of_dates_on_its_own_labelled_axis() -> None:
    cluster = _periods("2016-05-01", "2019-01-01", "2025-02-12", "2025-02-13", "2025-02-22", "2025-03-18")
    svg = charts.timeline(cluster, "t")
    assert '<g class="overview">' in svg and '<g class="detail">' in svg
    detail = svg.split('<g class="detail">')[1]
    assert "Detail: 2025-02-12 – 2025-02-22, half the mentions" in detail
    assert re.findall(r'class="small tick">([^<]+)<', detail) == ["14 Feb", "17 Feb", "20 Feb", "23 Feb"]
    assert "2 earlier" in svg and "1 later" in svg
    spread = charts.timeline(
        _periods("2016-05-01", "2018-01-01", "2020-06-01", "2022-03-01", "2025-02-12"), "t"
    )
    assert '<g class="whole">' in spread and "detail" not in spread, "dates spread out share one axis"
    assert re.findall(r'class="small tick">([^<]+)<', spread) == ["2016", "2018", "2020", "2022", "2024"]
    assert "Dates mentioned, 2016-05-01 – 2025-02-12" in spread


def test_a_runaway_sentence_is_cut_in_its_cell() -> None:
    """Markup left in a page once made a 51,139-character "sentence", 22,000 px high on a phone."""
    runaway = "<div class=x>" * 4000
    data = ReportData(
        title="t", generated_at="now", run_id=None, pairs=(Pair("A", "PER", "B", "LOC", 1, 1, runaway),)
    )
    cells = [text for text in Page(render_report(data)).text if text.startswith("<div")]
    assert cells and all(len(text) <= TEXT_CHARS and text.endswith("…") for text in cells)
