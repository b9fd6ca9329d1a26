"""Named entities (PER, ORG, LOC) in one document, with document-level canonical names.

`reader` proposes candidate spans from the word lists and local cues; this module applies
document-level consistency: a later "Putin", "Putins" or a mistyped surname resolves to the full
name seen in the document, a word typed once is typed so throughout, and what the corpus
already knows (`known`) resolves names the document never spells out. An unlisted name is typed
by what stands beside it: a speech or finite verb (a person), "in"/"aus" or a place noun (a
place), or "und" after a typed name (that name's type).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz.distance import OSA

from presseschau.extract.acronyms import acronym_definitions
from presseschau.extract.gazetteer import (
    first_name_gender,
    gazetteer,
    place_cues,
    speech_verbs,
    subject_verbs,
    word_info,
)
from presseschau.extract.names import fold, without_genitive
from presseschau.extract.reader import SPACES, Candidate, Reader
from presseschau.extract.tagger import MODEL_PATH, tag
from presseschau.extract.text import Tokens, positions_of, split_sentences, tokenize
from presseschau.models import Mention, Sentence


@dataclass(frozen=True)
class EntityResult:
    mentions: tuple[Mention, ...]
    roles: dict[str, str]
    """Canonical person name → the role word that introduced it ("kanzler"), for anaphora."""
    genitive_starts: frozenset[int]
    """Start offsets of mentions that are genitive attributes ("Trumps Verteidigungsminister")."""
    genders: dict[str, str]


def find_entities(
    body: str,
    tokens: Tokens,
    known: Mapping[str, tuple[str, str]] | None = None,
    context: str | None = None,
    sentences: Sequence[Sentence] | None = None,
    model: Path = MODEL_PATH,
) -> EntityResult:
    """All entity mentions in `body`, each with its document-level canonical name.

    `known` maps single words the corpus has already resolved ("Merkel" → ("Angela Merkel",
    "PER")) to a name and type; the document's own evidence always comes first. `context` is
    text on the same story outside the body (the headline): the full names it gives are learned
    as if the body gave them, but it yields no mentions. The rules' mentions are then read again
    by the tagger (`tagger.tag`, with the CRF `model`), which keeps, retypes, drops or adds names
    sentence by sentence.
    """
    resolver = _resolver(body, tokens, known, context)
    result = resolver.resolve()
    tagged = tag(body, tokens, sentences or split_sentences(body), result.mentions, resolver.cues, model)
    return replace(result, mentions=resolver.merge(result.mentions, tagged))


def rule_entities(
    body: str,
    tokens: Tokens,
    known: Mapping[str, tuple[str, str]] | None = None,
    context: str | None = None,
) -> tuple[EntityResult, dict[tuple[int, int], str]]:
    """The mentions the rules alone find, and the cue of each span: what the tagger reads, and
    what it is trained on."""
    resolver = _resolver(body, tokens, known, context)
    return resolver.resolve(), resolver.cues


def _resolver(
    body: str, tokens: Tokens, known: Mapping[str, tuple[str, str]] | None, context: str | None
) -> _Resolver:
    reader = Reader(body, tokens)
    reader.read()
    resolver = _Resolver(body, tokens, reader.candidates, known or {})
    if context:
        context_tokens = tokenize(context, split_sentences(context))
        context_reader = Reader(context, context_tokens)
        context_reader.read()
        resolver.learn_people_from(_Resolver(context, context_tokens, context_reader.candidates, {}))
    return resolver


class _Resolver:
    """Second pass: document-level names, genitives, typos and consistent types."""

    def __init__(
        self, body: str, tokens: Tokens, candidates: list[Candidate], known: Mapping[str, tuple[str, str]]
    ) -> None:
        self.body = body
        self.tokens = tokens
        self.known = known
        self.candidates = sorted(candidates, key=lambda c: (c.start, -c.end))
        self.surnames: dict[str, str] = {}
        self.full_names: dict[str, str] = {}
        self.context_surnames: dict[str, str] = {}
        self.typed: dict[str, tuple[str, str]] = {}
        self.cues: dict[tuple[int, int], str] = {}
        """(start, end) of each mention → the cue that made it (what the tagger reads)."""

    def learn_people_from(self, other: _Resolver) -> None:
        """Also know the people another text on the same story names in full."""
        other._learn_people()
        for full in other.full_names:
            self.full_names.setdefault(full, full)
        self.context_surnames = other.surnames

    def resolve(self) -> EntityResult:
        self._define_acronyms()
        self._drop_lone_acronym_compounds()
        self._learn_people()
        for surname, full in self.context_surnames.items():
            self.surnames.setdefault(surname, full)
        self._learn_cued_people()
        self._learn_types()
        self._add_surname_mentions()
        mentions: list[Mention] = []
        roles: dict[str, str] = {}
        genders: dict[str, str] = {}
        genitive_starts: set[int] = set()
        typed_ends: dict[int, str] = {}
        for candidate in self.candidates:
            resolved = self._resolve(candidate) or self._coordinated(candidate, typed_ends)
            if resolved is None:
                continue
            name, kind = resolved
            typed_ends[candidate.last] = kind
            self.cues.setdefault((candidate.start, candidate.end), candidate.cue)
            surface = self.body[candidate.start : candidate.end]
            mentions.append(
                Mention(name=name, type=kind, surface=surface, start=candidate.start, end=candidate.end)
            )
            if kind == "PER":
                if candidate.role:
                    roles.setdefault(name, candidate.role)
                if candidate.first_names and (gender := first_name_gender(candidate.first_names[0])):
                    genders.setdefault(name, gender)
                if candidate.genitive or self._is_genitive(candidate, name):
                    genitive_starts.add(candidate.start)
        return EntityResult(tuple(self._dedupe(mentions)), roles, frozenset(genitive_starts), genders)

    def merge(self, mentions: tuple[Mention, ...], tagged: list[tuple[int, int, str]]) -> tuple[Mention, ...]:
        """The tagger's names, with the rules' canonical name where the rules found the same span;
        a rule mention inside one word ("NATO" in "NATO-Verbündete") stays, since the tagger
        labels whole words only."""
        by_span = {(m.start, m.end): m for m in mentions}
        people = {m.name for m in mentions if m.type == "PER"}
        merged = []
        for start, end, kind in tagged:
            found = by_span.get((start, end))
            if found is not None and found.type == kind:
                merged.append(found)
                continue
            surface = self.body[start:end]
            name = found.name if found is not None else self._name_of(surface, kind, people)
            merged.append(Mention(name=name, type=kind, surface=surface, start=start, end=end))
        merged.extend(m for m in mentions if self._inside_word(m))
        return tuple(self._one_type_per_name(self._dedupe(merged), mentions))

    @staticmethod
    def _one_type_per_name(merged: list[Mention], rules: tuple[Mention, ...]) -> list[Mention]:
        """A name keeps one type throughout the document, as the rules keep it: the type most of
        its mentions have, on a tie the rules' ("Kreml" read once as a place, once as an
        organisation, stays the organisation the list says)."""
        first_types: dict[str, str] = {}
        mixed = {m.name for m in merged if first_types.setdefault(m.name, m.type) != m.type}
        if not mixed:  # the common case: nothing to vote on
            return merged
        votes: dict[str, Counter[str]] = {}
        for mention in merged:
            if mention.name in mixed:
                votes.setdefault(mention.name, Counter())[mention.type] += 1
        rule_types = {mention.name: mention.type for mention in rules}
        chosen = {}
        for name, counts in votes.items():
            ranked = counts.most_common()
            tied = [kind for kind, count in ranked if count == ranked[0][1]]
            chosen[name] = rule_types[name] if len(tied) > 1 and rule_types.get(name) in tied else tied[0]
        return [
            m if m.name not in chosen or m.type == chosen[m.name] else replace(m, type=chosen[m.name])
            for m in merged
        ]

    def _name_of(self, surface: str, kind: str, people: set[str]) -> str:
        """The canonical name of a span only the tagger found; a person's genitive ("Lawrows")
        is the person the rules found under the bare name."""
        if kind == "PER":
            person = self._known_person(surface)
            base = without_genitive(surface)
            return person[0] if person else base if base in people else surface
        typed = self.typed.get(surface) or self.typed.get(without_genitive(surface) or "")
        return typed[0] if typed and typed[1] == kind else surface

    def _inside_word(self, mention: Mention) -> bool:
        end = mention.end
        return end < len(self.body) and (self.body[end].isalnum() or self.body[end] in "-‐‑")

    def _surface(self, candidate: Candidate) -> str:
        return self.body[candidate.start : candidate.end]

    def _define_acronyms(self) -> None:
        """An acronym defined in parentheses and its long form are names of one type: the type the
        rules give the long form, else an organisation ("Deutsche Vermögensberatung (DVAG)")."""
        definitions = acronym_definitions(self.body, self.tokens)
        if not definitions:
            return
        starts, ends = self.tokens.start, self.tokens.end
        for first, acronym in definitions:
            kind = next(
                (c.type for c in self.candidates if (c.first, c.last) == (first, acronym) and c.type),
                "ORG",
            )
            self.candidates = [c for c in self.candidates if c.last <= first or c.first > acronym]
            cue = "acronym definition"
            self.candidates.append(
                Candidate(first, acronym, starts[first], ends[acronym - 1], kind, None, cue=cue)
            )
            self.candidates.append(
                Candidate(acronym, acronym + 1, starts[acronym], ends[acronym], kind, None, cue=cue)
            )
        self.candidates.sort(key=lambda c: (c.start, -c.end))

    def _drop_lone_acronym_compounds(self) -> None:
        """An unlisted acronym before a hyphen names an organisation only where the document also
        names it on its own: "PSA-Test", "ECM-Lösungen" and "CFA-Franc" mostly name a thing."""
        compounds = [c for c in self.candidates if c.cue == "acronym compound"]
        if not compounds:
            return
        alone = {self._surface(c) for c in self.candidates if c.last > c.first}
        self.candidates = [
            c for c in self.candidates if c.cue != "acronym compound" or self._surface(c) in alone
        ]

    def _learn_people(self) -> None:
        """Full names seen in the document, and the surname each one is later called by."""
        for candidate in self.candidates:
            if candidate.type != "PER" or candidate.last - candidate.first < 2 or not candidate.first_names:
                continue
            surname = self.tokens.text[candidate.last - 1]
            full = self._surface(candidate)
            base = without_genitive(surname)
            if base and self._followed_by_noun(candidate):
                surname, full = base, full[:-1]
            self.full_names.setdefault(full, full)
            self.surnames.setdefault(surname, full)
            article, _, bare = surname.partition("-")
            if article.islower() and bare:
                # "al-Assad" is later just "Assad".
                self.surnames.setdefault(bare, full)
        # A name after a role word ("Präsident Selenskyj") is how the document calls that person.
        for candidate in self.candidates:
            if candidate.type == "PER" and candidate.cue == "role":
                surname = self._surface(candidate)
                self.surnames.setdefault(surname, surname)

    def _learn_cued_people(self) -> None:
        """Names known only from a cue ("sagte Selenskyj") also name the person elsewhere in the
        document, including a mistyped "Schmidtt" for "Schmidt"."""
        for candidate in self.candidates:
            if candidate.type is None and candidate.cue == "unknown" and self._speech_cue(candidate):
                surface = self._surface(candidate)
                if self._known_person(surface) is None:
                    self.surnames[surface] = surface

    def _add_surname_mentions(self) -> None:
        """Surnames of the document's people wherever they stand, also where a list reads them
        as a word or place ("Bergmann", "Major", "Rubio") or at a sentence start."""
        if not self.surnames:
            return
        covered: set[int] = set()
        for candidate in self.candidates:
            if candidate.type == "PER" or candidate.last - candidate.first > 1:
                covered.update(range(candidate.first, candidate.last))
        by_token = {c.first: c for c in self.candidates if c.last - c.first == 1 and c.type != "PER"}
        text = self.tokens.text
        forms = set(self.surnames) | {surname + "s" for surname in self.surnames}
        for index in positions_of(text, forms):
            if index in covered:
                continue
            existing = by_token.get(index)
            if existing is not None:
                existing.type, existing.canonical, existing.cue = "PER", None, "surname"
                continue
            start, end = self.tokens.start[index], self.tokens.end[index]
            self.candidates.append(Candidate(index, index + 1, start, end, "PER", None, cue="surname"))
        self.candidates.sort(key=lambda c: (c.start, -c.end))

    def _learn_types(self) -> None:
        for candidate in self.candidates:
            if candidate.type in ("ORG", "LOC") and not candidate.cue.endswith("compound"):
                surface = self._surface(candidate)
                self.typed.setdefault(surface, (candidate.canonical or surface, candidate.type))

    def _followed_by_noun(self, candidate: Candidate) -> bool:
        following = candidate.last
        if (
            following >= len(self.tokens.text)
            or self.body[candidate.end : self.tokens.start[following]] not in SPACES
        ):
            return False
        info = word_info(self.tokens.text[following])
        return self.tokens.text[following][0].isupper() and (
            info.noun or info.compound_noun or bool(info.role)
        )

    def _is_genitive(self, candidate: Candidate, name: str) -> bool:
        surface = self._surface(candidate)
        return surface.endswith("s") and not name.endswith("s") and self._followed_by_noun(candidate)

    def _resolve(self, candidate: Candidate) -> tuple[str, str] | None:
        surface = self._surface(candidate)
        if candidate.type == "PER":
            return self._person_name(candidate, surface), "PER"
        if candidate.type is not None:
            return candidate.canonical or self._strip_known_genitive(surface), candidate.type
        person = self._known_person(surface)
        if person is not None:
            candidate.genitive = person[1]
            return person[0], "PER"
        if surface in self.typed:
            return self.typed[surface]
        corpus = self._known_in_corpus(surface)
        if corpus is not None:
            candidate.genitive = corpus[1] == "PER" and surface not in self.known
            return corpus
        if candidate.cue == "unknown" and self._speech_cue(candidate):
            return surface, "PER"
        if candidate.cue == "unknown" and self._place_cue(candidate):
            return surface, "LOC"
        if candidate.cue == "unknown" and (self._guess(candidate) or self._verb_cue(candidate)):
            return surface, "PER"
        return None

    def _known_in_corpus(self, surface: str) -> tuple[str, str] | None:
        if surface in self.known:
            return self.known[surface]
        base = without_genitive(surface)
        found = self.known.get(base) if base else None
        return found if found and found[1] == "PER" else None

    def _guess(self, candidate: Candidate) -> bool:
        """A listed family name, or a genitive before a noun ("Hitlers Machtergreifung")."""
        if self.tokens.initial[candidate.first]:
            return False
        word = self.tokens.text[candidate.first]
        return word_info(word).surname or (word.endswith("s") and self._followed_by_noun(candidate))

    def _person_name(self, candidate: Candidate, surface: str) -> str:
        if candidate.first_names and candidate.last - candidate.first >= 2:
            base = without_genitive(surface)
            if base and base in self.full_names and self._followed_by_noun(candidate):
                return self.full_names[base]
            return self.full_names.get(surface, surface)
        known = self._known_person(surface)
        return known[0] if known else surface

    def _known_person(self, surface: str) -> tuple[str, bool] | None:
        """(full name, is genitive) when `surface` is how the document calls a known person."""
        if surface in self.surnames:
            return self.surnames[surface], False
        if surface in self.full_names:
            return self.full_names[surface], False
        base = without_genitive(surface)
        if base and base in self.surnames:
            return self.surnames[base], True
        if len(surface) >= 6 and " " not in surface:
            key = fold(surface)
            for surname, full in self.surnames.items():
                if len(surname) >= 6 and surname[0] == surface[0] and OSA.distance(key, fold(surname)) <= 1:
                    return full, False
        return None

    def _strip_known_genitive(self, surface: str) -> str:
        base = without_genitive(surface)
        return base if base and base in self.typed else surface

    def _speech_cue(self, candidate: Candidate) -> bool:
        """An unknown name next to a speech verb is a person: "sagte Müller", "Müller sagte"."""
        text, verbs = self.tokens.text, speech_verbs()
        before, after = candidate.first - 1, candidate.last
        if before >= 0 and text[before] in verbs and text[before] != "so" and self._adjacent(before):
            return True
        if after >= len(text) or text[after] not in verbs or not self._adjacent(after - 1):
            return False
        return not self.tokens.initial[candidate.first] or word_info(text[candidate.first]).surname

    def _coordinated(self, candidate: Candidate, typed_ends: dict[int, str]) -> tuple[str, str] | None:
        """An unlisted name joined by "und"/"oder" to a typed one shares its type: "zwischen
        Gudme und Lundborg", "die Hersteller Siemens und Bombardier"."""
        conjunction = candidate.first - 1
        if candidate.cue != "unknown" or conjunction < 1:
            return None
        if self.tokens.text[conjunction] not in ("und", "oder") or not self._adjacent(conjunction):
            return None
        kind = typed_ends.get(conjunction)
        if kind is None or not self._adjacent(conjunction - 1):
            return None
        return self._surface(candidate), kind

    def _place_cue(self, candidate: Candidate) -> bool:
        """An unlisted name after "in", "aus" or a place noun ("Gemeinde Hérémence") is a place;
        not an English word ("in The …") nor an adjective before a noun ("in Ostjerusalemer Buchhandlung")."""
        before, text = candidate.first - 1, self.tokens.text
        if before < 0 or text[before].lower() not in place_cues() or not self._adjacent(before):
            return False
        info = word_info(text[candidate.first])
        if info.surname or info.english:
            return False
        return not self._followed_by_noun(candidate)

    def _verb_cue(self, candidate: Candidate) -> bool:
        """An unlisted name next to a finite verb is its subject, most often a person: "Kolb war",
        "Ramelow erklärte", "startete Sampras". A sentence's first word before its verb may be
        any word ("Unklar war …"): there only a listed family name counts."""
        text, before, after = self.tokens.text, candidate.first - 1, candidate.last
        if before >= 0 and _finite_verb(text[before]) and self._adjacent(before):
            return True
        if self.tokens.initial[candidate.first] and not word_info(text[candidate.first]).surname:
            return False
        return after < len(text) and _finite_verb(text[after]) and self._adjacent(after - 1)

    def _adjacent(self, left: int) -> bool:
        return self.tokens.gaps[left + 1] in SPACES

    @staticmethod
    def _dedupe(mentions: list[Mention]) -> list[Mention]:
        """Drop mentions that overlap an earlier, longer one (a phrase wins over its parts)."""
        kept: list[Mention] = []
        for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
            if kept and mention.start < kept[-1].end:
                continue
            kept.append(mention)
        return kept


def _finite_verb(word: str) -> bool:
    """A finite verb form: listed, or a weak past tense in -te/-ten ("erklärte")."""
    if not word.islower():
        return False
    if word in subject_verbs():
        return True
    return len(word) > 5 and word.endswith(("te", "ten")) and word not in gazetteer().function_words
