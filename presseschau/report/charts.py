"""Charts as inline SVG: no script, no external file, readable offline, in print and on a phone.

Text in a chart is never scaled. A chart either stretches with the page, its marks placed in
percent of its width (bars, timeline), or keeps its natural size, small enough for a phone,
and the page frames it so that it scrolls on its own when its data make it wider (heatmap,
network). Drawing at 720 px and scaling down to a phone left labels 5 px high.

Each function takes plain numbers and labels and returns one `<svg class="chart">` element;
every label goes through `markup`, so data never becomes markup.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from presseschau.report.markup import Markup, clip, tag, void

# Each takes white text at WCAG AA (≥ 4.5:1): the legend writes type names on them.
_PALETTE = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#2c7a7b", "#975a16", "#4a5568")
_AXIS = "#4a5568"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def colour(key: str, keys: Sequence[str]) -> str:
    """A stable colour per category (entity type, outlet) from a small palette."""
    return _PALETTE[keys.index(key) % len(_PALETTE)] if key in keys else _PALETTE[-1]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two `#rrggbb` colours: 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(fill: str, opacity: float, background: str = "#ffffff") -> str:
    """The colour `fill` painted at `opacity` over `background` shows, as `#rrggbb`."""
    mixed = (
        round(opacity * f + (1 - opacity) * b)
        for f, b in zip(_channels(fill), _channels(background), strict=True)
    )
    return "#" + "".join(f"{c:02x}" for c in mixed)


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on `background` (either passes AA on any colour)."""
    return max(("#000000", "#ffffff"), key=lambda ink: contrast_ratio(ink, background))


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in (v / 255 for v in _channels(colour))
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _svg(kind: str, label: str, width: float | str, height: float, content: list[Markup]) -> Markup:
    return tag(
        "svg",
        content,
        class_="chart",
        data_chart=kind,
        role="img",
        aria_label=label,
        width=width if isinstance(width, str) else math.ceil(width),
        height=math.ceil(height),
    )


def bar_chart(rows: Sequence[tuple[str, int, str]], label: str) -> Markup:
    """Horizontal bars, one per (name, value, colour), longest first as given; the name and the
    value on a line above each bar, so that the chart fits any width without shrinking text."""
    row_height = 30
    peak = max((value for _, value, _ in rows), default=0)
    parts = [
        tag(
            "g",
            [
                tag("title", f"{name}: {value}"),
                tag("text", clip(name, 40), x=0, y=i * row_height + 13),
                tag("text", value, x="100%", y=i * row_height + 13, text_anchor="end"),
                void(
                    "rect",
                    x=0,
                    y=i * row_height + 17,
                    width=f"{100 * _share(value, peak):.1f}%",
                    height=10,
                    rx=2,
                    fill=fill,
                ),
            ],
        )
        for i, (name, value, fill) in enumerate(rows)
    ]
    return _svg("bars", label, "100%", max(len(rows), 1) * row_height, parts)


def heatmap(
    rows: Sequence[str], columns: Sequence[str], cells: dict[tuple[str, str], int], label: str
) -> Markup:
    """A grid of rows × columns; the darker a cell, the larger its count (shown in it, in black
    or white as reads better on that cell)."""
    labels = [clip(row, 22) for row in rows]
    # Room for the longest row label at 8 px a character of 12-px type (wide fonts take 7.6).
    left, top, cell_width, cell_height = 16 + 8 * max(map(len, labels), default=0), 78, 40, 26
    peak = max(cells.values(), default=0)
    parts: list[Markup] = []
    for j, column in enumerate(columns):
        x = left + j * cell_width + cell_width / 2
        parts.append(
            tag(
                "text",
                column,
                x=f"{x:.1f}",
                y=top - 6,
                transform=f"rotate(-60 {x:.1f} {top - 6})",
                class_="small",
            )
        )
    for i, (row, row_label) in enumerate(zip(rows, labels, strict=True)):
        y = top + i * cell_height
        parts.append(tag("text", row_label, x=left - 8, y=y + 17, text_anchor="end"))
        for j, column in enumerate(columns):
            count = cells.get((row, column), 0)
            x = left + j * cell_width
            opacity = 0.08 + 0.92 * _share(count, peak) if count > 0 else 0.04
            shown = blend(_PALETTE[0], opacity)
            parts.append(
                tag(
                    "g",
                    [
                        tag("title", f"{row}, {column or 'undated'}: {count}"),
                        void(
                            "rect",
                            x=f"{x:.1f}",
                            y=y,
                            width=cell_width - 2,
                            height=cell_height - 2,
                            fill=shown,
                        ),
                        tag(
                            "text",
                            count or "",
                            x=f"{x + cell_width / 2 - 1:.1f}",
                            y=y + 17,
                            text_anchor="middle",
                            fill=text_colour(shown),
                            class_="cell",
                        ),
                    ],
                )
            )
    # Room on the right for the last column's slanted label.
    width = left + len(columns) * cell_width + 40
    return _svg("heatmap", label, width, top + max(len(rows), 1) * cell_height + 4, parts)


