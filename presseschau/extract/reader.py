"""First pass of entity reading: candidate name spans from runs of capitalised words.

Each run of capitalised words (with connectors such as "von der", "für", "of the") is read
with what the word lists know (places, organisations, first names, role words, common nouns)
and the cues around it: "Kremlsprecher Dmitri Peskow", "Stiftung Wissenschaft und Politik",
"NATO-Verbündete", "die Verurteilte" (a noun after an article), "Ölgesellschaft Petrobras" (a
describing noun), "1. FC Nürnberg", "Lido di Spina", "Baschar al-Assad". A candidate may still lack
a type; the document-level pass in `entities` decides those.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from presseschau.extract.gazetteer import WordInfo, first_name_gender, gazetteer, word_info
from presseschau.extract.text import Tokens, positions_of

# Words inside multi-word names: English connectors and German "und"/"für" join organisation
# names ("Center for Strategic and International Studies", "Stiftung Wissenschaft und Politik").
_CONNECTORS = frozenset({"und", "für", "of", "for", "on", "the", "and", "de", "du", "la", "del"})
_ENGLISH_CONNECTORS = frozenset({"of", "for", "on", "the", "and"})
# Prepositions that make an ambiguous place name ("Essen", "Bayern") a place.
_PLACE_PREPOSITIONS = frozenset(
    {"in", "nach", "aus", "bei", "von", "zwischen", "über", "durch", "gegen", "um"}
)
# After an article or determiner a capitalised word is a noun ("die Verurteilte", "das Hoffen"),
# hardly ever a bare name.
_DETERMINERS = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einem", "einen", "einer", "eines"}
    | {"kein", "keine", "keinem", "keinen", "keiner", "keines", "dieser", "diese", "dieses", "diesem"}
    | {"diesen", "jeder", "jede", "jedes", "jedem", "jeden", "im", "am", "zum", "zur", "vom", "beim"}
    | {"ins", "ans"}
)
_ROMANCE_PARTICLES = frozenset({"di", "de", "del", "da", "do", "dos"})
_MAX_PER_TOKENS = 5
# "e. V." (eingetragener Verein) is two tokens of one letter each, so it is matched on the text.
_REGISTERED_ASSOCIATION = re.compile(r"[ \xa0]?e\.[ \xa0]?V\.")
# Forms that keep their period ("Google Inc."): abbreviations, unlike "AG" or "GmbH".
_ABBREVIATED_FORMS = frozenset({"Inc", "Ltd", "Corp", "Co", "Bros"})
_ARTICLE_SURNAME = re.compile(r"(?:al|el|as|asch|ad|ar|at|az|an|ash)-[A-ZÄÖÜ]\w+")
_CLUB_NUMBER = re.compile(r"[1-9]\. ")
_CLUB_YEAR = re.compile(r"\d{2}")
_ROMAN = re.compile(r"(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})")
# What may stand between two words of one name (web text has no-break spaces).
SPACES = frozenset({" ", "\xa0", "\u202f"})


@dataclass(slots=True)
class Candidate:
    """A span that may name an entity; `type` None means "a name, kind not yet known"."""

    first: int
    last: int
    start: int
    end: int
    type: str | None
    canonical: str | None
    role: str | None = None
    genitive: bool = False
    cue: str = ""
    first_names: tuple[str, ...] = field(default=())


class Reader:
    """First pass: candidate spans from each run of capitalised words."""

    def __init__(self, body: str, tokens: Tokens) -> None:
        self.body = body
        self.tokens = tokens
        self.text = tokens.text
        self.candidates: list[Candidate] = []

    def read(self) -> None:
        text, count = self.text, len(self.text)
        capitalised = self.tokens.capitalised
        position, stop = 0, len(capitalised)
        while position < stop:
            index = capitalised[position]
            # Mostly neither a capitalised word nor a connector follows: no run to measure, and
            # the next capitalised word is the next one listed.
            following = index + 1
            if following == count or not (text[following][0].isupper() or text[following] in _CONNECTORS):
                self._read_word(index)
                position += 1
                continue
            end = self._run_end(index)
            if end == following:
                self._read_word(index)
            elif self._may_name(index, end):
                self._read_run(index, end)
            position = bisect_left(capitalised, end, position + 1)
        lower_case_names = gazetteer().lower_case_names
        if lower_case_names.isdisjoint(text):  # one pass in C; most bodies name none of them
            return
        for index in positions_of(text, lower_case_names):
            self._single(index, word_info(text[index]))

    def _read_word(self, index: int) -> None:
        """A capitalised word on its own: the common case, read without the multi-word rules."""
        word = self.text[index]
        info = word_info(word)
        if info.plain or info.function:
            return
        if info.role or info.first_name or "-" in word or word in gazetteer().phrases:
            self._read_segment(index, index + 1)
        else:
            self._single(index, info)

    def _joined(self, left: int) -> bool:
        """Do tokens `left` and `left + 1` belong to one name (only a space, or an initial's period)?"""
        if left + 1 >= len(self.text):
            return False  # the last token: nothing follows to join
        gap = self.tokens.gaps[left + 1]
        if gap in SPACES:
            return True
        word = self.text[left]
        return gap[:1] == "." and gap[1:] in SPACES and len(word) == 1 and word.isupper()

    def _run_end(self, index: int) -> int:
        text, count, gaps = self.text, len(self.text), self.tokens.gaps
        end = index + 1
        while end < count:
            word = text[end]
            capital = word[0].isupper()
            if not (capital or word in _CONNECTORS):
                break
            # Mostly one space: tested here before the method call of `_joined`.
            if not (gaps[end] in SPACES or self._joined(end - 1)):
                break
            if capital:
                end += 1
                continue
            # Up to two lower-case connectors ("von der", "on the") between capitalised words.
            probe = end
            while probe < count and probe - end < 2 and text[probe] in _CONNECTORS and self._joined(probe):
                probe += 1
            if probe > end and probe < count and text[probe][0].isupper():
                end = probe + 1
                continue
            break
        return end

    def _may_name(self, first: int, last: int) -> bool:
        """Can a rule of `_read_run` find a name in the run? Most runs are common nouns ("Die
        Regierung"): all `plain`. Another third are `inert` ("Der Vertrag", "Am Rande"; not plain,
        as "Der" opens listed names): they name nothing unless a listed name starts in the run
        or "e. V." follows it. Reading a run costs several times these tests."""
        text = self.text
        plain = inert = True
        for k in range(first, last):
            word = text[k]
            if not word[0].isupper():
                inert = False  # a connector
                continue
            info = word_info(word)
            plain = plain and info.plain
            inert = inert and info.inert
        if plain or not inert:
            return not plain
        phrases = gazetteer().phrases
        if any(self._phrase(k, last) for k in range(first, last) if text[k] in phrases):
            return True
        return _REGISTERED_ASSOCIATION.match(self.body, self.tokens.end[last - 1]) is not None

    # -- one run ---------------------------------------------------------------------------

    def _read_run(self, first: int, last: int) -> None:
        org = self._organisation(first, last)
        if org is None:
            self._read_segment(first, last)
            return
        self._read_segment(first, org.first)
        self.candidates.append(org)
        self._read_segment(org.last, last)

    def _organisation(self, first: int, last: int) -> Candidate | None:
        """An organisation name spanning (part of) the run, from its shape and head word."""
        text = self.text
        names = [k for k in range(first, last) if text[k][0].isupper()]
        if len(names) < 2:
            return None
        company = self._company(first, last, names)
        if company is not None:
            return company
        whole = self._phrase(first, last)
        if whole is not None and whole.last == last:
            return None
        english = self._english_name(first, last, names)
        if english is not None:
            return english
        for position, index in enumerate(names):
            info = word_info(self.text[index])
            if info.acronym and not info.org_head and self._place_follows(index, last):
                # "THW Kiel", "SPD Berlin": an organisation's local branch or club.
                return self._candidate(index, index + 2, "ORG", cue="acronym + place")
            if info.descriptor and not info.org_head:
                described = self._described(index, last)
                if described is not None:
                    return described
            if not info.org_head:
                continue
            before = index
            while before - 1 >= first and self._is_org_modifier(before - 1):
                before -= 1
            after = [k for k in names[position + 1 :] if not word_info(self.text[k]).function]
            if after and after[0] <= index + 2 and text[index + 1] not in ("und", "and"):
                club = _club_head(text[index])
                if self._names_itself(after[0]) and not club:
                    # "Chemiekonzern BASF", "Versicherung Swiss Life": the head only describes it.
                    return self._candidate(after[0], last, "ORG", cue="described name")
                # "Stiftung Wissenschaft und Politik", "Medizinische Hochschule Hannover"; a place
                # adjective before a named head ("Berliner Stiftung …") is no part of the name.
                while before < index and _demonym_of_place(text[before]):
                    before += 1
                found = self._candidate(before, last, "ORG", cue="org head + name")
                return self._club_numbers(found) if club and before == index else found
            if before < index:
                return self._candidate(before, index + 1, "ORG", cue="modifier + org head")
        return None

    def _company(self, first: int, last: int, names: list[int]) -> Candidate | None:
        """A name ending in a legal form is a company or association: "Deutsche Bank AG",
        "Verkehrsbetriebe Hamburg-Holstein GmbH", "Förderverein Altstadt e. V."."""
        forms, text = gazetteer().company_forms, self.text
        # The cheap test first: most runs hold no legal form.
        has_form = not forms.isdisjoint(text[first:last])
        association = (
            None if has_form else _REGISTERED_ASSOCIATION.match(self.body, self.tokens.end[last - 1])
        )
        if not has_form and association is None:
            return None
        # A describing noun before the name is no part of it ("Softwarefirma Veltrano Inc.").
        start = next(
            (k for k in names if not ((info := word_info(text[k])).function or info.descriptor)), None
        )
        if start is None:
            return None
        form = next((k for k in names if k > start and text[k] in forms), None)
        if form is not None:
            return self._candidate(start, form + 1, "ORG", cue="company form")
        if association is None:
            association = _REGISTERED_ASSOCIATION.match(self.body, self.tokens.end[last - 1])
        if association is None:
            return None
        found = self._candidate(start, last, "ORG", cue="company form")
        found.end = association.end()
        return found

    def _described(self, index: int, last: int) -> Candidate | None:
        """The name after a describing noun: "Ölgesellschaft Petrobras", up to an "und"."""
        name = index + 1
        if name >= last or not self.text[name][0].isupper() or word_info(self.text[name]).function:
            return None
        if not self._names_itself(name):
            return None
        end = name + 1
        while end < last and self.text[end][0].isupper() and not word_info(self.text[end]).function:
            end += 1
        return self._candidate(name, end, "ORG", cue="described name")

    def _place_follows(self, index: int, last: int) -> bool:
        """Is the word (an acronym) right before a known place, and no other place itself?"""
        if index + 1 >= last or not self._joined(index):
            return False
        known = word_info(self.text[index]).known
        place = word_info(self.text[index + 1]).known
        return (known is None or known[1] == "ORG") and place is not None and place[1] == "LOC"

    def _club_numbers(self, club: Candidate) -> Candidate:
        """A club's number belongs to its name: "1. FC Nürnberg", "FC Schalke 04"."""
        body, tokens = self.body, self.tokens
        before = club.first - 1
        if before >= 0 and _CLUB_NUMBER.fullmatch(body[tokens.start[before] : club.start]):
            club.first, club.start = before, tokens.start[before]
        after = club.last
        if after < len(tokens.text) and self._joined(after - 1) and _CLUB_YEAR.fullmatch(tokens.text[after]):
            club.last, club.end = after + 1, tokens.end[after]
        return club

    def _names_itself(self, index: int) -> bool:
        """Does the word after an organisation head name the organisation on its own?"""
        info = word_info(self.text[index])
        if info.known:
            return info.known[1] == "ORG"
        return info.acronym or not (info.noun or info.compound_noun or info.first_name)

    def _english_name(self, first: int, last: int, names: list[int]) -> Candidate | None:
        text = self.text
        infos = [word_info(text[k]) for k in names]
        if any([info.function for info in infos]):
            return None
        has_connector = not _ENGLISH_CONNECTORS.isdisjoint(text[first:last])
        if has_connector or (infos[-1].org_head and infos[-1].english):
            return self._candidate(names[0], last, "ORG", cue="english name")
        # The cheap test first: most runs hold no English word at all.
        if not any(info.english for info in infos) or first_name_gender(text[names[0]]) is not None:
            return None
        if all(info.english or not (info.noun or info.compound_noun or info.known) for info in infos):
            return self._candidate(names[0], last, "ORG", cue="english name")
        return None

    def _is_org_modifier(self, index: int) -> bool:
        """Can this word modify an organisation head ("Deutsche", "Berliner"; not "Trumps")?"""
        word, info = self.text[index], word_info(self.text[index])
        if info.function or info.role or word.endswith("s"):
            return False
        if self.tokens.initial[index] and not (info.known or _demonym_of_place(word)):
            return False
        return word.endswith(("er", "e", "en")) or not (info.noun or info.compound_noun)

    def _read_segment(self, first: int, last: int) -> None:
        text, phrases = self.text, gazetteer().phrases
        index = first
        role: str | None = None
        while index < last:
            word = text[index]
            if not word[0].isupper():
                index += 1
                continue
            phrase = self._phrase(index, last) if word in phrases else None
            if phrase is not None:
                self.candidates.append(phrase)
                index, role = phrase.last, None
                continue
            info = word_info(self.text[index])
            place = self._prefixed_place(index) if info.place_prefix else None
            if place is not None:
                self.candidates.append(place)
                index, role = place.last, None
                continue
            if "-" in word and info.known is None and _named_institution(word):
                self.candidates.append(self._candidate(index, index + 1, "ORG", cue="named institution"))
                index, role = index + 1, None
                continue
            if "-" in word and info.known is None:
                self._compound(index)
            if info.function:
                index, role = index + 1, None
                continue
            if info.role:
                self._role_compound(index, info.role)
                index, role = index + 1, info.role
                continue
            person = self._person(index, last, role)
            if person is not None:
                self.candidates.append(person)
                index, role = person.last, None
                continue
            self._single(index, info)
            index, role = index + 1, None

    def _prefixed_place(self, index: int) -> Candidate | None:
        """A Romance place name opened by a listed word: "San Remo", "Lido di Spina"."""
        # The particles ("di", "do") end the run of capitals, so the name may go past the run.
        end = index + 1
        while end + 1 < len(self.text) and self.text[end] in _ROMANCE_PARTICLES and self._joined(end - 1):
            end += 1
        if end >= len(self.text) or not self._joined(end - 1) or not self.text[end][0].isupper():
            return None
        info = word_info(self.text[end])
        if info.function or info.role:
            return None
        return self._candidate(index, end + 1, "LOC", cue="place prefix")

    def _phrase(self, index: int, last: int) -> Candidate | None:
        """The longest multi-word gazetteer name starting at `index` inside the run."""
        options = gazetteer().phrases.get(self.text[index])
        if not options:
            return None
        for length, names in options:
            end = index + length
            found = names.get(tuple(self.text[index:end])) if end <= last else None
            if found:
                canonical, kind = found
                return self._candidate(index, end, kind, canonical=canonical, cue="gazetteer phrase")
        return None

    def _is_first_name(self, index: int) -> bool:
        word = self.text[index]
        if len(word) == 1:
            return word.isupper() and self.body[self.tokens.end[index] : self.tokens.end[index] + 1] == "."
        info = word_info(self.text[index])
        if info.function or info.role:
            return False
        if info.known and not info.ambiguous:
            # "Wladimir Putin", "Phoenix Hanzo": a first name that is also a place, before an unknown word.
            return info.first_name is not None and self._unknown_follows(index)
        if info.first_name:
            return True
        parts = word.split("-")
        if len(parts) > 1:
            return all(first_name_gender(part) for part in parts)
        return not info.noun and first_name_gender(word) is not None

    def _person(self, index: int, last: int, role: str | None) -> Candidate | None:
        """A personal name: first names + surname, or a name after a role word."""
        text = self.text
        end = index
        while (
            end < last
            and end - index < _MAX_PER_TOKENS
            and text[end][0].isupper()
            and self._is_first_name(end)
        ):
            end += 1
        first_names = tuple(text[index:end])
        while end < last and text[end] in gazetteer().particles and end > index:
            end += 1
        if (
            first_names
            and end == last < len(text)
            and self._joined(end - 1)
            and _ARTICLE_SURNAME.fullmatch(text[end])
        ):
            # "Baschar al-Assad": a surname with its (lower-case) Arabic article.
            return self._candidate(
                index, end + 1, "PER", role=role, cue="first name", first_names=first_names
            )
        if first_names and end == last:
            # "Ole von Beust", "Ursula von der Leyen": the particles end the run of capitals.
            probe = end
            while probe < len(text) and probe - end < 3 and text[probe] in gazetteer().particles:
                probe += 1
            if (
                probe > end
                and probe < len(text)
                and all(self._joined(k) for k in range(end - 1, probe))
                and self._surname_after_particles(probe)
            ):
                end, last = probe, probe + 1
        if first_names:
            if end < last and self._surname_like(end, after_first_name=True):
                end += 1
                if (
                    end < last
                    and self._surname_like(end, after_first_name=False)
                    and not word_info(self.text[end]).compound_noun
                    and not self._is_first_name(end)
                ):
                    end += 1
                return self._candidate(
                    index, end, "PER", role=role, cue="first name", first_names=first_names
                )
            if len(first_names) > 1:
                # Surnames that are also first names ("Thomas Michael"): the last one is the surname.
                return self._candidate(
                    index,
                    index + len(first_names),
                    "PER",
                    role=role,
                    cue="first name",
                    first_names=first_names[:-1],
                )
            if role or (
                word_info(self.text[index]).first_name
                and not word_info(self.text[index]).noun
                and not self.tokens.initial[index]
            ):
                return self._candidate(index, index + 1, "PER", role=role, cue="first name alone")
            return None
        if role is None:
            return None
        end = index
        while end < last and end - index < 3 and self._surname_like(end, after_first_name=False):
            end += 1
        if end == index:
            return None
        return self._candidate(index, end, "PER", role=role, cue="role")

    def _surname_after_particles(self, index: int) -> bool:
        """Can the word after "von der" end a name? Not a common noun: "J. D. Vance den Europäern"
        is a name and an object, "Ursula von der Leyen" one name."""
        word = self.text[index]
        info = word_info(self.text[index])
        if not word[0].isupper() or info.function or info.role:
            return False
        return info.surname or not info.noun

    def _unknown_follows(self, index: int) -> bool:
        following = index + 1
        if following >= len(self.text) or not self._joined(index) or not self.text[following][0].isupper():
            return False
        info = word_info(self.text[following])
        return not (info.known or info.noun or info.function or info.role or info.acronym)

    def _surname_like(self, index: int, *, after_first_name: bool) -> bool:
        word = self.text[index]
        if not word[0].isupper() or len(word) < 2:
            return False
        if after_first_name and _ROMAN.fullmatch(word):
            return True
        info = word_info(self.text[index])
        if info.function or info.role or info.acronym:
            return False
        if after_first_name:
            return not (info.known and not info.ambiguous and info.known[1] == "ORG")
        # A listed family name may also be a noun ("Fischer", "Straubinger") after a role word.
        return (not info.noun or info.surname) and not (info.known and not info.ambiguous)

    def _single(self, index: int, info: WordInfo) -> None:
        word = self.text[index]
        if info.known and (not info.ambiguous or self._place_context(index)):
            canonical, kind = info.known
            self.candidates.append(
                self._candidate(index, index + 1, kind, canonical=canonical, cue="gazetteer")
            )
        elif info.known:
            return
        elif _organisation_acronym(word, info):
            self.candidates.append(self._candidate(index, index + 1, "ORG", canonical=word, cue="acronym"))
        elif info.ending == "place" and not (word.endswith("ingen") and self._after_determiner(index)):
            # After an article, "-ingen" ends a verb used as a noun ("das Eindringen"), no town.
            self.candidates.append(self._candidate(index, index + 1, "LOC", cue="place ending"))
        elif self._may_be_name(index, info):
            self.candidates.append(self._candidate(index, index + 1, None, cue="unknown"))

    def _may_be_name(self, index: int, info: WordInfo) -> bool:
        """An unlisted word that could still be a name: no noun, abbreviation or "die Xyz"."""
        word = self.text[index]
        if info.noun or info.compound_noun or info.ending or info.acronym or word.isupper():
            return False
        if any(ch.isupper() or ch.isdigit() for part in word.split("-") for ch in part[1:]):
            return False
        return not self._after_determiner(index)

    def _after_determiner(self, index: int) -> bool:
        previous = index - 1
        return previous >= 0 and self.text[previous].lower() in _DETERMINERS and self._joined(previous)

    def _place_context(self, index: int) -> bool:
        return (
            index > 0
            and self.text[index - 1].lower() in _PLACE_PREPOSITIONS
            and not self.tokens.initial[index]
        )

    def _role_compound(self, index: int, role: str) -> None:
        """A role of a known organisation or place mentions it: "Kremlsprecher", "Pentagonchef"."""
        word = self.text[index]
        if "-" in word:
            return
        prefix = word[: len(word) - len(role)]
        if prefix.endswith("s") and prefix[:-1] in gazetteer().known:
            prefix = prefix[:-1]
        info = word_info(prefix) if len(prefix) > 2 else None
        if info is None or not info.known or info.ambiguous:
            return
        start = self.tokens.start[index]
        canonical, kind = info.known
        self.candidates.append(
            Candidate(index, index, start, start + len(prefix), kind, canonical, cue="compound")
        )

    def _compound(self, index: int) -> None:
        """Hyphen compounds: "NATO-Verbündete" mentions NATO, "Biden-Regierung" mentions Biden."""
        word = self.text[index]
        prefix, _, rest = word.partition("-")
        head = rest.rsplit("-", 1)[-1]
        if not prefix or not head or not prefix[0].isupper():
            return
        start = self.tokens.start[index]
        info = word_info(prefix)
        if info.known and not info.ambiguous:
            canonical, kind = info.known
            self.candidates.append(
                Candidate(index, index, start, start + len(prefix), kind, canonical, cue="compound")
            )
        elif _organisation_acronym(prefix, info):
            self.candidates.append(
                Candidate(index, index, start, start + len(prefix), "ORG", prefix, cue="acronym compound")
            )
        elif not (info.noun or info.compound_noun or info.function or info.role) and len(prefix) > 2:
            is_person = head.lower() in gazetteer().person_heads
            cue = "person compound" if is_person else "unknown compound"
            self.candidates.append(
                Candidate(
                    index, index, start, start + len(prefix), "PER" if is_person else None, None, cue=cue
                )
            )

    def _candidate(
        self,
        first: int,
        last: int,
        kind: str | None,
        *,
        canonical: str | None = None,
        role: str | None = None,
        cue: str = "",
        first_names: tuple[str, ...] = (),
    ) -> Candidate:
        end = self.tokens.end[last - 1]
        if last - first > 1 and self.body[end : end + 1] == "." and _takes_period(kind, self.text[last - 1]):
            end += 1
        return Candidate(
            first,
            last,
            self.tokens.start[first],
            end,
            kind,
            canonical,
            role=role,
            cue=cue,
            first_names=first_names,
        )


def _organisation_acronym(word: str, info: WordInfo) -> bool:
    """Unlisted acronyms name organisations often enough; two letters or digits ("S800") do not."""
    return info.acronym and len(word) >= 3 and not any(ch.isdigit() for ch in word)


def _takes_period(kind: str | None, word: str) -> bool:
    """Does the period after a name's last word belong to the name: an initial or a regnal number
    ("Elisabeth II."), an abbreviated company form ("Google Inc.")?"""
    if kind == "PER":
        return (len(word) == 1 and word.isupper()) or _ROMAN.fullmatch(word) is not None
    return kind == "ORG" and word in _ABBREVIATED_FORMS


def _named_institution(word: str) -> bool:
    """An institution named after a person, first name and surname: "Friedrich-Ebert-Stiftung",
    "Otto-Schott-Gymnasium"; not a person's company ("Trump-Unternehmen")."""
    *names, head = word.split("-")
    if len(names) < 2 or not head[:1].isupper() or not word_info(head).org_head:
        return False
    if not all(name[:1].isupper() for name in names) or not first_name_gender(names[0]):
        return False
    # The surname may look like a noun or a place ("Schott", "Brenner"), but no acronym or role.
    return not any((info := word_info(name)).acronym or info.function or info.role for name in names[1:])


def _club_head(word: str) -> bool:
    """Sports-club abbreviations ("FC", "TSV", "VfB") are part of the club's name."""
    return len(word) <= 5 and any(ch.isupper() for ch in word[1:])


def _demonym_of_place(word: str) -> bool:
    """Is the word the adjective of a known place: "Berliner" (Berlin), "Münchner" (München)?"""
    if not word.endswith("er") or len(word) < 5:
        return False
    known = gazetteer().known
    stem = word[:-2]
    return stem in known or (word.endswith("ner") and stem[:-1] + "en" in known)
