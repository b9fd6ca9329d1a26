"""Scoring the development corpus in any shape: our cleaning, and trafilatura on the HTML pages.

Our reading goes through the functions the flow uses (`decode_bytes`, then `clean_document`
on the detected format, as `presseschau.article` does; extraction is not needed for these
fields). trafilatura reads the same HTML bytes with its defaults and its metadata
(`bare_extraction(..., with_metadata=True)`: its full date search included); its authors
are its `author` string split at ";".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import trafilatura
from trafilatura.settings import Document

from presseschau.clean import clean_document
from presseschau.corpus.build import SHAPES, ShapedPage, build
from presseschau.corpus.metrics import Check, Reading, Tally, check_page, tally
from presseschau.ingest import RejectedInput, decode_bytes

OURS, TRAFILATURA = "presseschau", "trafilatura"


@dataclass(frozen=True)
class PageScore:
    """The checks of one system's reading of one page in one shape."""

    page: str
    shape: str
    system: str
    source: str
    detected: str
    checks: tuple[Check, ...]


def read_ours(content: bytes) -> Reading:
    """The page as the flow reads it: decoded, its format detected, cleaned."""
    try:
        decoded = decode_bytes(content)
    except RejectedInput as error:
        return Reading("", detected=f"rejected: {error.reason}")
    clean = clean_document(decoded.text, decoded.format)
    return Reading(clean.body, clean.title, clean.published, clean.authors, decoded.format)


def read_trafilatura(content: bytes) -> Reading:
    """trafilatura's reading of an HTML page, with its defaults and metadata."""
    document = trafilatura.bare_extraction(content, with_metadata=True)
    if not isinstance(document, Document):  # None: nothing found (a dict only when asked for one)
        return Reading("", detected="html")
    authors = tuple(name.strip() for name in (document.author or "").split(";") if name.strip())
    return Reading(document.text or "", document.title, document.date, authors, "html")


def score_pages(pages: Iterable[ShapedPage], with_trafilatura: bool = True) -> Iterator[PageScore]:
    """Our reading of every page (and trafilatura's of the HTML ones) with its checks."""
    for page in pages:
        readers = [(OURS, read_ours)]
        if page.shape == "html" and with_trafilatura:
            readers.append((TRAFILATURA, read_trafilatura))
        for system, read in readers:
            reading = read(page.content)
            yield PageScore(
                page.name,
                page.shape,
                system,
                page.gold.get("source", ""),
                reading.detected,
                tuple(check_page(reading, page.gold)),
            )


def score_corpus(
    corpus: Path, shapes: Iterable[str] = SHAPES, with_trafilatura: bool = True
) -> list[PageScore]:
    """Every page of `corpus` in `shapes`, scored (see `score_pages`)."""
    return list(score_pages(build(corpus, shapes), with_trafilatura))


def summary(scores: Iterable[PageScore], source: str = "all") -> dict[tuple[str, str], dict[str, Tally]]:
    """Tallies by (shape, system) and field, over the pages of `source` (`all` for every set)."""
    grouped: dict[tuple[str, str], list[tuple[str, Check]]] = {}
    for score in scores:
        if source in ("all", score.source):
            grouped.setdefault((score.shape, score.system), []).extend(
                (score.page, check) for check in score.checks
            )
    return {key: tally(checks) for key, checks in grouped.items()}


def html_on_shown(scores: Iterable[PageScore], shape: str, source: str = "all") -> dict[str, Tally]:
    """Our HTML scores restricted to the checks `shape` has (the fields and snippets it still
    shows, on the same pages): what the issue's "within 0.05 of HTML" compares against."""
    scores = [score for score in scores if score.system == OURS and source in ("all", score.source)]

    def key(score: PageScore, check: Check) -> tuple[str, str, str]:
        return score.page.rsplit(".", 1)[0], check.field, check.item

    shown = {key(score, check) for score in scores if score.shape == shape for check in score.checks}
    return tally(
        (score.page, check)
        for score in scores
        if score.shape == "html"
        for check in score.checks
        if key(score, check) in shown
    )


def misdetected(scores: Iterable[PageScore]) -> list[PageScore]:
    """Pages our ingest took for another shape than the one they were rendered in."""
    return [score for score in scores if score.system == OURS and score.detected != score.shape]
