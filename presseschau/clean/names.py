"""Person names in bylines: split runs of capitalised words into names using a first-name list.

The first-name list is the one shipped with gender-guesser (Jörg Michael's `nam_dict.txt`,
GNU FDL), which also says how common each name is; a common first name is an unlikely surname,
which is what decides between splits such as "Ann Dorit | Boy Georg" and "Ann Dorit Boy | Georg".
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

# Lower-case name particles that may stand between first name and surname.
_PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "di", "da", "del", "della", "le", "la", "ten", "ter"})
_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜÀ-ÞŁŚŻŹĆŃŠŽČ][\w'’.-]*$")
_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.?$")
# Columns 30.. of nam_dict.txt hold one frequency digit (1-D hex) per country.
_FREQ_COLUMNS = slice(30, 86)
# Cost of reading a token as a surname when it is not a known first name.
_PLAIN_SURNAME_COST = 0


@cache
def first_names() -> dict[str, int]:
    """Known first names (case folded) → how common they are at most (1 rare … 13 very common)."""
    source = resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
    names: dict[str, int] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=" or len(line) < 31:
            continue
        name = line[3:29].strip()
        if not name or not name.replace("+", "").replace("-", "").isalpha():
            continue
        digits = [int(ch, 16) for ch in line[_FREQ_COLUMNS] if ch in "123456789ABCDabcd"]
        weight = max(digits, default=1)
        for variant in {name.replace("+", "-"), name.replace("+", " "), name.replace("+", "")}:
            key = variant.casefold()
            names[key] = max(weight, names.get(key, 0))
    return names


def first_name_weight(token: str) -> int:
    """0 when `token` is not a known first name, else its commonness; hyphenated parts must all be."""
    names = first_names()
    parts = token.split("-")
    weights = [names.get(part.casefold(), 0) for part in parts]
    return min(weights) if all(weights) else 0


def _is_first(token: str) -> bool:
    return bool(_INITIAL.match(token)) or first_name_weight(token) > 0


def split_names(tokens: list[str]) -> list[list[str]] | None:
    """Split a run of tokens into person names (first name[s], particles, surname), or None.

    Every name starts with a known first name or an initial and ends with one capitalised
    surname; among the possible splits the one that uses the rarest first names as surnames wins.
    """
    n = len(tokens)
    if n < 2 or not all(_NAME_TOKEN.match(t) or t in _PARTICLES for t in tokens):
        return None
    best: list[tuple[int, list[list[str]]] | None] = [None] * (n + 1)
    best[0] = (0, [])
    for start in range(n):
        if best[start] is None or not _is_first(tokens[start]):
            continue
        base_cost, base_names = best[start]  # type: ignore[misc]
        for end in range(start + 2, min(start + 6, n) + 1):
            cost = _name_cost(tokens[start:end])
            if cost is None:
                continue
            total = base_cost + cost
            current = best[end]
            if current is None or total < current[0]:
                best[end] = (total, [*base_names, tokens[start:end]])
    result = best[n]
    return result[1] if result else None


def _name_cost(tokens: list[str]) -> int | None:
    """Cost of reading `tokens` as one name (None: impossible)."""
    surname = tokens[-1]
    if surname in _PARTICLES or not _NAME_TOKEN.match(surname) or _INITIAL.match(surname):
        return None
    middle = tokens[1:-1]
    firsts = [tokens[0]]
    for token in middle:
        if token in _PARTICLES:
            continue
        if firsts and tokens.index(token) == len(firsts) and _is_first(token):
            firsts.append(token)
            continue
        return None
    if len(firsts) > 2 or any(t in _PARTICLES for t in tokens[: len(firsts)]):
        return None
    weight = first_name_weight(surname)
    return weight if weight else _PLAIN_SURNAME_COST


def join_name(tokens: list[str], *, restore_hyphens: bool) -> str:
    """Join name tokens; flattened pages lost the hyphen of double first names ("Ann Dorit")."""
    if restore_hyphens and len(tokens) >= 3 and all(first_name_weight(t) for t in tokens[:2]):
        if not _INITIAL.match(tokens[1]):
            return f"{tokens[0]}-{tokens[1]} " + " ".join(tokens[2:])
    return " ".join(tokens)
