"""Person names in bylines: split runs of capitalised words into names using a first-name list.

The first-name list is the one shipped with gender-guesser (Jörg Michael's `nam_dict.txt`,
GNU FDL), which also says how common each name is; a common first name is an unlikely surname,
which is what decides between splits such as "Ann Dorit | Boy Georg" and "Ann Dorit Boy | Georg".
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from presseschau.clean.resources import function_words

# Lower-case name particles that may stand between first name and surname.
_PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "zu", "di", "da", "del", "della", "le", "la", "ten", "ter"}
)
_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜÀ-ÞŁŚŻŹĆŃŠŽČ][\w'’.-]*$")
_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.?$")
# Columns 30.. of nam_dict.txt hold one frequency digit (1-D hex) per country.
_FREQ_COLUMNS = slice(30, 86)


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


def opens_name(token: str) -> bool:
    """Can a person's name start with `token` (a known first name or an initial)?"""
    # Function words that are also rare first names ("Alle", "Man") open menu labels, and
    # capitals ("ARD") are acronyms: neither starts a name.
    if _INITIAL.match(token):
        return True
    return first_name_weight(token) > 0 and not token.isupper() and token.casefold() not in function_words()


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
        if best[start] is None or not opens_name(tokens[start]):
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
    """Cost of reading `tokens` as one name: first name, optional second one, particles, surname."""
    surname = tokens[-1]
    if surname in _PARTICLES or not _NAME_TOKEN.match(surname) or _INITIAL.match(surname):
        return None
    index = 1
    if index < len(tokens) - 1 and tokens[index] not in _PARTICLES and opens_name(tokens[index]):
        index += 1
    if any(token not in _PARTICLES for token in tokens[index:-1]):
        return None
    return first_name_weight(surname)


def join_name(tokens: list[str], *, restore_hyphens: bool) -> str:
    """Join name tokens; flattened pages lost the hyphen of double first names ("Ann Dorit")."""
    double_first = len(tokens) >= 3 and not _INITIAL.match(tokens[1])
    if restore_hyphens and double_first and all(first_name_weight(t) for t in tokens[:2]):
        return f"{tokens[0]}-{tokens[1]} " + " ".join(tokens[2:])
    return " ".join(tokens)
