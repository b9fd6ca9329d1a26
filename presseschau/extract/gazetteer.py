"""What the extractor knows about single words: names, places, organisations, nouns, roles.

Built once per process from the data files; `word_info` answers per word type and is cached,
so a document costs one dictionary lookup per token after the first few thousand documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from presseschau.extract.lexicon import is_compound_of, longest_suffix_in, rows, words
from presseschau.extract.names import declensions, fold, without_genitive

# Compass prefixes that make a region of a known place ("Ostukraine", "Nordsyrien").
_COMPASS = ("Nord", "Süd", "Ost", "West", "Zentral", "Mittel", "Nordost", "Nordwest", "Südost", "Südwest")


@dataclass(frozen=True)
class Gazetteer:
    nouns: frozenset[str]
    function_words: frozenset[str]
    first_names: dict[str, str]
    first_name_folds: dict[str, str]
    surnames: frozenset[str]
    known: dict[str, tuple[str, str]]
    """Single-word surface → (canonical name, type) for places and organisations."""
    phrases: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]
    """First word → (words, canonical, type) of multi-word names, longest first."""
    roles: frozenset[str]
    org_heads: frozenset[str]
    english: frozenset[str]
    particles: frozenset[str]
    person_heads: frozenset[str]
    non_entity_acronyms: frozenset[str]


@dataclass(frozen=True)
class WordInfo:
    """How one capitalised word may take part in a name."""

    known: tuple[str, str] | None = None
    """(canonical, type) when the word on its own names a place or organisation."""
    ambiguous: bool = False
    """The known name is also an ordinary word or first name: trust it only in context."""
    first_name: str | None = None
    """Gender ("m", "f", "u") when the word is a first name."""
    noun: bool = False
    """A common noun, listed as such."""
    compound_noun: bool = False
    """Ends in a common noun; names can look like that ("Bergmann"), so weaker evidence."""
    function: bool = False
    role: str | None = None
    org_head: bool = False
    english: bool = False
    acronym: bool = False
    surname: bool = False


@cache
def gazetteer() -> Gazetteer:
    """The word lists, loaded once."""
    first_names = {row[0]: row[1] for row in rows("first_names.tsv")}
    first_name_folds: dict[str, str] = {}
    for name, gender in first_names.items():
        first_name_folds.setdefault(fold(name), gender)
    known, phrases = _names_table()
    return Gazetteer(
        nouns=words("common_nouns.txt", lower=False),
        function_words=words("function_words.txt"),
        first_names=first_names,
        first_name_folds=first_name_folds,
        surnames=words("surnames.txt", lower=False),
        known=known,
        phrases=phrases,
        roles=words("roles.txt"),
        org_heads=words("org_heads.txt"),
        english=words("english_words.txt"),
        particles=words("name_particles.txt"),
        person_heads=words("person_compound_heads.txt"),
        non_entity_acronyms=words("nonentity_acronyms.txt", lower=False),
    )


def _names_table() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]]:
    entries: dict[str, tuple[str, str]] = {}
    for surface, canonical, _kind in rows("places.tsv"):
        entries[surface] = (canonical, "LOC")
    renames = {}
    for surface, canonical, _kind in rows("places_curated.tsv"):
        if surface in entries and entries[surface][0] == surface and canonical != surface:
            renames[surface] = canonical
        entries[surface] = (canonical, "LOC")
    entries = {s: (renames.get(c, c), t) for s, (c, t) in entries.items()}
    for row in rows("organisations.tsv"):
        canonical = row[0]
        variants = row[1].split("|") if len(row) > 1 and row[1] else []
        for surface in (canonical, *variants):
            entries[surface] = (canonical, "ORG")
    known: dict[str, tuple[str, str]] = {}
    multi: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for surface, value in entries.items():
        for form in declensions(surface) | {surface}:
            form_words = tuple(form.replace(" - ", "-").split())
            if len(form_words) == 1:
                known.setdefault(form, value)
            else:
                multi.setdefault(form_words[0], []).append((form_words, *value))
    phrases = {first: tuple(sorted(found, key=lambda item: -len(item[0]))) for first, found in multi.items()}
    return known, phrases


@lru_cache(maxsize=300_000)
def word_info(word: str) -> WordInfo:
    """Everything the lists say about one capitalised word (cached per word type)."""
    gaz = gazetteer()
    lower = word.lower()
    function = lower in gaz.function_words
    noun = word in gaz.nouns
    compound = not noun and is_compound_of(word, gaz.nouns)
    first_name = gaz.first_names.get(word)
    known = _known_name(word, gaz)
    acronym = len(word) >= 2 and word.isupper() and word not in gaz.non_entity_acronyms
    ambiguous = known is not None and (function or noun or first_name is not None) and not acronym
    role = longest_suffix_in(word, gaz.roles) if not known else None
    if role and role not in gaz.roles:
        role = None
    return WordInfo(
        known=known,
        ambiguous=ambiguous,
        first_name=first_name,
        noun=noun,
        compound_noun=compound,
        function=function,
        role=role if role and (lower == role or len(role) >= 4) else None,
        org_head=lower in gaz.org_heads,
        english=lower in gaz.english,
        acronym=acronym,
        surname=word in gaz.surnames,
    )


def _known_name(word: str, gaz: Gazetteer) -> tuple[str, str] | None:
    found = gaz.known.get(word)
    if found:
        return found
    if word.isupper() and len(word) > 2:
        found = gaz.known.get(word[0] + word[1:].lower())
    elif word[1:].islower() and len(word) > 2:
        found = gaz.known.get(word.upper())
        if found and found[1] != "ORG":
            found = None
    if found:
        return found
    base = without_genitive(word)
    if base and (found := gaz.known.get(base)) and base not in gaz.nouns:
        return found
    for prefix in _COMPASS:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) > 2 and rest[0].isupper() is False:
            place = gaz.known.get(rest[0].upper() + rest[1:])
            if place and place[1] == "LOC" and rest[0].upper() + rest[1:] not in gaz.nouns:
                return (word, "LOC")
    return None


def first_name_gender(word: str) -> str | None:
    """Gender of a first name, also for transliteration variants ("Wolodymyr" ~ "Volodymyr")."""
    gaz = gazetteer()
    return gaz.first_names.get(word) or (gaz.first_name_folds.get(fold(word)) if len(word) > 3 else None)