def network(
    nodes: Sequence[tuple[str, int, str]], edges: Sequence[tuple[str, str, int]], label: str
) -> Markup:
    """An arc diagram: nodes (name, weight, colour) in a column, heaviest first, each pair named
    together joined by an arc on the right whose width grows with its weight. Labels sit in
    their own column, so none crosses another at any number of nodes."""
    row, label_right, bulge = 26, 150, 170
    x = label_right + 14
    position = {name: 16 + i * row for i, (name, _, _) in enumerate(nodes)}
    span = max((len(nodes) - 1) * row, 1)
    peak_edge = max((w for _, _, w in edges), default=0)
    peak_node = max((w for _, w, _ in nodes), default=0)
    parts: list[Markup] = []
    for a, b, weight in edges:
        if a in position and b in position and a != b:
            top, bottom = sorted((position[a], position[b]))
            # A semicircle would bulge by half the distance; flattened so the widest fits `bulge`.
            radius_y, radius_x = (bottom - top) / 2, bulge * (bottom - top) / span
            parts.append(
                tag(
                    "path",
                    tag("title", f"{a} – {b}: {weight}"),
                    d=f"M{x},{top} A{radius_x:.1f},{radius_y:.1f} 0 0 1 {x},{bottom}",
                    fill="none",
                    stroke="#718096",
                    stroke_opacity="0.6",
                    stroke_width=f"{0.75 + 6 * _share(weight, peak_edge):.1f}",
                )
            )
    for name, weight, fill in nodes:
        y = position[name]
        parts.append(
            tag(
                "g",
                [
                    tag("title", f"{name}: {weight}"),
                    void("circle", cx=x, cy=y, r=f"{4 + 7 * _share(weight, peak_node):.1f}", fill=fill),
                    tag("text", clip(name, 22), x=label_right, y=y + 4, text_anchor="end"),
                ],
            )
        )
    return _svg("network", label, x + bulge + 12, 16 + max(len(nodes), 1) * row, parts)


Period = tuple[dt.date, dt.date, str, int]
"""A date as the texts name it: first day, last day (the same for a day), label, weight."""


def timeline(periods: Sequence[Period], label: str) -> Markup:
    """Dates on a labelled time axis scaled to where they are: a day is a dot, a month or year a
    bar across it; the larger its weight, the larger the mark.

    When half the weight falls in a stretch under a quarter of the whole range (a month of
    events, and years mentioned in passing), a second axis shows that stretch in detail, and
    the overview above it marks where it lies.
    """
    if not periods:
        return _svg("timeline", label, "100%", 40, [tag("text", "no dates", x=0, y=24)])
    first, last = min(p[0] for p in periods), max(p[0] for p in periods)
    peak = max(p[3] for p in periods)
    everything = f"{first.isoformat()} – {last.isoformat()}"
    key = tag(
        "text",
        [
            tag("tspan", "●", fill=_PALETTE[1]),
            " a day   ",
            tag("tspan", "▬", fill=_PALETTE[0], fill_opacity="0.6"),
            " a month or a year, across it",
        ],
        x=0,
        y=0,
        class_="small key",
    )
    focus = _focus(periods)
    if focus is None:
        strip = _axis("whole", periods, _padded(first, last), 0, 190, peak, f"Dates mentioned, {everything}")
        return _svg("timeline", label, "100%", 210, [strip, _moved(key, 204)])
    detail = _padded(*focus)
    before = sum(1 for p in periods if p[1] < detail[0])
    after = sum(1 for p in periods if p[0] > detail[1])
    parts = [
        _axis(
            "overview", periods, _padded(first, last), 0, 90, peak, f"All dates, {everything}", band=detail
        ),
        _axis(
            "detail", periods, detail, 100, 190, peak, f"Detail: {focus[0]} – {focus[1]}, half the mentions"
        ),
        _moved(key, 304),
    ]
    if before:
        parts.append(tag("text", f"◀ {before} earlier", x=0, y=112, class_="small"))
    if after:
        parts.append(tag("text", f"{after} later ▶", x="100%", y=112, text_anchor="end", class_="small"))
    return _svg("timeline", label, "100%", 310, parts)


def _moved(text: Markup, y: int) -> Markup:
    return tag("g", text, transform=f"translate(0 {y})")


# The axis runs between these shares of the chart's width, so edge labels stay inside.
_AXIS_FROM, _AXIS_TO = 4.0, 96.0


