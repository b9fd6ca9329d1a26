"""Bylines ("Von A, B und C", "Janelle Dumalaon Washington") and translator credits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from presseschau.clean.names import first_name_weight, join_name, opens_name, split_names
from presseschau.clean.places import is_place
from presseschau.clean.resources import data_lines, function_words

# Words that open a byline; what follows is a list of names.
_MARKER = re.compile(
    r"^(?:(?:(?:eine?n?\s+)?(?:artikel|kommentar|gastkommentar|analyse|gastbeitrag|beitrag|interview|essay|kolumne|reportage|bericht|porträt)\s+)?von:?"
    r"|by|(?:autor(?:in|en|innen)?)(?:\s*/\s*-?\s*(?:in|innen|autor(?:in)?))?:?"
    r"|text:?|reporter:?|written by|quelle:)\s+",
    re.I,
)
# Every separator opens with a space or a mark: the lookahead tests that first, so that at the
# letters of a name the three alternatives are not tried one after the other.
_SEPARATOR = re.compile(r"(?=[\s,|·•/])(?:\s*[,|·•]\s*|\s+(?:und|and|&|sowie|mit)\s+|\s*/\s*)")
# A name glued to a job title by the page's layout ("Ulrich EbelingKorrespondent").
_GLUED = re.compile(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ][a-zäöüß]{3,})")
_BRACKETS = re.compile(r"^\((.*)\)$")
_TRANSLATOR = re.compile(
    r"^(?:(?:adaptiert|übersetzt|übertragen|bearbeitet)\s+)?aus dem [A-ZÄÖÜ]\w+\s+"
    r"(?:(?:adaptiert|übersetzt|übertragen|bearbeitet)\s+)?von\s+(?P<names>.+?)\.?$"
    r"|^(?:übersetzung(?: und \w+)?|übersetzt von|translated by|translation)\s*:?\s+(?P<names2>.+?)\.?$",
    re.I,
)
_MAX_BYLINE_WORDS = 40
# Authors sign with their initials (a "Kürzel") after the text: lower-case letters, two to four,
# several joined by commas or slashes ("ssi, dan", "mk/jr"), or one in brackets ("(mk)"), the line
# ending there or going on with the picture credit after a semicolon.
_INITIALS = re.compile(r"[a-zäöü]{2,4}(?:\s*[,/]\s*[a-zäöü]{2,4})+|\([a-zäöü]{2,4}\)")
# How much a piece of a byline is trusted: after a marker ("Von"), or where the layout puts one.
_MARKED, _EXPECTED = "marked", "expected"


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...]
    place: str | None = None
    agencies: tuple[str, ...] = ()
    """News agencies the byline credits ("dpa", "AFP"), apart from the people."""


@cache
def _agencies() -> dict[str, str]:
    return {line.casefold(): line for line in data_lines("news_agencies.txt")}


def initials_signature(text: str) -> Byline | None:
    """The authors' initials signing an article ("ssi, dan; Foto: Shutterstock"), or None when
    the line opens with anything else, a word among them ("und", "mehr") or an agency."""
    signature = text.split(";", 1)[0].strip()
    if not _INITIALS.fullmatch(signature):
        return None
    initials = re.split(r"\s*[,/]\s*", signature.strip("()"))
    if any(token in function_words() or agency(token) for token in initials):
        return None
    return Byline(tuple(initials))


def agency(text: str) -> str | None:
    """The agency's name as listed when `text` is a news agency ("DPA" → "dpa"), else None."""
    return _agencies().get(" ".join(text.split()).casefold())


@cache
def _roles() -> tuple[frozenset[str], tuple[str, ...]]:
    lines = data_lines("byline_roles.txt")
    return frozenset(w for w in lines if not w.endswith("*")), tuple(w[:-1] for w in lines if w.endswith("*"))


