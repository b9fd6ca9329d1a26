"""Scores of the development corpus as table rows and lists of misses (for `presseschau eval`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from presseschau.corpus.metrics import FIELDS, Tally
from presseschau.corpus.score import OURS, TRAFILATURA, PageScore, html_on_shown, misdetected, summary

_HEADERS = {"published": "date", "body_precision": "body P", "body_recall": "body R"}
COLUMNS = ["reading", *(_HEADERS.get(key, key) for key in FIELDS), "misread"]


def table_rows(
    scores: Sequence[PageScore], sets: Iterable[str] = ("all",), counts: bool = False
) -> list[tuple[str, ...]]:
    """One row per shape and system (and source set, if not all): each field's score, or with
    `counts` the number of checks; `misread`: pages our ingest took for another shape or
    rejected. Beside a text shape, when HTML is scored too, a row of our HTML scores on the
    checks that shape has ("html, same checks")."""
    shapes = list(dict.fromkeys(score.shape for score in scores))
    rows = []
    for source in sets:
        tallies = summary(scores, source)
        suffix = "" if source == "all" else f" · {source} set"
        for shape in shapes:
            for system in (OURS, TRAFILATURA):
                if (shape, system) in tallies:
                    label = shape if system == OURS else f"{shape} ({system})"
                    misread = _misread(scores, shape, source) if system == OURS else ""
                    rows.append((label + suffix, *_cells(tallies[(shape, system)], counts), misread))
            if shape != "html" and (shape, OURS) in tallies and ("html", OURS) in tallies:
                same = html_on_shown(scores, shape, source)
                rows.append((f"{shape}: html, same checks{suffix}", *_cells(same, counts), ""))
    return rows


def miss_lines(scores: Sequence[PageScore], fields: Iterable[str] = FIELDS, system: str = OURS) -> list[str]:
    """What `system` missed, by shape and field, worst first; pages read as another shape first."""
    lines = []
    wanted = list(fields)
    for shape in dict.fromkeys(score.shape for score in scores):
        shaped = [score for score in scores if score.shape == shape]
        if system == OURS:
            lines += [
                f"{shape} misread: {score.page}: detected {score.detected}" for score in misdetected(shaped)
            ]
        tallies = summary(shaped).get((shape, system), {})
        for key in wanted:
            tally = tallies.get(key)
            if tally is not None:
                lines += [f"{shape} {key}: {miss}" for _, miss in sorted(tally.misses, key=lambda m: m[0])]
    return lines


def _cells(tallies: dict[str, Tally], counts: bool) -> list[str]:
    return [
        str(len(tally.scores)) if counts else "" if tally.value is None else f"{tally.value:.3f}"
        for tally in (tallies[key] for key in FIELDS)
    ]


def _misread(scores: Iterable[PageScore], shape: str, source: str) -> str:
    pages = [score for score in scores if score.shape == shape and source in ("all", score.source)]
    return str(len(misdetected(pages)))
