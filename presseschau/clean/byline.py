"""Bylines ("Von A, B und C", "Janelle Dumalaon Washington") and translator credits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from presseschau.clean.names import first_name_weight, join_name, split_names
from presseschau.clean.places import is_place

# Words that open a byline; what follows is a list of names.
_MARKER = re.compile(
    r"^(?:(?:eine?n?\s+(?:artikel|kommentar|gastkommentar|analyse|gastbeitrag|beitrag|interview|essay|kolumne|reportage|bericht|porträt)\s+)?von"
    r"|by|autor(?:in|en|innen)?:?|text:?|reporter:?|written by)\s+",
    re.I,
)
_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:und|and|&|sowie)\s+")
_TRANSLATOR = re.compile(
    r"^(?:(?:adaptiert|übersetzt|übertragen|bearbeitet)\s+)?aus dem [A-ZÄÖÜ]\w+\s+"
    r"(?:(?:adaptiert|übersetzt|übertragen|bearbeitet)\s+)?von\s+(?P<names>.+?)\.?$"
    r"|^(?:übersetzung|übersetzt von|translated by|translation)\s*:?\s+(?P<names2>.+?)\.?$",
    re.I,
)
_MAX_BYLINE_WORDS = 40


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...]
    place: str | None = None


def parse_byline(text: str, *, flattened: bool = False, expected: bool = False) -> Byline | None:
    """Authors (and a trailing place) of a byline, or None if `text` is not one.

    Without an opening "Von"/"By" every name must start with a known first name; with it, or
    when the layout says a byline stands here (`expected`, e.g. right above the date line),
    two or three capitalised words are enough, and a trailing desk name is tolerated.
    """
    text = " ".join(text.split()).rstrip(".")
    if not text or len(text.split()) > _MAX_BYLINE_WORDS:
        return None
    marker = _MARKER.match(text)
    trusted = expected or marker is not None
    rest = text[marker.end() :] if marker else text
    pieces = [piece for piece in _SEPARATOR.split(rest) if piece]
    if not pieces:
        return None
    authors: list[str] = []
    place = None
    for position, piece in enumerate(pieces):
        last = position == len(pieces) - 1
        names, piece_place = _read_piece(piece.split(), trusted=trusted, flattened=flattened)
        if names is None:
            if last and authors and (trusted or is_place(piece)):
                place = piece if is_place(piece) else None
                break
            return None
        authors.extend(names)
        if piece_place:
            if not last:
                return None
            place = piece_place
    return Byline(tuple(authors), place) if authors else None


def _read_piece(tokens: list[str], *, trusted: bool, flattened: bool) -> tuple[list[str] | None, str | None]:
    """Names in one comma/und-separated piece, with a place that may end it.

    A trailing known place is split off first ("… Dumalaon Washington"); names must start with
    a known first name, but a trusted piece may also be one name with an unknown first name.
    """
    splits: list[tuple[list[str], str | None]] = [
        (tokens[:-size], " ".join(tokens[-size:]))
        for size in (1, 2)
        if len(tokens) > size + 1 and is_place(" ".join(tokens[-size:]))
    ]
    splits.append((tokens, None))
    for name_tokens, place in splits:
        split = split_names(name_tokens)
        if split is not None:
            return [join_name(name, restore_hyphens=flattened) for name in split], place
    if trusted:
        for name_tokens, place in splits:
            capitalised = all(t[:1].isupper() for t in name_tokens)
            if 2 <= len(name_tokens) <= 3 and capitalised and not is_place(name_tokens[0]):
                return [" ".join(name_tokens)], place
    return None, None


def has_byline_marker(text: str) -> bool:
    """Does `text` open like a byline ("Von …", "By …", "Autorin: …")?"""
    return bool(_MARKER.match(text.strip()))


def parse_translators(text: str) -> tuple[str, ...] | None:
    """Names from a translator credit ("Adaptiert aus dem Englischen von X"), or None."""
    match = _TRANSLATOR.match(" ".join(text.split()))
    if not match:
        return None
    names = match.group("names") or match.group("names2") or ""
    pieces = [piece.strip() for piece in _SEPARATOR.split(names) if piece.strip()]
    if not pieces or any(len(piece.split()) > 4 or not piece[:1].isupper() for piece in pieces):
        return None
    return tuple(pieces)


def looks_like_person(name: str) -> bool:
    """A name whose first word is a known first name (used to vet metadata author fields)."""
    words = name.split()
    return len(words) >= 2 and first_name_weight(words[0]) > 0
