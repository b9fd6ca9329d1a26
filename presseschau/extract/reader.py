"""First pass of entity reading: candidate name spans from runs of capitalised words.

Each run of capitalised words (with connectors such as "von der", "für", "of the") is read
with what the word lists know (places, organisations, first names, role words, common nouns)
and the cues around it: "Kremlsprecher Dmitri Peskow", "Stiftung Wissenschaft und Politik",
"NATO-Verbündete", "die Verurteilte" (a noun after an article). A candidate may still lack a
type; the document-level pass in `entities` decides those.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from presseschau.extract.gazetteer import WordInfo, first_name_gender, gazetteer, word_info
from presseschau.extract.text import Tokens

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
_MAX_PER_TOKENS = 5
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
        text = self.text
        capitalised = self.tokens.capitalised
        position = 0
        while position < len(capitalised):
            index = capitalised[position]
            end = self._run_end(index)
            if end == index + 1:
                self._read_word(index)
            # Most runs are common nouns ("Die Regierung"): nothing to read there.
            elif any(not word_info(text[k]).plain for k in range(index, end) if text[k][0].isupper()):
                self._read_run(index, end)
            while position < len(capitalised) and capitalised[position] < end:
                position += 1
        lower_case_names = gazetteer().lower_case_names
        for index in [i for i, word in enumerate(text) if word in lower_case_names]:
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
        gap = self.body[self.tokens.end[left] : self.tokens.start[left + 1]]
        if gap in SPACES:
            return True
        word = self.text[left]
        return gap[:1] == "." and gap[1:] in SPACES and len(word) == 1 and word.isupper()

    def _run_end(self, index: int) -> int:
        text, count = self.text, len(self.text)
        end = index + 1
        while end < count and (text[end][0].isupper() or text[end] in _CONNECTORS) and self._joined(end - 1):
            if text[end][0].isupper():
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

    # -- one run ---------------------------------------------------------------------------

    def _read_run(self, first: int, last: int) -> None:
        org = self._organisation(first, last)
        if org is None:
            self._read_segment(first, last)
            return
        self._read_segment(first, org.first)
        self.candidates.append(org)
        self._read_segment(org.last, last)

    def _info(self, index: int) -> WordInfo:
        return word_info(self.text[index])

    def _organisation(self, first: int, last: int) -> Candidate | None:
        """An organisation name spanning (part of) the run, from its shape and head word."""
        text = self.text
        names = [k for k in range(first, last) if text[k][0].isupper()]
        if len(names) < 2:
            return None
        whole = self._phrase(first, last)
        if whole is not None and whole.last == last:
            return None
        english = self._english_name(first, last, names)
        if english is not None:
            return english
        for position, index in enumerate(names):
            if not self._is_org_head(index):
                continue
            before = index
            while before - 1 >= first and self._is_org_modifier(before - 1):
                before -= 1
            after = [k for k in names[position + 1 :] if not self._info(k).function]
            if after and after[0] <= index + 2 and text[index + 1] not in ("und", "and"):
                if self._names_itself(after[0]):
                    # "Chemiekonzern BASF", "Versicherung Swiss Life": the head only describes it.
                    return self._candidate(after[0], last, "ORG", cue="described name")
                # "Stiftung Wissenschaft und Politik", "Medizinische Hochschule Hannover"; a place
                # adjective before a named head ("Berliner Stiftung …") is no part of the name.
                while before < index and _demonym_of_place(text[before]):
                    before += 1
                return self._candidate(before, last, "ORG", cue="org head + name")
            if before < index:
                return self._candidate(before, index + 1, "ORG", cue="modifier + org head")
        return None

    def _names_itself(self, index: int) -> bool:
        """Does the word after an organisation head name the organisation on its own?"""
        info = self._info(index)
        if info.known:
            return info.known[1] == "ORG"
        return info.acronym or not (info.noun or info.compound_noun or info.first_name)

    def _english_name(self, first: int, last: int, names: list[int]) -> Candidate | None:
        text = self.text
        inner = text[first:last]
        infos = [self._info(k) for k in names]
        has_connector = any(word in _ENGLISH_CONNECTORS for word in inner)
        head = infos[-1].org_head and infos[-1].english
        if any(info.function for info in infos):
            return None
        if has_connector or head:
            return self._candidate(names[0], last, "ORG", cue="english name")
        starts_like_person = first_name_gender(text[names[0]]) is not None
        all_english = all(
            info.english or not (info.noun or info.compound_noun or info.known) for info in infos
        )
        if all_english and any(info.english for info in infos) and not starts_like_person:
            return self._candidate(names[0], last, "ORG", cue="english name")
        return None

    def _is_org_head(self, index: int) -> bool:
        return self._info(index).org_head

    def _is_org_modifier(self, index: int) -> bool:
        """Can this word modify an organisation head ("Deutsche", "Berliner"; not "Trumps")?"""
        word, info = self.text[index], self._info(index)
        if info.function or info.role or word.endswith("s"):
            return False
        if self.tokens.initial[index] and not (info.known or _demonym_of_place(word)):
            return False
        return word.endswith(("er", "e", "en")) or not (info.noun or info.compound_noun)

    def _read_segment(self, first: int, last: int) -> None:
        text = self.text
        index = first
        role: str | None = None
        while index < last:
            word = text[index]
            if not word[0].isupper():
                index += 1
                continue
            phrase = self._phrase(index, last)
            if phrase is not None:
                self.candidates.append(phrase)
                index, role = phrase.last, None
                continue
            info = self._info(index)
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

    def _phrase(self, index: int, last: int) -> Candidate | None:
        """The longest multi-word gazetteer name starting at `index` inside the run."""
        options = gazetteer().phrases.get(self.text[index])
        if not options:
            return None
        for phrase_words, canonical, kind in options:
            end = index + len(phrase_words)
            if end <= last and tuple(self.text[index:end]) == phrase_words:
                return self._candidate(index, end, kind, canonical=canonical, cue="gazetteer phrase")
        return None

    def _is_first_name(self, index: int) -> bool:
        word = self.text[index]
        if len(word) == 1:
            return word.isupper() and self.body[self.tokens.end[index] : self.tokens.end[index] + 1] == "."
        info = self._info(index)
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
        if first_names:
            if end < last and self._surname_like(end, after_first_name=True):
                end += 1
                if (
                    end < last
                    and self._surname_like(end, after_first_name=False)
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
                self._info(index).first_name and not self._info(index).noun and not self.tokens.initial[index]
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

    def _unknown_follows(self, index: int) -> bool:
        following = index + 1
        if following >= len(self.text) or not self._joined(index) or not self.text[following][0].isupper():
            return False
        info = self._info(following)
        return not (info.known or info.noun or info.function or info.role or info.acronym)

    def _surname_like(self, index: int, *, after_first_name: bool) -> bool:
        word = self.text[index]
        if not word[0].isupper() or len(word) < 2:
            return False
        info = self._info(index)
        if info.function or info.role or info.acronym:
            return False
        if after_first_name:
            return not (info.known and not info.ambiguous and info.known[1] == "ORG")
        return not info.noun and not (info.known and not info.ambiguous)

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
        elif info.ending == "place":
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
        previous = index - 1
        return previous < 0 or not (self.text[previous].lower() in _DETERMINERS and self._joined(previous))

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
                Candidate(index, index, start, start + len(prefix), "ORG", prefix, cue="compound")
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
        return Candidate(
            first,
            last,
            self.tokens.start[first],
            self.tokens.end[last - 1],
            kind,
            canonical,
            role=role,
            cue=cue,
            first_names=first_names,
        )


def _organisation_acronym(word: str, info: WordInfo) -> bool:
    """Unlisted acronyms name organisations often enough; two letters or digits ("S800") do not."""
    return info.acronym and len(word) >= 3 and not any(ch.isdigit() for ch in word)


def _demonym_of_place(word: str) -> bool:
    """Is the word the adjective of a known place: "Berliner" (Berlin), "Münchner" (München)?"""
    if not word.endswith("er") or len(word) < 5:
        return False
    known = gazetteer().known
    stem = word[:-2]
    return stem in known or (word.endswith("ner") and stem[:-1] + "en" in known)
