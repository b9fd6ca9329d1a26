"""The report in a real headless Chromium, at a phone's width and a desktop's: it renders with
its charts, nothing scrolls sideways, chart labels are readable, no table cell is cut, numbers
on coloured cells pass WCAG AA, the timeline spreads a month of events over its axis; and an
article carrying script or event-handler markup runs nothing.

Chromium is the Debian package `chromium`; `.ci/ensure-chromium.sh` installs it when it is
missing. The tests skip only when it cannot be installed, and say why. Full-page screenshots
go to $PRESSESCHAU_SCREENSHOTS (or the test's temporary folder); the test prints where.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from presseschau.cli import app
from presseschau.report.charts import contrast_ratio
from tests.browser import FLAGS, Browser
from tests.report_page import Page

REPO = Path(__file__).resolve().parent.parent
XSS_ARTICLE = REPO / "tests" / "fixtures" / "report" / "xss_article.txt"
SECTIONS = ("outlets", "entities", "cooccurrence", "timeline", "quotes", "claims", "dq", "documents")
SMALLEST_LABEL_PX = 11.0
AA = 4.5


def _installed() -> str | None:
    return next(
        (p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))), None
    )


@pytest.fixture(scope="module")
def chromium() -> str:
    found = _installed()
    if found is None:
        installing = subprocess.run(
            ["bash", str(REPO / ".ci" / "ensure-chromium.sh")], capture_output=True, text=True, timeout=1200
        )
        found = _installed()
        if found is None:
            pytest.skip(f"Chromium is missing and could not be installed: {installing.stderr.strip()[-400:]}")
    return found


def dom_after_load(chromium: str, page: Path, tmp_path: Path) -> str:
    """The DOM after `--virtual-time-budget` let any script the page carries run."""
    return subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip


def write_report(db: Path, output: Path) -> Path:
    result = CliRunner().invoke(app, ["report", "--db", str(db), "--output", str(output)])
    assert result.exit_code == 0, result.output
    return output


def png_size_and_ink(png: bytes) -> tuple[int, int, float]:
    """Width, height and the share of non-white bytes of a PNG's pixel data (0: blank page)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    data, at = b"", 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        if png[at + 4 : at + 8] == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    pixels = zlib.decompress(data)
    return width, height, sum(1 for b in pixels[::97] if b != 0xFF) / len(pixels[::97])


def screenshot_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PRESSESCHAU_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# What the page measures of itself, in CSS pixels as laid out (one evaluation, JSON back).
MEASURE = r"""
(() => {
  const box = (e) => e.getBoundingClientRect();
  const colour = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
  const charts = [...document.querySelectorAll('svg.chart')];
  const labels = charts.flatMap((svg) => [...svg.querySelectorAll('text')].map((t) => {
    const m = t.getScreenCTM(), b = box(t), s = box(svg);
    return {chart: svg.dataset.chart, text: t.textContent,
            px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
            outside: t.textContent.length > 0 && (b.left < s.left - 1 || b.right > s.right + 1
                                                  || b.top < s.top - 1 || b.bottom > s.bottom + 1)};
  }));
  const cells = [...document.querySelectorAll('svg[data-chart="heatmap"] text.cell')]
    .filter((t) => t.textContent).map((t) => ({
      text: t.textContent, ink: colour(getComputedStyle(t).fill),
      paper: colour(getComputedStyle(t.parentNode.querySelector('rect')).fill)}));
  const badges = [...document.querySelectorAll('.swatch, .badge')].map((e) => ({
      text: e.textContent, ink: colour(getComputedStyle(e).color),
      paper: colour(getComputedStyle(e).backgroundColor)}));
  const timelines = [...document.querySelectorAll('svg[data-chart="timeline"] line.axis')].map((axis) => {
    const strip = axis.parentNode, a = box(axis);
    const days = [...strip.querySelectorAll('g[data-date^="2025-02"] circle, g[data-date^="2025-03"] circle')]
      .map((c) => box(c).left + box(c).width / 2);
    return {length: a.width, spread: days.length ? Math.max(...days) - Math.min(...days) : 0,
            ticks: [...strip.querySelectorAll('text.tick')].map((t) => t.textContent),
            title: strip.querySelector('text.axis-title')?.textContent};
  });
  return {
    viewport: window.innerWidth, page: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    sections: [...document.querySelectorAll('section')].map((s) => s.id),
    charts: charts.map((c) => c.dataset.chart),
    marks: document.querySelectorAll('svg.chart rect, svg.chart circle').length,
    labels, cells, badges, timelines,
    cut: [...document.querySelectorAll('th, td')].filter((c) => c.scrollWidth > c.clientWidth + 1
                                                          && getComputedStyle(c).display !== 'none')
      .map((c) => c.textContent.slice(0, 40)),
    frames: [...document.querySelectorAll('.frame')].filter((f) => f.scrollWidth > f.clientWidth + 1)
      .map((f) => f.firstElementChild.outerHTML.slice(0, 60)),
  };
})()
"""