@cache
def _compound_role() -> re.Pattern[str]:
    """A compound whose last part is a job title ("Wirtschaftsredakteur", "Gastautorin"); short
    titles ("chef", "team") end too many other words to count as such a part."""
    words, prefixes = _roles()
    stems = "|".join(map(re.escape, prefixes))
    ends = "|".join(re.escape(word) for word in words if len(word) >= 5)
    return re.compile(rf"\w{{3,}}(?:(?:{stems})(?:in|innen|en|e|n|s)?|{ends})")


def _unglued(token: str) -> list[str]:
    parts = _GLUED.split(token)
    return parts if len(parts) > 1 and all(is_role(part) for part in parts[1:]) else [token]


def is_role(token: str) -> bool:
    """A job title (data/byline_roles.txt: "Redakteur", "Korrespondentin") or a compound ending in one."""
    words, prefixes = _roles()
    folded = token.casefold().strip(".,")
    return (
        folded in words
        or folded.startswith(prefixes)
        or any(part.startswith(prefixes) for part in folded.split("-")[1:])
        or _compound_role().fullmatch(folded) is not None
    )


def _without_role(tokens: list[str]) -> list[str]:
    """A name's tokens up to a job title ("Holger Brenneke Leitender Redakteur" → the name);
    a capitalised adjective before the title ("Leitender") goes with it."""
    tokens = [part for token in tokens for part in _unglued(token)]
    for index in range(2, len(tokens)):
        if is_role(tokens[index]):
            before = tokens[index - 1]
            adjective = index > 2 and before.endswith(("er", "e", "es")) and first_name_weight(before) == 0
            return tokens[: index - 1 if adjective else index]
    return tokens


def _without_desk(tokens: list[str]) -> list[str]:
    """A name's tokens without the desk or outlet in capitals after it ("Jonas Feld HAFENRADIO
    KIEL"), where flattening removed the comma between. Only a run of two capitalised
    words or more is one: a surname alone may be in capitals ("Lena BRANDT")."""
    end = len(tokens)
    while end > 0 and tokens[end - 1].isalpha() and tokens[end - 1].isupper() and len(tokens[end - 1]) > 1:
        end -= 1
    return tokens[:end] if end >= 2 and len(tokens) - end >= 2 else tokens


@lru_cache(maxsize=8192)
def parse_byline(text: str, *, flattened: bool = False, expected: bool = False) -> Byline | None:
    """Authors (and a trailing place) of a byline, or None if `text` is not one.

    Without an opening "Von"/"By" every name must start with a known first name; with it,
    two or three capitalised words are enough. With it, or when the layout says a byline
    stands here (`expected`, e.g. beside the date stamp), a job title after a name and a desk
    or outlet after the names ("…, ARD-Studio Paris") are left out.
    """
    text = " ".join(text.split()).rstrip(".")
    bracketed = _BRACKETS.match(text)
    text = bracketed[1] if bracketed else text
    if not text or len(text.split()) > _MAX_BYLINE_WORDS:
        return None
    marker = _MARKER.match(text)
    trusted = expected or marker is not None or bracketed is not None
    rest = text[marker.end() :] if marker else text
    pieces = [piece for piece in _SEPARATOR.split(rest) if piece]
    if not pieces:
        return None
    authors: list[str] = []
    agencies: list[str] = []
    place = None
    credits_agency = any(agency(piece) or _agency_with_desk(piece) for piece in pieces)
    # Unvouched for, a byline opens with a person's name and every name with a first name: a
    # menu label ("Politik") is turned away here, before its pieces are read for names.
    if not (trusted or credits_agency or opens_name(pieces[0].split()[0])):
        return None
    for position, piece in enumerate(pieces):
        last = position == len(pieces) - 1
        if (name := agency(piece) or _agency_with_desk(piece)) is not None:
            agencies.append(name)
            continue
        tokens = _without_role(piece.split()) if trusted else piece.split()
        names, piece_place = _read_piece(
            _without_desk(tokens) if trusted and flattened else tokens,
            trust=_MARKED if marker else _EXPECTED if expected else None,
            flattened=flattened,
        )
        if names is None or (authors and trusted and not _starts_like_person(piece)):
            # After the people, a trusted byline may name their desk or outlet ("ARD-Studio Paris").
            if (authors or credits_agency) and (trusted or is_place(piece)):
                place = place or (piece if is_place(piece) else None)
                continue
            return None
        authors.extend(names)
        if piece_place:
            if not last:
                return None
            place = piece_place
    if not authors and not agencies:
        return None
    return Byline(tuple(authors), place, tuple(agencies))


