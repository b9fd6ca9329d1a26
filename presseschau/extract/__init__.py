"""Extraction: clean body → sentences, entity mentions, quotes, dates, amounts, event words."""

from __future__ import annotations

from collections.abc import Mapping

from presseschau.extract.amounts import find_amounts
from presseschau.extract.dates import find_dates, find_weekdays
from presseschau.extract.entities import find_entities
from presseschau.extract.events import find_events
from presseschau.extract.quotes import find_quotes
from presseschau.extract.text import split_sentences, tokenize
from presseschau.models import DateMention, Extraction, Mention

# Raise when extraction adds a table or changes what its rows mean: documents whose rows an
# older version made are then extracted again by the next run (core.extracted.version).
VERSION = 7


def extract(
    body: str,
    *,
    published: str | None = None,
    language: str | None = "de",
    known: Mapping[str, tuple[str, str]] | None = None,
    context: str | None = None,
) -> Extraction:
    """Extract structured facts from one clean German body.

    `published` (ISO date or date-time) anchors weekdays and "gestern"; without it they are left
    out. `known` is what the corpus already knows (`variants.known_names` of the registry): a bare
    "Merkel" then resolves even in a document that never gives the full name. `context` is text
    on the same story outside the body, such as the headline: people it names in full are
    recognised in the body by their surname. Offsets in every returned row index into `body`.
    """
    if language not in (None, "de"):
        return Extraction(notes=(f"language {language!r}: German-only extraction skipped",))
    sentences = split_sentences(body)
    tokens = tokenize(body, sentences)
    entities = find_entities(body, tokens, known, context, sentences)
    return Extraction(
        sentences=sentences,
        mentions=entities.mentions,
        quotes=find_quotes(body, sentences, tokens, entities),
        dates=find_dates(body, sentences, published),
        amounts=find_amounts(body, sentences, tokens),
        weekdays=() if published else find_weekdays(body, sentences),
        events=find_events(body, sentences),
    )


def names_and_dates(
    text: str, *, published: str | None = None
) -> tuple[tuple[Mention, ...], tuple[DateMention, ...]]:
    """The entity mentions and dates of a short German text beside the body (a title, dateline
    or caption), as `extract` finds them: only these are kept of such texts, so the quotes,
    amounts and events `extract` would also read there (a fifth of its time) are not read."""
    sentences = split_sentences(text)
    entities = find_entities(text, tokenize(text, sentences), None, None, sentences)
    return entities.mentions, find_dates(text, sentences, published)
