"""What the report shows, as plain data: filled by warehouse/report_data.py, rendered here."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OutletDay:
    outlet: str
    day: str
    """ISO day, or "" for documents without a publication date."""
    documents: int


@dataclass(frozen=True)
class EntityCount:
    name: str
    type: str
    documents: int
    mentions: int
    outlets: int


@dataclass(frozen=True)
class Pair:
    """Two entities named together: in `sentences` sentences of `documents` documents."""

    a: str
    type_a: str
    b: str
    type_b: str
    sentences: int
    documents: int
    example: str | None


@dataclass(frozen=True)
class TimelineDate:
    date: str
    precision: str
    period_start: str | None
    period_end: str | None
    """Last day of the period the date names (the day itself for a day)."""
    mentions: int
    documents: int
    events: tuple[str, ...]
    sentence: str | None


@dataclass(frozen=True)
class SpeakerQuotes:
    speaker: str
    quotes: int
    documents: int
    outlets: tuple[str, ...]
    examples: tuple[str, ...]


@dataclass(frozen=True)
class ClaimValue:
    value: str
    documents: tuple[str, ...]
    outlets: tuple[str, ...]
    texts: tuple[str, ...]
    """The value as the documents word it."""
    sentence: str | None
    less_precise: bool


@dataclass(frozen=True)
class Claim:
    event: str
    participants: tuple[str, ...]
    fact: str
    verdict: str
    """conflict | agree"""
    within_document: bool
    summary: str
    values: tuple[ClaimValue, ...]


@dataclass(frozen=True)
class Validation:
    step: str
    contract: str
    rows_in: int
    rows_out: int
    rows_quarantined: int


@dataclass(frozen=True)
class Failure:
    step: str
    check: str
    failures: int
    example: str | None


@dataclass(frozen=True)
class DocumentRow:
    doc_id: str
    outlet: str | None
    title: str | None
    published: str | None
    words: int
    status: str


@dataclass(frozen=True)
class ReportData:
    """Everything one report shows; lists are already ranked and cut to size."""

    title: str
    generated_at: str
    run_id: str | None
    totals: tuple[tuple[str, int], ...] = ()
    outlet_days: tuple[OutletDay, ...] = ()
    top_entities: tuple[EntityCount, ...] = ()
    pairs: tuple[Pair, ...] = ()
    timeline: tuple[TimelineDate, ...] = ()
    speakers: tuple[SpeakerQuotes, ...] = ()
    claims: tuple[Claim, ...] = ()
    validations: tuple[Validation, ...] = ()
    failures: tuple[Failure, ...] = ()
    documents: tuple[DocumentRow, ...] = field(default=())
