"""The report: `ReportData` (plain data) in, one self-contained HTML page out.

The page needs nothing but a browser: styles are inline, charts are inline SVG, and it
carries no script at all. Its Content-Security-Policy forbids scripts and every external
load as a second line of defence behind escaping (see `markup`).
"""

from __future__ import annotations

from presseschau.report import sections
from presseschau.report.data import ReportData
from presseschau.report.markup import Markup, join, tag, void

__all__ = ["ReportData", "render_report"]

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; color: #1a202c; overflow-wrap: break-word; }
body { margin: 0 auto; max-width: 1100px; padding: 1rem 2rem; }
h1 { margin-bottom: 0; } h2 { border-bottom: 2px solid #e2e8f0; margin-top: 2.5rem; }
nav a { margin-right: 1rem; } .meta, .intro, .empty { color: #4a5568; }
.frame { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid #e2e8f0; padding: 4px 6px; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; }  /* a long unbroken token (a URL, markup left in a text) wraps too */
.num { text-align: right; } td ul { margin: 0; padding-left: 1rem; } td:first-child { white-space: nowrap; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
.card { border: 1px solid #e2e8f0; border-radius: 6px; padding: .5rem .9rem; min-width: 7rem; }
.card .value { display: block; font-size: 1.6rem; font-weight: 600; }
svg.chart { display: block; margin: 1rem 0; font-size: 12px; fill: #1a202c; }
svg.chart[data-chart="bars"] { max-width: 760px; }
svg.chart[data-chart="timeline"] { max-width: 1000px; }
.frame svg.chart { margin: 0; }
svg .small { font-size: 11px; } svg .cell { font-size: 11px; }
.legend .swatch { color: #fff; padding: 1px 6px; margin-right: 6px; border-radius: 3px; font-size: 12px; }
.claim { border-left: 4px solid #a0aec0; padding: .25rem 1rem; margin: 1rem 0; background: #f7fafc; }
.claim.conflict { border-color: #c53030; } .claim.agree { border-color: #2f855a; }
.badge { color: #fff; border-radius: 3px; padding: 1px 6px; font-size: 12px; text-transform: uppercase; }
.badge.conflict { background: #c53030; } .badge.agree { background: #2f855a; }
/* A phone: less margin, and each table row becomes a block: its first cell as a heading, the
   others as "column value" pairs that flow side by side and wrap. */
@media (max-width: 640px) {
  body { padding: .5rem 1rem; }
  .claim { padding: .25rem .6rem; }
  table, tbody, tr { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  tr { border-bottom: 1px solid #cbd5e0; padding: .4rem 0; }
  td, td.num { display: inline-block; border: 0; padding: 0; margin-right: 1rem; text-align: left;
               max-width: 100%; }
  td::before { content: attr(data-label) " "; color: #4a5568; font-size: 12px; }
  td:first-child { display: block; font-weight: 600; white-space: normal; }
  td:first-child::before { content: none; }
}
"""

_SECTIONS = (
    ("outlets", "Outlets"),
    ("entities", "Entities"),
    ("cooccurrence", "Co-occurrence"),
    ("timeline", "Timeline"),
    ("quotes", "Quotes"),
    ("claims", "Claims"),
    ("dq", "Data quality"),
    ("documents", "Documents"),
)


def render_report(data: ReportData) -> str:
    """The whole report as one HTML document."""
    head = tag(
        "head",
        [
            void("meta", charset="utf-8"),
            void("meta", http_equiv="Content-Security-Policy", content=_CSP),
            void("meta", name="viewport", content="width=device-width, initial-scale=1"),
            tag("title", data.title),
            tag("style", Markup(_STYLE)),
        ],
    )
    body = tag(
        "body",
        [
            tag(
                "header",
                [
                    tag("h1", data.title),
                    tag(
                        "p",
                        f"Generated {data.generated_at}"
                        + (f" from run {data.run_id}" if data.run_id else ""),
                        class_="meta",
                    ),
                    tag("nav", [tag("a", label, href=f"#{anchor}") for anchor, label in _SECTIONS]),
                    sections.totals(data),
                ],
            ),
            tag(
                "main",
                [
                    sections.outlets_by_day(data),
                    sections.top_entities(data),
                    sections.cooccurrence(data),
                    sections.timeline(data),
                    sections.speakers(data),
                    sections.claims(data),
                    sections.data_quality(data),
                    sections.documents(data),
                ],
            ),
        ],
    )
    return "<!DOCTYPE html>\n" + join([tag("html", [head, body], lang="de")]) + "\n"