def _agency_with_desk(piece: str) -> str | None:
    """The agency of a credit naming its desk too ("dpa Sport", "AFP Deutschland")."""
    words = piece.split()
    return agency(words[0]) if len(words) == 2 and words[1][:1].isupper() else None


def _starts_like_person(piece: str) -> bool:
    first = piece.split()[0] if piece.split() else ""
    return first_name_weight(first) > 0 or bool(re.match(r"^[A-ZÄÖÜ]\.$", first)) or _signed_name(piece)


def _signed_name(piece: str) -> bool:
    """A name signed as agencies sign it, the family name in capitals ("Lena BRANDT"):
    a first name the list may not know, but no desk or place ("HAFENRADIO KIEL", "Redaktion NRW")."""
    words = piece.split()
    return (
        2 <= len(words) <= 3
        and all(word.isalpha() and word[0].isupper() and word[1:].islower() for word in words[:-1])
        and words[-1].isalpha()
        and words[-1].isupper()
        and len(words[-1]) >= 3
        and not is_place(words[-1].title())
        and not any(is_role(word) for word in words)
    )


def _read_piece(
    tokens: list[str], *, trust: str | None, flattened: bool
) -> tuple[list[str] | None, str | None]:
    """Names in one comma/und-separated piece, with a place that may end it.

    A trailing known place is split off first ("… Dumalaon Washington"); names must start with
    a known first name and end with a surname, but after a byline marker a piece may also be
    one name of two or three capitalised words, and where a byline is expected one whose
    first word is a known first name ("Abdul Karim Hamdani").
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
    if flattened and trust is not None and (double := _double_surname(tokens)) is not None:
        return [double], None
    if trust is not None:
        for name_tokens, place in splits:
            capitalised = all(t[:1].isupper() for t in name_tokens)
            first = name_tokens[0] if name_tokens else ""
            plausible = not (first.isupper() or first.casefold() in function_words() or is_place(first))
            known = trust == _MARKED or first_name_weight(first) > 0
            if 2 <= len(name_tokens) <= 3 and capitalised and plausible and known:
                return [" ".join(name_tokens)], place
    return None, None


def _double_surname(tokens: list[str]) -> str | None:
    """One name whose double surname lost its hyphen on a flattened page ("Anne Kathrin Neuberg
    Vural"): a double first name, a surname and one more capitalised word of four letters or
    more that is no function word, place, job title or common noun (nor a compound ending in
    one, as "Wirtschaft" in "Schaft"): desks, labels and abbreviations ("Fr", "Dr") are not.
    It may be a rare first name ("Vural"); two people's names were read before this is tried.
    (With one first name, three capitalised words after a marker are read as a name already.)"""
    if len(tokens) != 4:
        return None
    split = split_names(tokens[:-1])
    last = tokens[-1]
    if split is None or len(split) != 1 or not (last.isalpha() and len(last) >= 4 and last.istitle()):
        return None
    if last.casefold() in function_words() or is_place(last) or is_role(last) or _is_noun(last):
        return None
    return f"{join_name(split[0], restore_hyphens=True)}-{last}"


@cache
def _nouns() -> frozenset[str]:
    return frozenset(data_lines("extract_common_nouns.txt"))


def _is_noun(word: str) -> bool:
    """A listed common noun, or a compound whose head (of four letters or more) is one."""
    nouns = _nouns()
    return word in nouns or any(word[i:].capitalize() in nouns for i in range(2, len(word) - 3))


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
