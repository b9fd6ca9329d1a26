"""The report renderer: a self-contained page, charts present, and data never becomes markup."""

from __future__ import annotations

import pytest

from presseschau.report import ReportData, render_report
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
        pairs=(Pair(EVIL, "Kreml", 2, 1, EVIL),),
        timeline=(TimelineDate("2025-02-12", "day", "2025-02-12", 2, 2, (EVIL,), EVIL),),
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
        pairs=(Pair("Donald Trump", "Ukraine", 12, 3, "Trump sprach über die Ukraine."),),
        timeline=(
            TimelineDate(
                "2022-02", "month", "2022-02-01", 1, 1, ("Angriff",), "Seit dem Angriff im Februar 2022"
            ),
            TimelineDate(
                "2025-02-12", "day", "2025-02-12", 2, 2, ("Telefonat",), "Am 12. Februar telefonierte"
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
        pairs=(Pair("X", "Y", value, value, None), Pair("Y", "Z", 1, 1, None)),
        timeline=(
            TimelineDate("2025", "year", "2025-01-01", value, value, (), None),
            TimelineDate("2024-05", "month", "2024-05-01", 4, 1, (), None),
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
