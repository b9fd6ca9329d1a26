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
# What a quote is: words in quotation marks (`direct`), speech rendered in the reporter's words
# (`indirect`: "X sagte, er sei …", "X zufolge …"), a speech act told as a fact (`reported`:
# "X forderte …"), or quotation marks around a name, title or single word nobody is said to
# speak (`term`: „Der Spiegel“, scare quotes), which never has a speaker.
QUOTE_KINDS = ("direct", "indirect", "reported", "term")
# Who speaks: a person, an organisation, a role or office of an organisation ("ein Sprecher des
# Senders ProSieben"), a group ("Analysten", "Hamas und Fatah"), or a source text ("Angaben der
# Polizei", "Medienberichten zufolge").
SPEAKER_KINDS = ("person", "organisation", "role", "group", "source")


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
    """Quoted or reported speech; `speaker` is a canonical entity name or None, never a guess.

    The speaker phrase as written (`speaker_text`, at `speaker_start`) may name no entity ("ein
    Polizeisprecher") or be a pronoun resolved to one ("sagte er"); `speaker_type` is the entity
    type of `speaker` (its registry id depends on it).
    """

    text: str
    speaker: str | None
    start: int
    end: int
    kind: str = "direct"
    cue: str | None = None
    """The speech cue as written: "sagte", "zufolge", "laut", "teilte … mit", ":"."""
    speaker_type: str | None = None
    speaker_kind: str | None = None
    speaker_role: str | None = None
    """The role word of a `role` speaker ("Sprecher" of "ein Sprecher des Senders ProSieben")."""
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


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
