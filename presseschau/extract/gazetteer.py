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


# Kinds of place whose names are names even where a dictionary also lists them as nouns.
_UNMISTAKABLE_PLACES = frozenset({"country", "continent", "big city", "state"})

# First word → (length, words → (canonical, type)) per length, longest first.
_Phrases = dict[str, tuple[tuple[int, dict[tuple[str, ...], tuple[str, str]]], ...]]


@dataclass(frozen=True)
class Gazetteer:
    nouns: frozenset[str]
    function_words: frozenset[str]
    first_names: dict[str, str]
    first_name_folds: dict[str, str]
    surnames: frozenset[str]
    known: dict[str, tuple[str, str]]
    """Single-word surface → (canonical name, type) for places and organisations."""
    phrases: _Phrases
    """First word → multi-word names by length, longest first: one lookup per length, not one
    comparison per name ("San" starts 250 names)."""
    lower_case_names: frozenset[str]
    """Known names written in lower case ("dpa"): the only lower-case words worth a look."""
    trusted: frozenset[str]
    """Surfaces from the hand-curated lists: names even where they are also ordinary nouns."""
    roles: frozenset[str]
    org_heads: frozenset[str]
    org_descriptors: frozenset[str]
    place_prefixes: frozenset[str]
    english: frozenset[str]
    particles: frozenset[str]
    person_heads: frozenset[str]
    non_entity_acronyms: frozenset[str]
    endings: dict[str, str]
    abbreviations: frozenset[str]
    company_forms: frozenset[str]


@dataclass(frozen=True, slots=True)
class WordInfo:
    """How one capitalised word may take part in a name."""

    known: tuple[str, str] | None = None
    """(canonical, type) when the word on its own names a place or organisation."""
    ambiguous: bool = False
    """The known name is also an ordinary word ("Essen"): trust it only in context."""
    first_name: str | None = None
    """Gender ("m", "f", "u") when the word is a first name."""
    noun: bool = False
    """A common noun, listed as such."""
    compound_noun: bool = False
    """Ends in a common noun; names can look like that ("Bergmann"), so weaker evidence."""
    function: bool = False
    role: str | None = None
    org_head: bool = False
    """An organisation head word, alone or ending a compound ("Stiftung", "Bundesministerium")."""
    descriptor: bool = False
    """Describes an organisation before its name ("Firma", "Ölgesellschaft"), no part of it."""
    place_prefix: bool = False
    """Opens a Romance place name ("San Remo", "Lido di Spina")."""
    english: bool = False
    acronym: bool = False
    """Upper-case letters (and digits) that are not an ordinary abbreviation like "BIP"."""
    surname: bool = False
    ending: str | None = None
    """What an unlisted word's ending says it is: "word" (derived noun, adjective) or "place"."""
    plain: bool = False
    """An ordinary word and nothing else: no name, role, head word or start of a listed name."""
    inert: bool = False
    """A common noun or function word that no rule of the reader takes for (part of) a name unless
    it opens a listed name: no role, head word, legal form, first name or surname either."""


@cache
def gazetteer() -> Gazetteer:
    """The word lists, loaded once."""
    first_names = {row[0]: row[1] for row in rows("extract_first_names.tsv")}
    first_name_folds: dict[str, str] = {}
    for name, gender in first_names.items():
        first_name_folds.setdefault(fold(name), gender)
    known, phrases, trusted = _names_table()
    return Gazetteer(
        nouns=words("extract_common_nouns.txt", lower=False),
        function_words=words("extract_sentence_words.txt"),
        first_names=first_names,
        first_name_folds=first_name_folds,
        surnames=words("extract_surnames.txt", lower=False),
        known=known,
        phrases=phrases,
        trusted=trusted,
        lower_case_names=frozenset(surface for surface in known if surface[0].islower()),
        roles=words("extract_roles.txt"),
        org_heads=words("extract_org_heads.txt"),
        org_descriptors=words("extract_org_descriptors.txt"),
        place_prefixes=words("extract_place_prefixes.txt"),
        english=words("extract_english_words.txt"),
        particles=words("extract_name_particles.txt"),
        person_heads=words("extract_person_compound_heads.txt"),
        non_entity_acronyms=words("extract_nonentity_acronyms.txt", lower=False),
        endings={row[0]: row[1] for row in rows("extract_word_endings.tsv")},
        abbreviations=words("extract_abbreviations.txt", lower=False),
        company_forms=words("extract_company_forms.txt", lower=False),
    )


