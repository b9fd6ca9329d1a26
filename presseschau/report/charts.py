"""Charts as inline SVG: no script, no external file, readable offline and in print.

Each function takes plain numbers and labels and returns one `<svg class="chart">`
element; every label goes through `markup`, so data never becomes markup.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from presseschau.report.markup import Markup, tag, void

WIDTH = 720
_PALETTE = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#2c7a7b", "#975a16", "#4a5568")


def colour(key: str, keys: Sequence[str]) -> str:
    """A stable colour per category (entity type, outlet) from a small palette."""
    return _PALETTE[keys.index(key) % len(_PALETTE)] if key in keys else _PALETTE[-1]


def _svg(kind: str, label: str, height: float, content: list[Markup], width: float = WIDTH) -> Markup:
    return tag(
        "svg",
        content,
        class_="chart",
        data_chart=kind,
        role="img",
        aria_label=label,
        viewBox=f"0 0 {math.ceil(width)} {math.ceil(height)}",
        width=math.ceil(width),
        height=math.ceil(height),
    )


def bar_chart(rows: Sequence[tuple[str, int, str]], label: str) -> Markup:
    """Horizontal bars, one per (name, value, colour), longest first as given."""
    row_height, left = 22, 220
    peak = max((value for _, value, _ in rows), default=0)
    parts: list[Markup] = []
    for i, (name, value, fill) in enumerate(rows):
        y = i * row_height
        length = (WIDTH - left - 50) * _share(value, peak)
        parts.append(
            tag(
                "g",
                [
                    tag("title", f"{name}: {value}"),
                    tag("text", _clip(name, 30), x=left - 8, y=y + 15, text_anchor="end"),
                    void("rect", x=left, y=y + 3, width=f"{length:.1f}", height=row_height - 6, fill=fill),
                    tag("text", value, x=f"{left + length + 6:.1f}", y=y + 15),
                ],
            )
        )
    return _svg("bars", label, max(len(rows), 1) * row_height + 4, parts)


def heatmap(
    rows: Sequence[str], columns: Sequence[str], cells: dict[tuple[str, str], int], label: str
) -> Markup:
    """A grid of rows × columns; the darker a cell, the larger its count (shown in it)."""
    left, top, cell_height = 160, 70, 24
    cell_width = max(14.0, min(48.0, (WIDTH - left - 10) / max(len(columns), 1)))
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
    for i, row in enumerate(rows):
        y = top + i * cell_height
        parts.append(tag("text", _clip(row, 22), x=left - 8, y=y + 16, text_anchor="end"))
        for j, column in enumerate(columns):
            count = cells.get((row, column), 0)
            x = left + j * cell_width
            parts.append(
                tag(
                    "g",
                    [
                        tag("title", f"{row}, {column or 'undated'}: {count}"),
                        void(
                            "rect",
                            x=f"{x:.1f}",
                            y=y,
                            width=f"{cell_width - 2:.1f}",
                            height=cell_height - 2,
                            fill=_PALETTE[0],
                            fill_opacity=f"{0.08 + 0.92 * _share(count, peak):.2f}" if count > 0 else "0.04",
                        ),
                        tag(
                            "text",
                            count or "",
                            x=f"{x + cell_width / 2 - 1:.1f}",
                            y=y + 16,
                            text_anchor="middle",
                            class_="cell",
                        ),
                    ],
                )
            )
    width = max(WIDTH, left + len(columns) * cell_width + 10)
    return _svg("heatmap", label, top + max(len(rows), 1) * cell_height + 4, parts, width)


def network(
    nodes: Sequence[tuple[str, int, str]], edges: Sequence[tuple[str, str, int]], label: str
) -> Markup:
    """Nodes (name, weight, colour) on a circle; an edge's width grows with its weight."""
    radius = 190.0
    centre, middle = WIDTH / 2, radius + 30
    position = {
        name: (
            centre + radius * math.cos(2 * math.pi * i / max(len(nodes), 1) - math.pi / 2),
            middle + radius * math.sin(2 * math.pi * i / max(len(nodes), 1) - math.pi / 2),
        )
        for i, (name, _, _) in enumerate(nodes)
    }
    peak_edge = max((w for _, _, w in edges), default=0)
    peak_node = max((w for _, w, _ in nodes), default=0)
    parts: list[Markup] = []
    for a, b, weight in edges:
        if a in position and b in position:
            (x1, y1), (x2, y2) = position[a], position[b]
            parts.append(
                tag(
                    "line",
                    tag("title", f"{a} – {b}: {weight}"),
                    x1=f"{x1:.1f}",
                    y1=f"{y1:.1f}",
                    x2=f"{x2:.1f}",
                    y2=f"{y2:.1f}",
                    stroke="#718096",
                    stroke_opacity="0.6",
                    stroke_width=f"{0.5 + 7 * _share(weight, peak_edge):.1f}",
                )
            )
    for name, weight, fill in nodes:
        x, y = position[name]
        outward = x >= centre
        parts.append(
            tag(
                "g",
                [
                    tag("title", f"{name}: {weight}"),
                    void(
                        "circle",
                        cx=f"{x:.1f}",
                        cy=f"{y:.1f}",
                        r=f"{5 + 10 * _share(weight, peak_node):.1f}",
                        fill=fill,
                    ),
                    tag(
                        "text",
                        _clip(name, 24),
                        x=f"{x + (18 if outward else -18):.1f}",
                        y=f"{y + 4:.1f}",
                        text_anchor="start" if outward else "end",
                    ),
                ],
            )
        )
    return _svg("network", label, 2 * middle, parts)