def hex_colour(rgb: list[float]) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in rgb)


@pytest.fixture(scope="module")
def sample_report(sample_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(sample_warehouse, tmp_path_factory.mktemp("report") / "report.html")


@pytest.fixture(scope="module", params=[(390, True), (1400, False)], ids=["phone", "desktop"])
def rendered(
    request: pytest.FixtureRequest,
    chromium: str,
    sample_report: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Any]:
    """The sample report laid out at a phone's width (390 px) or a desktop's (1400 px): what the
    page measures of itself, and a full-page screenshot."""
    width, mobile = request.param
    tmp_path = tmp_path_factory.mktemp(f"browser{width}")
    screenshot = screenshot_dir(tmp_path) / f"report-{width}px.png"
    with Browser(chromium, tmp_path / "profile") as browser:
        browser.open(sample_report.as_uri(), width, 900, mobile=mobile)
        page: dict[str, Any] = browser.evaluate(MEASURE)
        browser.screenshot(screenshot)
    print(f"\nscreenshot of the report at {width} px: {screenshot}")
    return page | {"width": width, "screenshot": screenshot}


def test_the_report_renders_every_section_and_chart(rendered: dict[str, Any]) -> None:
    assert rendered["sections"] == list(SECTIONS)
    assert set(rendered["charts"]) == {"heatmap", "bars", "network", "timeline"} and rendered["marks"] > 20
    shot_width, _, ink = png_size_and_ink(rendered["screenshot"].read_bytes())
    assert shot_width == rendered["client"] and ink > 0.01, "the screenshot is the page, not a blank one"


def test_nothing_scrolls_sideways(rendered: dict[str, Any]) -> None:
    assert rendered["viewport"] == rendered["width"], "a phone did not have to zoom out to fit the page"
    assert rendered["page"] <= rendered["client"], "the page does not scroll sideways"
    assert rendered["frames"] == [], "no chart or table of the samples scrolls inside its frame either"


def test_no_table_cell_is_cut(rendered: dict[str, Any]) -> None:
    assert rendered["cut"] == []


def test_chart_labels_are_readable_and_inside_their_chart(rendered: dict[str, Any]) -> None:
    labels = rendered["labels"]
    small = [(x["chart"], x["text"], round(x["px"], 1)) for x in labels if x["px"] < SMALLEST_LABEL_PX]
    assert small == [], f"chart labels under {SMALLEST_LABEL_PX} px"
    assert [(x["chart"], x["text"]) for x in labels if x["outside"]] == [], "labels cut at a chart's edge"


def test_text_on_coloured_cells_and_badges_passes_wcag_aa(rendered: dict[str, Any]) -> None:
    painted = rendered["cells"] + rendered["badges"]
    assert len(rendered["cells"]) >= 3 and len(rendered["badges"]) >= 4
    low = [
        (x["text"], ratio)
        for x in painted
        if (ratio := round(contrast_ratio(hex_colour(x["ink"]), hex_colour(x["paper"])), 2)) < AA
    ]
    assert low == [], f"text under WCAG AA contrast ({AA}:1)"


def test_the_timeline_spreads_a_month_of_events_over_a_labelled_axis(rendered: dict[str, Any]) -> None:
    """The samples date a month of events (12 February – 18 March 2025) among years named in passing."""
    axes = rendered["timelines"]
    spread = max(axis["spread"] / axis["length"] for axis in axes)
    assert spread >= 0.3, f"the month of events takes {spread:.1%} of its axis"
    for axis in axes:
        assert len(axis["ticks"]) >= 2 and axis["title"], f"an axis has labelled ticks and a title: {axis}"


def test_an_article_with_script_markup_runs_nothing(chromium: str, tmp_path: Path) -> None:
    from flows.pipeline import run_pipeline
    from warehouse.store import reader

    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(XSS_ARTICLE, inputs / XSS_ARTICLE.name)
    db = tmp_path / "xss.duckdb"
    run_pipeline([str(inputs)], str(db))
    with reader(db) as con:
        (title,) = con.execute("SELECT title FROM clean.documents").fetchone() or ("",)
    report = write_report(db, tmp_path / "report.html")
    assert "<script>" in report.read_text() or "&lt;script&gt;" in report.read_text()

    dom = dom_after_load(chromium, report, tmp_path)
    page = Page(dom)
    assert "pwned" not in dom.split("</title>")[0], "no script changed the page title"
    assert not {"script", "img"} & page.tags and not page.event_handlers
    assert not [attrs for _, attrs in page.elements if attrs.get("id") == "pwned"]
    visible = "".join(page.text)
    assert "<script>" in visible, "the article's markup is shown as text"
    assert title and title in visible, "the stored title is on the page, as written"