def _names_table() -> tuple[dict[str, tuple[str, str]], _Phrases, frozenset[str]]:
    """Single-word names, multi-word names by first word, and the hand-curated surfaces."""
    entries: dict[str, tuple[str, str]] = {}
    renames: dict[str, str] = {}
    curated: set[str] = set()
    for surface, canonical, kind in rows("extract_places.tsv"):
        entries[surface] = (canonical, "LOC")
        if kind in _UNMISTAKABLE_PLACES:
            curated.add(surface)
    for surface, canonical, _kind in rows("extract_places_curated.tsv"):
        if entries.get(surface, ("", ""))[0] == surface != canonical:
            renames[surface] = canonical
        entries[surface] = (canonical, "LOC")
        curated.add(surface)
    entries = {
        surface: (renames.get(canonical, canonical), kind) for surface, (canonical, kind) in entries.items()
    }
    for row in rows("extract_organisations.tsv"):
        variants = row[1].split("|") if len(row) > 1 and row[1] else []
        for surface in (row[0], *variants):
            entries[surface] = (row[0], "ORG")
            curated.add(surface)
    known: dict[str, tuple[str, str]] = {}
    multi: dict[str, dict[int, dict[tuple[str, ...], tuple[str, str]]]] = {}
    trusted: set[str] = set()
    for surface, value in entries.items():
        for form in _surface_forms(surface):
            form_words = tuple(form.split())
            if len(form_words) == 1:
                known.setdefault(form, value)
            else:
                by_length = multi.setdefault(form_words[0], {}).setdefault(len(form_words), {})
                by_length.setdefault(form_words, value)
            if surface in curated:
                trusted.add(form)
    phrases = {
        first: tuple(sorted(found.items(), key=lambda item: -item[0])) for first, found in multi.items()
    }
    return known, phrases, frozenset(trusted)


def _surface_forms(surface: str) -> set[str]:
    """The case forms of a name, and "Saudi Arabien" beside "Saudi-Arabien"."""
    forms = declensions(surface) | {surface}
    if "-" in surface and " " not in surface and all(part[:1].isupper() for part in surface.split("-")):
        forms.add(surface.replace("-", " "))
    return forms


@lru_cache(maxsize=300_000)
def word_info(word: str) -> WordInfo:
    """Everything the lists say about one capitalised word (cached per word type)."""
    gaz = gazetteer()
    lower = word.lower()
    function = lower in gaz.function_words
    noun = word in gaz.nouns
    compound = not noun and is_compound_of(word, gaz.nouns)
    first_name = first_name_gender(word) if word in gaz.first_names else None
    known = _known_name(word, gaz)
    acronym = len(word) >= 2 and word.isupper() and word not in gaz.non_entity_acronyms
    unlisted = not (noun or known or first_name or function)
    ending = longest_suffix_in(word, gaz.endings) if unlisted and len(word) > 5 else None
    ambiguous = known is not None and word not in gaz.trusted and (function or noun)
    # Short role words ("Dr", "Vize") count only as whole words, longer ones also as compound heads.
    role = _role(lower, gaz.roles) if known is None else None
    if role and role != lower and len(role) < 4:
        role = None
    ending_kind = _ending_kind(word, ending, gaz) if ending else None
    descriptor = lower in gaz.org_descriptors or (
        len(word) > 5 and longest_suffix_in(word, gaz.org_descriptors, 4) is not None
    )
    ordinary = noun or compound or function or ending_kind == "word"
    org_head = lower in gaz.org_heads or (
        len(word) > 6 and longest_suffix_in(word, gaz.org_heads, 4) is not None
    )
    # A name, or part of one, whatever the word's class.
    name_part = (
        known
        or role
        or acronym
        or "-" in word
        or word in gaz.surnames
        or descriptor
        or lower in gaz.place_prefixes
        or ending_kind == "place"
    )
    # The reader skips function words before it looks for first names and English names.
    person_or_english = first_name is not None or lower in gaz.english
    return WordInfo(
        plain=bool(
            ordinary and not (name_part or person_or_english or lower in gaz.org_heads or word in gaz.phrases)
        ),
        # Compounds and derived words are left out: they may fold to a first name (`first_name_gender`).
        inert=bool(
            (function or (noun and not person_or_english))
            and len(word) > 1
            and not (name_part or org_head or word in gaz.company_forms)
        ),
        known=known,
        ambiguous=ambiguous,
        first_name=first_name,
        noun=noun,
        compound_noun=compound,
        function=function,
        role=role,
        org_head=org_head,
        descriptor=descriptor,
        place_prefix=lower in gaz.place_prefixes,
        english=lower in gaz.english,
        acronym=acronym,
        surname=word in gaz.surnames,
        ending=ending_kind,
    )