def _axis(
    role: str,
    periods: Sequence[Period],
    span: tuple[dt.date, dt.date],
    top: int,
    height: int,
    peak: int,
    title: str,
    *,
    band: tuple[dt.date, dt.date] | None = None,
) -> Markup:
    """One time axis over `span` in a strip `height` high from `top`, with ticks, a title and
    the marks of the periods it reaches. The overview (with a `band`) draws every date as a dot."""
    start, end = span
    days = max((end - start).days, 1)

    def x_of(day: dt.date) -> float:
        share = min(max((day - start).days / days, 0.0), 1.0)
        return _AXIS_FROM + (_AXIS_TO - _AXIS_FROM) * share

    axis_y = top + height - 50
    parts: list[Markup] = []
    if band is not None:
        left, right = x_of(band[0]), x_of(band[1])
        parts.append(
            void(
                "rect",
                x=f"{left:.2f}%",
                y=top + 8,
                width=f"{right - left:.2f}%",
                height=axis_y - top - 8,
                fill="#e2e8f0",
            )
        )
    parts.append(
        void(
            "line", x1=f"{_AXIS_FROM}%", y1=axis_y, x2=f"{_AXIS_TO}%", y2=axis_y, stroke=_AXIS, class_="axis"
        )
    )
    for tick, text in _ticks(start, end):
        x = x_of(tick)
        anchor = "start" if x < 12 else "end" if x > 88 else "middle"
        parts.append(void("line", x1=f"{x:.2f}%", y1=axis_y, x2=f"{x:.2f}%", y2=axis_y + 5, stroke=_AXIS))
        parts.append(tag("text", text, x=f"{x:.2f}%", y=axis_y + 18, text_anchor=anchor, class_="small tick"))
    parts.append(tag("text", title, x=f"{_AXIS_FROM}%", y=axis_y + 36, class_="small axis-title"))
    lanes = max((axis_y - top - 16) // 22, 1)
    shown = [p for p in sorted(periods) if p[1] >= start and p[0] <= end]
    for i, (first, last, name, weight) in enumerate(shown):
        if band is not None or first == last:
            y = axis_y - 8 if band is not None else axis_y - 12 - (i % lanes) * 22
            size = 3.0 if band is not None else 3 + 6 * math.sqrt(_share(weight, peak))
            mark = void(
                "circle",
                cx=f"{x_of(first):.2f}%",
                cy=y,
                r=f"{size:.1f}",
                fill=_PALETTE[1],
                fill_opacity="0.8",
            )
        else:
            y, size = axis_y - 12 - (i % lanes) * 22, 3 + 6 * math.sqrt(_share(weight, peak))
            mark = void(
                "rect",
                x=f"{x_of(first):.2f}%",
                y=f"{y - size / 2:.1f}",
                width=f"{max(x_of(last) - x_of(first), 0.4):.2f}%",
                height=f"{size:.1f}",
                fill=_PALETTE[0],
                fill_opacity="0.45",
            )
        parts.append(tag("g", [tag("title", f"{name}: {weight}"), mark], data_date=first.isoformat()))
    return tag("g", parts, class_=role)


def _focus(periods: Sequence[Period]) -> tuple[dt.date, dt.date] | None:
    """The shortest stretch of first days holding half the weight, if it is under a quarter of
    the whole range (a cluster worth a detailed axis); None when the dates are spread out."""
    ordered = sorted((p[0], p[3]) for p in periods)
    total = sum(max(w, 0) for _, w in ordered)
    whole = (ordered[-1][0] - ordered[0][0]).days
    if total <= 0:
        return None
    best: tuple[dt.date, dt.date] | None = None
    held, left = 0, 0
    for right, (day, weight) in enumerate(ordered):
        held += max(weight, 0)
        while left < right and held - max(ordered[left][1], 0) >= total / 2:
            held -= max(ordered[left][1], 0)
            left += 1
        if held >= total / 2 and (best is None or (day - ordered[left][0]) < (best[1] - best[0])):
            best = (ordered[left][0], day)
    if best is None or whole == 0 or (best[1] - best[0]).days * 4 > whole:
        return None
    return best


def _padded(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The range with a margin of 5 % (at least a day) on each side, so no mark sits on an edge."""
    margin = dt.timedelta(days=max(1, (last - first).days // 20))
    return first - margin, last + margin


def _ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """A few ticks at whole years, months or days, whichever unit suits the span: at most as many
    as leave room for each label on a phone. Day ticks leave the year to the axis title."""
    days = (end - start).days
    if days > 3 * 365:
        years = range(start.year + 1, end.year + 1)
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000) if len(years) / s <= 6)
        return [(dt.date(y, 1, 1), str(y)) for y in years if y % step == 0]
    if days > 75:
        months = range(start.year * 12 + start.month, end.year * 12 + end.month)  # after start's month
        step = next(s for s in (1, 2, 3, 6, 12) if len(months) / s <= 5)
        firsts = [dt.date(m // 12, m % 12 + 1, 1) for m in months if m % 12 % step == 0]
        return [(day, f"{_MONTHS[day.month - 1]} {day.year}") for day in firsts]
    step = next(s for s in (1, 2, 3, 7, 14, 30) if days / s <= 5)
    every = [start + dt.timedelta(days=n) for n in range(1, days + 1) if n % step == 0]
    return [(day, f"{day.day} {_MONTHS[day.month - 1]}") for day in every]


def _share(value: float, peak: float) -> float:
    """`value` as a share of the largest value (0..1); nothing is negative on a chart."""
    return max(value, 0) / peak if peak > 0 else 0.0
