"""One function per report section: plain data in, a `<section>` of escaped HTML out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from presseschau.report import charts
from presseschau.report.data import Claim, ReportData
from presseschau.report.markup import Markup, clip, tag

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
TEXT_CHARS = 400
"""Longest text a table cell shows: a sentence is shorter; a "sentence" of markup left in a page
once filled a phone screen 22,000 px high."""


def section(anchor: str, heading: str, intro: str, *content: Markup) -> Markup:
    return tag("section", [tag("h2", heading), tag("p", intro, class_="intro"), *content], id=anchor)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[int] = ()) -> Markup:
    """A table; columns whose index is in `numeric` are right-aligned. Each cell carries its
    column's name, which a narrow screen shows beside the value when it stacks the cells."""
    head = tag(
        "thead",
        tag("tr", [tag("th", h, class_="num" if i in numeric else None) for i, h in enumerate(headers)]),
    )
    body = tag(
        "tbody",
        [
            tag(
                "tr",
                [
                    tag(
                        "td",
                        clip(cell, TEXT_CHARS) if isinstance(cell, str) else cell,
                        class_="num" if i in numeric else None,
                        data_label=headers[i],
                    )
                    for i, cell in enumerate(row)
                ],
            )
            for row in rows
        ],
    )
    return framed(tag("table", [head, body]))


def framed(content: Markup) -> Markup:
    """`content` of its own width (a table, a chart of natural size) in a frame that scrolls
    sideways when the screen is narrower, so the page itself never does."""
    return tag("div", content, class_="frame")


def empty(message: str) -> Markup:
    return tag("p", message, class_="empty")


def totals(data: ReportData) -> Markup:
    cards = [
        tag("div", [tag("span", value, class_="value"), tag("span", name)], class_="card")
        for name, value in data.totals
    ]
    return tag("div", cards, class_="cards")


def outlets_by_day(data: ReportData) -> Markup:
    # "undated" sorts after every ISO day, so undated documents get the last column.
    cells = {(row.outlet, row.day or "undated"): row.documents for row in data.outlet_days}
    outlets = sorted({outlet for outlet, _ in cells})
    days = sorted({day for _, day in cells})
    chart = (
        framed(charts.heatmap(outlets, days, cells, "Documents per outlet and day"))
        if cells
        else empty("No documents.")
    )
    return section(
        "outlets",
        "Documents per outlet and day",
        "Stored documents (status ok) by outlet and publication day; undated documents in their own column.",
        chart,
    )


def top_entities(data: ReportData) -> Markup:
    rows = [(e.name, e.documents, charts.colour(e.type, ENTITY_TYPES)) for e in data.top_entities]
    content = (
        [
            _legend(),
            charts.bar_chart(rows, "Top entities by documents"),
            table(
                ["entity", "type", "documents", "mentions", "outlets"],
                [(e.name, e.type, e.documents, e.mentions, e.outlets) for e in data.top_entities],
                numeric=(2, 3, 4),
            ),
        ]
        if rows
        else [empty("No entities.")]
    )
    return section(
        "entities", "Top entities", "Entities ranked by the number of documents mentioning them.", *content
    )


def cooccurrence(data: ReportData) -> Markup:
    weights: dict[str, int] = {}
    types: dict[str, str] = {}
    for pair in data.pairs:
        weights[pair.a] = weights.get(pair.a, 0) + pair.sentences
        weights[pair.b] = weights.get(pair.b, 0) + pair.sentences
        types |= {pair.a: pair.type_a, pair.b: pair.type_b}
    nodes = [
        (name, weight, charts.colour(types[name], ENTITY_TYPES))
        for name, weight in sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    ]
    content = (
        [
            _legend(),
            framed(
                charts.network(
                    nodes,
                    [(p.a, p.b, p.sentences) for p in data.pairs],
                    "Entities named in the same sentences",
                )
            ),
            table(
                ["entity", "entity", "sentences", "documents", "example sentence"],
                [(p.a, p.b, p.sentences, p.documents, p.example) for p in data.pairs],
                numeric=(2, 3),
            ),
        ]
        if data.pairs
        else [empty("No two entities share a sentence.")]
    )
    return section(
        "cooccurrence",
        "Co-occurrence",
        "Pairs of entities named in the same sentence; an arc is thicker the more sentences name both.",
        *content,
    )


