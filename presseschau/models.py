"""The dataclasses that text logic returns.

Every pure function in this package takes strings and returns these frozen
dataclasses; `flows/` turns them into DataFrames and `warehouse/` stores them.
Offsets (`start`, `end`) are character offsets into the clean body, so that
`body[start:end]` is always the text the row talks about.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
AMOUNT_UNITS = ("EUR", "USD", "GBP", "CHF", "RUB", "UAH", "percent", "minutes", "count")
DATE_PRECISIONS = ("day", "month", "year")
FORMATS = ("text", "markdown", "html", "flattened")


@dataclass(frozen=True)
class Decoded:
    """Input bytes turned into text, with what was detected on the way."""

    text: str
    encoding: str
    format: str


@dataclass(frozen=True)
class CleanDocument:
    """An article body stripped of web leftovers, plus the metadata it states."""

    body: str
    title: str | None = None
    title_derived: bool = False
    lead: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    """The people who wrote it; a byline naming only agencies ("dpa") names them here."""
    agencies: tuple[str, ...] = ()
    """News agencies the byline credits beside its people ("Anna Krüger/dpa" → "dpa")."""
    translators: tuple[str, ...] = ()
    dateline: str | None = None
    outlet: str | None = None
    cited_sources: tuple[str, ...] = ()
    image_credits: tuple[str, ...] = ()
    image_captions: tuple[str, ...] = ()
    """Caption texts (without credits), kept out of the body but still searched for facts."""
    paywalled: bool = False
    language: str | None = None
    chars_in: int = 0
    """Length of the decoded input, so the share of removed boilerplate is known."""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity; `name` is the canonical name within the document."""

    name: str
    type: str
    surface: str
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    """Quoted speech; `speaker` is a canonical entity name or None, never a guess."""

    text: str
    speaker: str | None
    start: int
    end: int


@dataclass(frozen=True)
class DateMention:
    """A date the text mentions: ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""

    date: str
    precision: str
    text: str
    sentence: str
    start: int
    end: int
    sentence_no: int | None
    """The sentence its first character is in (None in a gap between sentences)."""


@dataclass(frozen=True)
class WeekdayMention:
    """A weekday ("am Mittwoch") that no publication date anchors; 0 is Monday.

    The warehouse may still date it from other articles about the same event.
    """

    weekday: int
    text: str
    sentence: str
    start: int
    end: int
    sentence_no: int | None
    """The sentence its first character is in (None in a gap between sentences)."""


@dataclass(frozen=True)
class EventMention:
    """Where a sentence first names an event of a family: `text` is the listed word or word start
    as written ("telefon" of "telefonierten" for the family Telefonat)."""

    family: str
    sentence_no: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Amount:
    """A figure the text cites, normalised (money in units, durations in minutes)."""

    value: float
    unit: str
    text: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one clean body."""

    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    amounts: tuple[Amount, ...] = ()
    weekdays: tuple[WeekdayMention, ...] = ()
    """Weekdays left undated because the document states no publication date."""
    events: tuple[EventMention, ...] = ()
    notes: tuple[str, ...] = field(default=())
    """Why something was not extracted (e.g. language not German)."""
