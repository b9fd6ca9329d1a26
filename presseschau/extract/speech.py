"""The words of speech: verbs that attribute it, cue words around it, speaker nouns.

Read once per process from the data files `extract_quote_verbs.tsv`, `extract_speech_words.tsv`
and `extract_speaker_nouns.tsv`; lookups are per word and cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from presseschau.extract.lexicon import longest_suffix_in, rows


@dataclass(frozen=True, slots=True)
class Verb:
    """One reading of a speech verb form: "teilte" is "mitteilen" only with "mit" in its clause."""

    lemma: str
    kind: str
    """"say" (its content follows as a quote or clause), "act" (a speech act reported by itself)
    or "so" (the cue word of "„…“, so X")."""
    particle: str | None


@cache
def speech_verbs() -> dict[str, tuple[Verb, ...]]:
    """Speech verb form → its readings."""
    table: dict[str, list[Verb]] = {}
    for row in rows("extract_quote_verbs.tsv"):
        form, lemma, kind = row[0], row[1], row[2]
        particle = row[3] if len(row) > 3 and row[3] else None
        table.setdefault(form, []).append(Verb(lemma, kind, particle))
    return {form: tuple(verbs) for form, verbs in table.items()}


@cache
def _word_classes() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for word, kind in rows("extract_speech_words.tsv"):
        table.setdefault(word, set()).add(kind)
    return {word: frozenset(kinds) for word, kinds in table.items()}


_NONE: frozenset[str] = frozenset()


def word_classes(word: str) -> frozenset[str]:
    """The classes of a word (lower case) in `extract_speech_words.tsv`: "det", "prep", "sub", …"""
    return _word_classes().get(word, _NONE)


@cache
def words_of_class(kind: str) -> frozenset[str]:
    """The words (lower case) of one class ("of", "source_prep"): what a scan of tokens looks for."""
    return frozenset(word for word, kinds in _word_classes().items() if kind in kinds)


@cache
def cue_words() -> frozenset[str]:
    """Words that open a speech cue other than a verb: "laut", "zufolge", "nach", "Demnach"."""
    cues = {"cue_before", "cue_after", "cue_source", "cue_back"}
    return frozenset(word for word, kinds in _word_classes().items() if kinds & cues)


@cache
def reported_speech_forms() -> frozenset[str]:
    """Verb forms of reported speech: the subjunctive ("sei", "habe") and the reportative "soll"."""
    return frozenset(
        word for word, kinds in _word_classes().items() if kinds & {"subjunctive", "reportative"}
    )


@cache
def _speaker_nouns() -> dict[str, str]:
    table: dict[str, str] = {}
    for noun, kind in rows("extract_speaker_nouns.tsv"):
        table.setdefault(noun, kind)
    return table


@lru_cache(maxsize=100_000)
def speaker_noun(word: str) -> str | None:
    """The kind of speaker a noun makes ("source", "group", "organisation", "role"), also as the
    end of a compound: "Polizeiangaben" is a source, "Regierungssprecher" a role."""
    nouns = _speaker_nouns()
    ending = longest_suffix_in(word, nouns, minimum=4)
    if ending is None and word.endswith("n"):
        ending = longest_suffix_in(word[:-1], nouns, minimum=4)  # dative plural: "Beobachtern"
    return nouns[ending] if ending else None
