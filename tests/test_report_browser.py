"""The report in a real headless Chromium: it renders, its charts are there, a screenshot is
taken, and an article carrying script or event-handler markup runs nothing.

Chromium is the Debian package `chromium`; `.ci/ensure-chromium.sh` installs it when it is
missing. The tests skip only when it cannot be installed, and say why.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presseschau.cli import app
from tests.report_page import Page

REPO = Path(__file__).resolve().parent.parent
XSS_ARTICLE = REPO / "tests" / "fixtures" / "report" / "xss_article.txt"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SECTIONS = ("outlets", "entities", "cooccurrence", "timeline", "quotes", "claims", "dq", "documents")


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


def browse(chromium: str, page: Path, tmp_path: Path, *action: str) -> subprocess.CompletedProcess[str]:
    """Open `page` in a fresh profile; `--virtual-time-budget` lets any script run before the action."""
    return subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000",
         *action, page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip


def dom_after_load(chromium: str, page: Path, tmp_path: Path) -> str:
    return browse(chromium, page, tmp_path, "--dump-dom").stdout


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


def test_the_report_renders_with_its_charts(chromium: str, sample_warehouse: Path, tmp_path: Path) -> None:
    report = write_report(sample_warehouse, tmp_path / "report.html")
    dom = dom_after_load(chromium, report, tmp_path)
    for anchor in SECTIONS:
        assert f'<section id="{anchor}">' in dom
    for chart in ("heatmap", "bars", "network", "timeline"):
        assert f'data-chart="{chart}"' in dom, f"the {chart} chart is missing"
    assert dom.count("<rect") > 5 and dom.count("<circle") > 3, "charts have marks"

    screenshot = tmp_path / "report.png"
    browse(chromium, report, tmp_path, f"--screenshot={screenshot}", "--window-size=1280,3000")
    width, height, ink = png_size_and_ink(screenshot.read_bytes())
    assert (width, height) == (1280, 3000)
    assert ink > 0.01, "the screenshot shows more than a blank page"


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
