"""Speaker phrases: where the noun phrase of a speaker ends, and who or what it names.

A phrase is read from its words and the entity mentions inside it: a person ("Vizekanzler Guido
Westerwelle"), an organisation ("Die Konrad-Adenauer-Stiftung"), a role of an organisation or
person ("ein Sprecher des Senders ProSieben" → ProSieben, role Sprecher), a group ("Analysten",
"Hamas und Fatah") or a source text ("Angaben der Polizei"). Pronouns ("er", "Seine Antwort")
point back to the last speaker or subject of their gender; a role alone ("der Minister") to the
one person the document introduced in that role.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from presseschau.extract.entities import EntityResult
from presseschau.extract.gazetteer import gazetteer, subject_verbs, word_info
from presseschau.extract.speech import speaker_noun, speech_verbs, word_classes
from presseschau.extract.text import Tokens
from presseschau.models import Mention

# How many adjectives may stand between an article and its noun ("die staatlich kontrollierten
# chinesischen Medien").
_MAX_ADJECTIVES = 4
# How many genitive, "von" or bracketed attachments a phrase may carry ("Der Leiter des
# Influenza-Programms der WHO").
_MAX_ATTACHMENTS = 3
# A bracket longer than this after a name is no attachment of it ("Kamanda (NEMA)").
_MAX_BRACKET = 120
# Blanks and closing quotation marks, which may stand before a bracket.
_CLOSING = ' \t“”"«»‘’'
_GENITIVE = frozenset({"des", "der", "eines", "einer"})
_OF = frozenset({"von", "vom"})
_AND = frozenset({"und", "sowie"})
_PRONOUNS = frozenset({"pronoun_m", "pronoun_f", "pronoun_n", "pronoun"})
_POSSESSIVES = frozenset({"possessive_m", "possessive_f", "possessive"})
_OPENERS = frozenset({"det"}) | _POSSESSIVES
_GENDER = {"pronoun_m": "m", "pronoun_f": "f", "possessive_m": "m", "possessive_f": "f"}
# Words of these classes end a phrase and cannot open one.
_NOT_IN_PHRASE = frozenset({"prep", "of", "sub", "conj", "cue_before", "cue_after", "cue_source", "cue_back"})
# Classes that open a phrase; classes no head of a phrase has.
_OPENS = _PRONOUNS | _OPENERS
_NO_HEAD = _OPENERS | _NOT_IN_PHRASE
# Endings of adverbs and participles that open a sentence capitalised ("Relativierend fügt X hinzu").
_ADVERB_ENDINGS = ("end", "lich", "weise", "bar", "mals", "falls", "dings", "ens")
# How many words an extended attribute may have before its participle ("die in New York City
# geborene").
_MAX_ATTRIBUTE = 8
# Adjective endings, and how the stems of participles end: present "-end", past "-t", "-en".
_INFLECTIONS = ("en", "em", "er", "es", "e")
_PARTICIPLE_STEMS = ("end", "t", "en")
_KIND_OF_TYPE = {"PER": "person", "ORG": "organisation", "LOC": "organisation", "MISC": "organisation"}


@dataclass(frozen=True)
class Speaker:
    """A speaker phrase (`start`, `end` in the body) and what it names."""

    start: int
    end: int
    name: str | None = None
    type: str | None = None
    kind: str | None = None
    role: str | None = None
    gender: str | None = None
    """"m", "f" or "pl" where known: what pronouns may later point back to it."""
    pointer: str | None = None
    """The pronoun class of a phrase that only points back ("er", "Seine Antwort", "eigenen
    Angaben"): the reader resolves it."""


class Phrases:
    """Noun phrases over one document's tokens, and the speakers they name."""

    def __init__(
        self,
        body: str,
        tokens: Tokens,
        entities: EntityResult,
        quoted: list[bool] | None = None,
        nameable: list[bool] | None = None,
    ) -> None:
        self.body = body
        self._quoted = quoted or [False] * len(tokens.text)
        self._nameable = nameable or self._quoted
        """Is the token inside quoted words that may be a name (not a statement)?"""
        self.tokens = tokens
        self.text = tokens.text
        self.mentions = [m for m in entities.mentions if m.start not in entities.genitive_starts]
        self.mention_starts = [m.start for m in self.mentions]
        self.genders = entities.genders
        self.roles: dict[str, list[str]] = {}
        for name, role in entities.roles.items():
            self.roles.setdefault(role, []).append(name)

    @cached_property
    def titled(self) -> dict[str, set[str]]:
        """Role word as written right before a person's name → those names ("Bundespräsident" of
        "Bundespräsident Horst Köhler"): "der Bundespräsident" means him, not "Bundestagspräsident
        Wolfgang Thierse", whom the role's base "präsident" also names. Read when a bare role
        first asks for it."""
        titled: dict[str, set[str]] = {}
        for mention in self.mentions:
            index = bisect_left(self.tokens.start, mention.start)
            if mention.type != "PER" or index == 0 or not self.joined(index):
                continue
            word = self.text[index - 1]
            if word_info(word).role:
                # the weak genitive/dative "des Bundespräsidenten Horst Köhler" is the same role
                titled.setdefault(word.removesuffix("en") if word.endswith("enten") else word, set()).add(
                    mention.name
                )
        return titled

    # -- tokens ------------------------------------------------------------------------------

    def gap(self, index: int) -> str:
        """The characters between token `index - 1` and token `index`."""
        return self.tokens.gaps[index] if index > 0 else ""

    def joined(self, index: int) -> bool:
        """Does token `index` continue the phrase of the token before it: only blanks between, or
        the period of an initial ("J. D. Vance")?"""
        gap = self.gap(index)
        if gap == " " or not gap.strip():
            return True
        previous = self.text[index - 1]
        if gap == "/" and capitalised(self.text[index]):
            return True  # a name of parts joined by a slash: "Bündnis 90/Die Grünen"
        initial = len(previous) == 1 and previous.isupper()
        return gap.strip() == "." and (initial or previous in gazetteer().abbreviations)

    def quoted(self, index: int) -> bool:
        """Is token `index` inside quotation marks?"""
        return self._quoted[index]

    def classes(self, index: int) -> frozenset[str]:
        """The classes of token `index` in `extract_speech_words.tsv` ("det", "prep", …)."""
        return word_classes(self.text[index].lower())

    def opens_phrase(self, index: int) -> bool:
        """Can a noun phrase start at this token (not "Am", "Dazu", "Gestern", "und", nor an
        adverb capitalised at a sentence start: "Relativierend", "Offenbar")?"""
        classes = self.classes(index)
        if classes & _OPENS:
            return True
        word = self.text[index]
        if self._particle_name(index) is not None:
            return True
        if not capitalised(word) or classes & _NOT_IN_PHRASE:
            return False
        info = word_info(word)
        if info.function:
            return False
        return not (
            self.tokens.initial[index]
            and word.endswith(_ADVERB_ENDINGS)
            and not (info.noun or info.compound_noun or info.surname or info.known or info.first_name)
        )

    # -- phrases -----------------------------------------------------------------------------

    def phrase_end(self, first: int, limit: int, *, nested: bool = False) -> int:
        """The end (exclusive token index) of the noun phrase opening at `first`, or `first`
        when none opens there: a pronoun; or an article or possessive, adjectives and capitalised
        words, with genitive, "von" and bracketed attachments."""
        text = self.text
        if first < limit and self.quoted(first):
            return self._quoted_name(first, limit, nested=nested)
        if first >= limit or not self.opens_phrase(first):
            return first
        named = self._particle_name(first)
        if named is not None:
            return min(named, limit)
        classes = self.classes(first)
        if classes & _PRONOUNS and not classes & _OPENERS:
            return first + 1
        index = first + 1 if classes & _OPENERS else first
        if "partitive" in classes and index < limit and text[index] in _GENITIVE:
            # "einer der 13 beteiligten Feuerwehrmänner", "eines der Parlamentsmitglieder"
            attached = self._attachment(index, limit)
            if attached > index:
                return attached
        attribute = 0
        if classes & _OPENERS:
            # "die in New York geborene Sängerin", "einer gestern verbreiteten Erklärung": an
            # attribute of its own (a phrase, an adverb) before a participle.
            extended = self._extended_attribute(index, limit)
            attribute, index = extended - index, extended
        while (
            index < limit
            and index - first - attribute <= _MAX_ADJECTIVES
            and not capitalised(text[index])
            and not self.classes(index) & _NOT_IN_PHRASE
            # a quantifier after the article is an adjective: "die beiden Mitglieder"
            and (not word_info(text[index]).function or (index > first and self._quantifier(index)))
            and text[index] not in speech_verbs()
            and text[index] not in subject_verbs()
            and self.joined(index)
        ):
            index += 1
        if index < limit and index > first and self.quoted(index) and not self.quoted(first):
            return self._quoted_name(index, limit, nested=nested)
        if index >= limit or not capitalised(text[index]) or (index > first and not self.joined(index)):
            return first
        index += 1
        while index < limit:
            if (capitalised(text[index]) or text[index].isdigit()) and self.joined(index):
                index += 1
            elif text[index] in _AND and (head := self._coordinated_head(index + 1, limit)) is not None:
                # Coordinated heads: "Bürgermeister und Justizsenator", "Hamas und Fatah",
                # "Präsident der Universität und derzeitiger Vorsitzender der Konferenz".
                index = head + 1
            else:
                break
        if index < limit and self._nameable[index] and self.gap(index).strip() in '„»«“"‚':
            # A quoted name after its noun: "der Umweltschutzorganisation „Iceland Nature …“".
            return self._quoted_name(index, limit, nested=nested)
        return self._attachments(index, limit, nested=nested)

    def _coordinated_head(self, index: int, limit: int) -> int | None:
        """The capitalised head after "und" at `index`, past at most one adjective; None if none."""
        text = self.text
        if index < limit and self.joined(index) and not capitalised(text[index]) and _adjective(text[index]):
            index += 1
        if index < limit and text[index][0].isupper() and self.joined(index):
            return index
        return None

    def _quantifier(self, index: int) -> bool:
        """A word that opens a noun phrase but is no article ("beiden", "vielen", "weiteren")."""
        classes = self.classes(index)
        return "det" in classes and "article" not in classes

    def _extended_attribute(self, index: int, limit: int) -> int:
        """After an article, the participle that ends an extended attribute ("die [in New York
        City] geborene Lopez", "Die [das Unglück] überlebende Alice Kakamara", "einer [gestern]
        verbreiteten Erklärung"): the participle's token, or `index` where none stands. The
        attribute is a few joined words outside quotation marks, no verb, and the participle
        comes right before the noun."""
        text = self.text
        if index >= limit or capitalised(text[index]) or text[index] in speech_verbs():
            return index
        stop = min(limit - 1, index + _MAX_ATTRIBUTE)
        probe = index
        while probe < stop and self.joined(probe + 1) and not self.quoted(probe):
            word = text[probe]
            if word in subject_verbs() or (probe > index and word in speech_verbs()):
                return index
            following = text[probe + 1]
            if (
                probe > index
                and word.islower()
                and _participle(word)
                and capitalised(following)
                and not word_info(following).function
            ):
                return probe
            probe += 1
        return index

    def _quoted_name(self, first: int, limit: int, *, nested: bool) -> int:
        """A name in quotation marks heads the phrase: "die „Süddeutsche Zeitung“", "„BBC News“";
        quoted speech does not ("von der „schlimmsten Katastrophe …“", "so: „Da gibt es …“")."""
        if not self._nameable[first] or ":" in self.gap(first):
            return first
        index = first
        while index < limit and self.quoted(index) and (index == first or not self.gap(index).strip()):
            index += 1
        return self._attachments(index, limit, nested=nested)

    def _attachments(self, index: int, limit: int, *, nested: bool) -> int:
        """Where the attachments after a phrase end (one inside an attachment itself)."""
        for _ in range(1 if nested else _MAX_ATTACHMENTS):
            attached = self._attachment(index, limit)
            if attached == index:
                break
            index = attached
        return index

    def _attachment(self, index: int, limit: int) -> int:
        """A genitive ("des Senders ProSieben"), "von der NEMA" or "(CDU)" after a phrase."""
        if index >= limit:
            return index
        if self.gap(index).strip(_CLOSING) == "(":  # also after a quoted name: "„…“ (Inca)"
            close = self.body.find(")", self.tokens.start[index], self.tokens.start[index] + _MAX_BRACKET)
            end = index
            while close != -1 and end < limit and self.tokens.start[end] < close:
                end += 1
            return end if close != -1 else index
        word = self.text[index]
        if not self.joined(index):
            return index
        if word in _GENITIVE:
            end = self.phrase_end(index, limit, nested=True)
        elif word in _OF:
            end = self.phrase_end(index + 1, limit, nested=True)
        else:
            return index
        return end if end > index + 1 else index

    def _particle_name(self, index: int) -> int | None:
        """A person's name that opens a sentence with its particle, capitalised there ("Von der
        Leyen betonte"): the end of the name, or None."""
        if not (self.tokens.initial[index] and self.text[index].lower() in gazetteer().particles):
            return None
        probe = index + 1
        while probe < len(self.text) and self.text[probe] in gazetteer().particles:
            probe += 1
        position = bisect_left(self.mention_starts, self.tokens.start[min(probe, len(self.text) - 1)])
        if probe == len(self.text) or position == len(self.mentions):
            return None
        mention = self.mentions[position]
        if mention.start != self.tokens.start[probe] or mention.type != "PER":
            return None
        return bisect_left(self.tokens.start, mention.end)

    # -- speakers ----------------------------------------------------------------------------

    def speaker(self, first: int, last: int) -> Speaker:
        """What the phrase of tokens [first, last) names."""
        tokens, text = self.tokens, self.text
        start, end = tokens.start[first], tokens.end[last - 1]
        classes = self.classes(first)
        if last - first == 1 and classes & _PRONOUNS and not classes & _OPENERS:
            return Speaker(start, end, pointer=_pointer(classes))
        head = self.head(first, last)
        if head is None:
            return Speaker(start, end)
        word = text[head]
        info = word_info(word)
        kind = speaker_noun(word) or ("role" if info.role else None)
        if kind is None and (info.org_head or info.descriptor):
            kind = "organisation"
        possessive = classes & _POSSESSIVES or text[first].lower() in ("eigenen", "eigener")
        if possessive and kind in ("source", None):
            # "Seine Antwort", "nach eigenen Angaben": the words of whoever the phrase points to.
            return Speaker(start, end, pointer=_pointer(classes) or "self")
        mentions = self._mentions(start, end)
        covering = next((m for m in mentions if m.start <= tokens.start[head] < m.end), None)
        if covering is not None and covering.type == "PER":
            return self._person(start, end, covering)
        if self._coordinated(first, last, mentions):
            return Speaker(start, end, kind="group", gender="pl")
        if covering is not None and covering.end >= tokens.end[head]:
            return Speaker(start, end, covering.name, covering.type, "organisation")
        inner = [m for m in mentions if m.start >= tokens.end[head] or m is covering]
        after_head = tokens.start[head + 1] if head + 1 < len(tokens.start) else None
        if kind == "group" and any(m.type == "PER" and m.start == after_head for m in inner):
            # A noun that is also plural names the person right after it: "vom Abgeordneten X",
            # "Der SPD-Bundestagsabgeordnete Jörg Tauss".
            kind = "role"
        if kind == "role":
            # Only a bare "der Minister" refers back to the one minister introduced before.
            bare = last - first == 2 and bool(classes & {"det"}) and "-" not in word
            return self._role(start, end, head, inner, anaphor=bare)
        if kind in ("source", "organisation", "group"):
            entity = next((m for m in inner if m.type != "PER" or kind == "source"), None)
            if entity is not None and kind == "source":
                return Speaker(start, end, entity.name, entity.type, _KIND_OF_TYPE[entity.type])
            if entity is not None:
                return Speaker(start, end, entity.name, entity.type, kind)
            if kind == "source":
                # "Angaben der Polizei": the source speaks for the one its attachment names.
                inner_head = self.head(head + 1, last)
                inner_kind = speaker_noun(text[inner_head]) if inner_head is not None else None
                kind = inner_kind if inner_kind in ("organisation", "group", "role") else kind
            return Speaker(start, end, kind=kind, gender="pl" if kind == "group" else None)
        if inner:
            entity = inner[0]
            if entity.type == "PER":
                return self._person(start, end, entity)
            return Speaker(start, end, entity.name, entity.type, "organisation")
        return Speaker(start, end)

    def head(self, first: int, last: int) -> int | None:
        """The noun of a phrase: its first capitalised word that is no article (nor in an
        extended attribute: "die in New York City geborene Lopez")."""
        opener = first < last and self.classes(first) & _OPENERS
        start = self._extended_attribute(first + 1, last) if opener else first
        for index in range(start, last):
            word = self.text[index]
            # "US-amerikanische" is an adjective, however it starts.
            adjective = "-" in word and word.rsplit("-", 1)[1][:1].islower()
            if capitalised(word) and not adjective and not self.classes(index) & _NO_HEAD:
                return index
        return None

    def _mentions(self, start: int, end: int) -> list[Mention]:
        first = bisect_left(self.mention_starts, start)
        last = bisect_left(self.mention_starts, end)
        return self.mentions[first:last]

    def _person(self, start: int, end: int, mention: Mention) -> Speaker:
        return Speaker(start, end, mention.name, "PER", "person", gender=self.genders.get(mention.name))

    def _coordinated(self, first: int, last: int, mentions: list[Mention]) -> bool:
        """Two named speakers joined by "und" ("Hamas und Fatah") speak as a group."""
        if len(mentions) < 2:
            return False
        ends = {m.end for m in mentions}
        starts = {m.start for m in mentions}
        return any(
            self.text[index] in _AND
            and self.tokens.end[index - 1] in ends
            and self.tokens.start[index + 1] in starts
            for index in range(first + 1, last - 1)
        )

    def _role(self, start: int, end: int, head: int, inner: list[Mention], *, anaphor: bool) -> Speaker:
        """A role: the person it names ("Regierungssprecher Steffen Seibert", "Der Leiter …, Klaus
        Stöhr"), else the organisation it is a role of, else the one person of that role."""
        word = self.text[head]
        gender = "f" if word.endswith("in") else None
        for mention in inner:
            between = self.body[self.tokens.end[head] : mention.start]
            # "Regierungssprecher Steffen Seibert", "Klinikdirektor Prof. Dr. X": titles between.
            adjacent = all(word[:1].isupper() for word in between.split())
            apposition = between.rstrip().endswith(",")
            if mention.type == "PER" and (adjacent or apposition):
                return replace(self._person(start, end, mention), role=word)
        entity = inner[0] if inner else None
        if entity is not None:
            return Speaker(start, end, entity.name, entity.type, "role", word, gender)
        role = word_info(word).role
        names = self.roles.get(role, []) if role and anaphor else []
        if anaphor and len(self.titled.get(word, ())) == 1:
            names = list(self.titled[word])
        if len(names) == 1:
            return Speaker(start, end, names[0], "PER", "person", word, self.genders.get(names[0]) or gender)
        return Speaker(start, end, kind="role", role=word, gender=gender)


def _adjective(word: str) -> bool:
    """Is a lower-case word an inflected adjective ("derzeitiger", "neue"), not a function word?"""
    return word.endswith(_INFLECTIONS) and not word_info(word).function and word not in speech_verbs()


def _participle(word: str) -> bool:
    """Is a lower-case word an inflected participle ("geborene", "überlebende", "verbreiteten")?"""
    stem = next((word[: -len(e)] for e in _INFLECTIONS if word.endswith(e)), None)
    return stem is not None and stem.endswith(_PARTICIPLE_STEMS)


def capitalised(word: str) -> bool:
    """Does a word start like a noun: a capital, or a number or lower-case name joined to one
    ("58-Jährige", "documenta-Homepage")?"""
    return word[0].isupper() or ("-" in word and word.rsplit("-", 1)[1][:1].isupper())


def _pointer(classes: frozenset[str]) -> str | None:
    return next((_GENDER[c] for c in classes if c in _GENDER), None) or (
        "n" if "pronoun_n" in classes else ("x" if classes & (_PRONOUNS | _POSSESSIVES) else None)
    )


class Memory:
    """Who the text last spoke of, by gender: what "er", "sie" and "Seine Antwort" point to.

    Speakers are remembered as they are found; a sentence's subject only as the promise to read it
    (`subject_of`) when a pronoun needs it, since most sentences are followed by none."""

    def __init__(self, subject_of: Callable[[int], Speaker | None]) -> None:
        self.recent: list[Speaker | int] = []
        self.subject_of = subject_of

    def remember(self, speaker: Speaker) -> None:
        if speaker.name is not None or speaker.kind in ("group", "organisation", "role"):
            self.recent.append(speaker)

    def remember_subject(self, number: int) -> None:
        """Sentence `number` names a person: its subject may be what a later pronoun means."""
        self.recent.append(number)

    def resolve(self, pointer: Speaker, *, plural: bool = False) -> Speaker:
        """The pronoun phrase `pointer` as the speaker it points back to (keeping its own span)."""
        wanted = pointer.pointer
        for entry in reversed(self.recent[-_MEMORY:]):
            earlier = self.subject_of(entry) if isinstance(entry, int) else entry
            if earlier is None or earlier.start >= pointer.start:
                continue
            if isinstance(entry, int) and not (earlier.type == "PER" or earlier.kind == "role"):
                continue
            if _fits(earlier, wanted, plural=plural):
                return replace(earlier, start=pointer.start, end=pointer.end, pointer=wanted)
        return pointer


# How many remembered speakers a pronoun may reach back over.
_MEMORY = 8


def _fits(earlier: Speaker, wanted: str | None, *, plural: bool) -> bool:
    if plural:
        return earlier.gender == "pl"
    if earlier.type != "PER" and earlier.kind != "role":
        return False
    if wanted in ("m", "f"):
        return earlier.gender in (wanted, None, "u")
    return wanted == "self"