def timeline(points: Sequence[tuple[dt.date, str, int]], label: str) -> Markup:
    """Dates (day, label, weight) on a time axis; a circle's area grows with its weight."""
    left, right, axis_y = 40, WIDTH - 40, 150
    if not points:
        return _svg("timeline", label, 40, [tag("text", "no dates", x=left, y=24)])
    first, last = min(p[0] for p in points), max(p[0] for p in points)
    span = max((last - first).days, 1)
    peak = max(p[2] for p in points)

    def x_of(day: dt.date) -> float:
        return left + (right - left) * (day - first).days / span

    parts: list[Markup] = [void("line", x1=left, y1=axis_y, x2=right, y2=axis_y, stroke="#4a5568")]
    for year in range(first.year, last.year + 1):
        tick = dt.date(year, 1, 1)
        if first <= tick <= last or year == first.year:
            x = x_of(max(tick, first))
            parts.append(
                void("line", x1=f"{x:.1f}", y1=axis_y, x2=f"{x:.1f}", y2=axis_y + 6, stroke="#4a5568")
            )
            parts.append(tag("text", year, x=f"{x:.1f}", y=axis_y + 20, text_anchor="middle", class_="small"))
    for i, (day, name, weight) in enumerate(sorted(points)):
        x = x_of(day)
        y = axis_y - 20 - (i % 5) * 24
        parts.append(
            tag(
                "g",
                [
                    tag("title", f"{name}: {weight}"),
                    void("line", x1=f"{x:.1f}", y1=y, x2=f"{x:.1f}", y2=axis_y, stroke="#cbd5e0"),
                    void(
                        "circle",
                        cx=f"{x:.1f}",
                        cy=y,
                        r=f"{3 + 7 * math.sqrt(_share(weight, peak)):.1f}",
                        fill=_PALETTE[1],
                        fill_opacity="0.8",
                    ),
                ],
            )
        )
    return _svg("timeline", label, axis_y + 30, parts)


def _share(value: float, peak: float) -> float:
    """`value` as a share of the largest value (0..1); nothing is negative on a chart."""
    return max(value, 0) / peak if peak > 0 else 0.0


def _clip(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