def _ending_kind(word: str, ending: str, gaz: Gazetteer) -> str | None:
    """A place ending counts only after a modifier that is no common noun ("Tierheim" is a word)."""
    kind = gaz.endings[ending]
    if kind != "place":
        return kind
    modifier = word[: -len(ending)].rstrip("-")
    if modifier.endswith("s") and len(modifier) > 3:
        modifier = modifier[:-1]
    if len(modifier) < 2:
        return None
    title = modifier[0].upper() + modifier[1:]
    if title in gaz.nouns or is_compound_of(title, gaz.nouns) or modifier.lower() in gaz.function_words:
        return None
    return kind


def _role(lower: str, roles: frozenset[str]) -> str | None:
    """The role a word names, also in plural or genitive ("Staatschefs") and compounds, in its
    base form ("Präsidenten" → "präsident") so that later mentions of the role can be matched."""
    for form in (lower, lower[:-1] if lower.endswith("s") else None):
        if form and (role := longest_suffix_in(form, roles, minimum=2)):
            for ending in ("en", "n"):
                if role.endswith(ending) and role[: -len(ending)] in roles:
                    return role[: -len(ending)]
            return role
    return None


def _known_name(word: str, gaz: Gazetteer) -> tuple[str, str] | None:
    found = gaz.known.get(word)
    if found:
        return found
    if word.isupper() and len(word) > 2:
        found = gaz.known.get(word[0] + word[1:].lower())
    elif word[1:].islower() and len(word) > 2 and word not in gaz.nouns:
        # News styles write acronyms of organisations in title case ("Nato", "Uno").
        found = gaz.known.get(word.upper())
        if found and found[1] != "ORG":
            found = None
    if found:
        return found
    base = without_genitive(word)
    if base and (found := gaz.known.get(base)) and (base not in gaz.nouns or base in gaz.trusted):
        return found
    for prefix in _COMPASS:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) > 2 and rest[0].islower():
            base = rest[0].upper() + rest[1:]
            place = gaz.known.get(base)
            if place and place[1] == "LOC" and base not in gaz.nouns:
                return (word, "LOC")
    return None


@cache
def speech_verbs() -> frozenset[str]:
    """Verb forms that attribute speech ("sagte", "betonte") or an evaluation ("nannte")."""
    return words("extract_quote_verbs.tsv")


@cache
def subject_verbs() -> frozenset[str]:
    """Finite verb forms that stand beside their subject ("war", "musste", "gilt")."""
    return words("extract_subject_verbs.txt")


@cache
def place_cues() -> frozenset[str]:
    """Prepositions and nouns after which an unlisted name is a place ("in", "Gemeinde")."""
    return words("extract_place_cues.txt")


@lru_cache(maxsize=300_000)
def first_name_gender(word: str) -> str | None:
    """Gender of a first name, also for transliteration variants ("Wolodymyr" ~ "Volodymyr").
    Abbreviations ("Mio", "Co") and English words ("The") that the name lists hold are none.
    Cached per word type, as `word_info` is: the reader asks about the same words again and again."""
    gaz = gazetteer()
    if word in gaz.abbreviations or word.lower() in gaz.english:
        return None
    return gaz.first_names.get(word) or (gaz.first_name_folds.get(fold(word)) if len(word) > 3 else None)