def _legend() -> Markup:
    """The colour of each entity type, as the bars and the network use them."""
    return tag(
        "p",
        [
            tag("span", t, class_="swatch", style=f"background:{charts.colour(t, ENTITY_TYPES)}")
            for t in ENTITY_TYPES
        ],
        class_="legend",
    )


def timeline(data: ReportData) -> Markup:
    periods = [
        (first, _day(t.period_end) or first, f"{t.date} ({t.mentions}×)", t.mentions)
        for t in data.timeline
        if (first := _day(t.period_start)) is not None
    ]
    content = (
        [
            charts.timeline(periods, "Dates mentioned in the texts"),
            table(
                ["date", "precision", "mentions", "documents", "events", "sentence"],
                [
                    (t.date, t.precision, t.mentions, t.documents, ", ".join(t.events), t.sentence)
                    for t in data.timeline
                ],
                numeric=(2, 3),
            ),
        ]
        if data.timeline
        else [empty("No dates mentioned.")]
    )
    return section(
        "timeline", "Timeline", "Dates the articles mention, with the events they are given for.", *content
    )


def speakers(data: ReportData) -> Markup:
    content = (
        [
            charts.bar_chart(
                [(s.speaker, s.quotes, charts.colour("PER", ENTITY_TYPES)) for s in data.speakers],
                "Quotes by speaker",
            ),
            table(
                ["speaker", "quotes", "documents", "outlets", "longest quotes"],
                [
                    (
                        s.speaker,
                        s.quotes,
                        s.documents,
                        ", ".join(s.outlets),
                        tag("ul", [tag("li", f"„{clip(q, TEXT_CHARS)}“") for q in s.examples]),
                    )
                    for s in data.speakers
                ],
                numeric=(1, 2),
            ),
        ]
        if data.speakers
        else [empty("No attributed quotes.")]
    )
    return section("quotes", "Quotes by speaker", "Who is quoted, how often and where.", *content)


def claims(data: ReportData) -> Markup:
    content = [_claim(claim) for claim in data.claims] or [empty("No claim is reported by two sources.")]
    return section(
        "claims",
        "Conflicting claims",
        "The same fact about one event (an event word such as Telefonat or Angriff, and the entities "
        "involved) as different documents, or one document twice, state it: dates, durations, amounts.",
        *content,
    )


def _claim(claim: Claim) -> Markup:
    scope = "inside one document" if claim.within_document else "across documents"
    heading = tag(
        "h3",
        [
            tag("span", claim.verdict, class_=f"badge {claim.verdict}"),
            f" {claim.event} — {claim.fact} ({scope})",
        ],
    )
    who = tag("p", f"Involved: {', '.join(claim.participants) or 'unknown'}. {claim.summary}", class_="who")
    rows = [
        (
            value.value + (" (less precise)" if value.less_precise else ""),
            " / ".join(value.texts),
            ", ".join(value.outlets),
            ", ".join(value.documents),
            value.sentence,
        )
        for value in claim.values
    ]
    return tag(
        "article",
        [heading, who, table(["value", "as written", "outlets", "documents", "sentence"], rows)],
        class_=f"claim {claim.verdict}",
    )


def data_quality(data: ReportData) -> Markup:
    content = [
        table(
            ["step", "contract", "rows in", "rows out", "quarantined"],
            [(v.step, v.contract, v.rows_in, v.rows_out, v.rows_quarantined) for v in data.validations],
            numeric=(2, 3, 4),
        )
        if data.validations
        else empty("No validation recorded."),
        table(
            ["step", "check", "rows", "example"],
            [(f.step, f.check, f.failures, f.example) for f in data.failures],
            numeric=(2,),
        )
        if data.failures
        else empty("No row was quarantined."),
    ]
    return section(
        "dq",
        "Data quality",
        f"Validations of run {data.run_id or '—'}: rows checked against each "
        "step's contract, and what failed.",
        *content,
    )


def documents(data: ReportData) -> Markup:
    return section(
        "documents",
        "Documents",
        "Every document with its outlet, date, length and status.",
        table(
            ["document", "outlet", "title", "published", "words", "status"],
            [(d.doc_id, d.outlet, d.title, d.published, d.words, d.status) for d in data.documents],
            numeric=(4,),
        )
        if data.documents
        else empty("No documents."),
    )


def _day(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None
