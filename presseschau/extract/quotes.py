"""Quoted, indirect and reported speech, and who said it.

Direct quotes are words in quotation marks; indirect quotes give speech in the reporter's words
("X sagte, er sei …", "X zufolge …", "laut X …"); reported quotes tell a speech act as a fact
("X forderte den Rücktritt"). Each sentence is read for its speech cues (a speech verb, "so",
"laut", "zufolge", "nach Angaben", a colon after a name), and the speaker is the noun phrase a
cue governs: the verb's subject before it ("X sagte") or after it ("„…“, sagte X", "Am Montag
erklärte X"), the phrase after "laut" or before "zufolge" (see `speakers`).

A quote without a cue of its own continues the speech before it: a quote opening a sentence after
a quote of the same paragraph, a paragraph that is only a quote, a sentence in the subjunctive of
reported speech ("Die Lage sei ernst."). Words in quotation marks that no cue governs and that are
no statement (names, titles, scare quotes) are of kind `term` and never have a speaker. Without
evidence of its speaker a quote keeps speaker None: never a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from presseschau.extract.entities import EntityResult
from presseschau.extract.gazetteer import subject_verbs, word_info
from presseschau.extract.speakers import Memory, Phrases, Speaker
from presseschau.extract.speech import Verb, speaker_noun, speech_verbs, word_classes
from presseschau.extract.text import Tokens
from presseschau.models import Quote, Sentence

# Pairs of quotation marks: German „…“ (also closed with ” or "), »…«, «…», English “…”,
# straight "…", and single German ‚…‘. A quote never crosses a line break.
_QUOTE = re.compile(
    r"(?=[„»«“\"‚])(?:„(?P<a>[^„“”\"\n]+)[“”\"]"
    r"|»(?P<b>[^»«\n]+)«"
    r"|«(?P<c>[^«»\n]+)»"
    r"|“(?P<d>[^“”„\n]+)”"
    r"|\"(?P<e>[^\"\n]+)\""
    r"|(?<!\w)‚(?P<f>[^‚‘’\n]{1,200})[‘’](?!\w))"
)
_MAX_QUOTE = 3000
# A quote-only line this short without a closing period is a headline, not a continued statement.
_HEADLINE = 80
# Quoted words this many or more, ending in a full stop, are a statement even where no cue says who.
_STATEMENT_WORDS = 6
# Punctuation between two tokens that ends a clause.
_BOUNDARY = re.compile(r"[,;:–—]")
# Punctuation that ends a clause for a separable verb's particle.
_CLAUSE_END = re.compile(r"[,;:.!?]")
# What may stand between a quote and the cue after it: "„…“, sagte X", "„…“ – so X".
_TO_CUE = re.compile(r"[\s,;–—-]*")
# How many words a source phrase may have that the phrase reader cannot parse ("laut einer am
# Dienstag veröffentlichten Pressemitteilung des WFP").
_MAX_SOURCE = 10
# How many adverbs may stand between a speech verb and its subject ("sagte dazu auch X").
_MAX_ADVERBS = 2
_CUES = frozenset({"cue_before", "cue_after", "cue_source", "cue_back"})
# Words between a verb and its subject are skipped ("sagte dazu auch X") unless they open a
# phrase of their own or end the clause.
_NOT_SKIPPED = (
    frozenset({"det", "pronoun_m", "pronoun_f", "pronoun_n", "pronoun", "prep", "of", "sub", "conj"})
    | frozenset({"possessive_m", "possessive_f", "possessive"})
    | _CUES
)


@dataclass(frozen=True)
class _Mark:
    """Words in quotation marks: `start`, `end` exclude the marks."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Cue:
    """A speech cue of one sentence: its words as written, who it names, what it reports."""

    cue: str
    frame: tuple[int, int]
    """Where the cue and its speaker phrase stand ("sagte Merkel", "Laut der Polizei")."""
    speaker: Speaker | None
    content: tuple[int, int] | None
    """The indirect or reported speech, or None where the cue only governs quoted words."""
    kind: str
    plural: bool = False
    source: bool = False
    """A cue that names a source ("laut X", "X zufolge"), not the one whose words they are."""


def find_quotes(
    body: str, sentences: tuple[Sentence, ...], tokens: Tokens, entities: EntityResult
) -> tuple[Quote, ...]:
    """Every quotation and every indirect or reported speech in `body`, with its speaker."""
    return _Reader(body, sentences, tokens, entities).read()


def _quotations(body: str) -> list[_Mark]:
    found = []
    for match in _QUOTE.finditer(body):
        group = next(name for name in "abcdef" if match.group(name) is not None)
        inner = match.group(group)
        stripped = inner.strip()
        if len(stripped) < 2 or len(stripped) > _MAX_QUOTE:
            continue
        start = match.start(group) + len(inner) - len(inner.lstrip())
        found.append(_Mark(start, start + len(stripped), stripped))
    return found


class _Reader:
    def __init__(self, body: str, sentences: tuple[Sentence, ...], tokens: Tokens, entities: EntityResult) -> None:
        self.body = body
        self.sentences = sentences or (Sentence(0, len(body)),)
        self.tokens = tokens
        self.text = tokens.text
        self.memory = Memory()
        self.marks = _quotations(body)
        self.quoted = [False] * len(tokens.text)
        self.mark_of = [-1] * len(tokens.text)
        for number, mark in enumerate(self.marks):
            for index in range(bisect_left(tokens.start, mark.start), bisect_left(tokens.start, mark.end)):
                self.quoted[index] = True
                self.mark_of[index] = number
        self.phrases = Phrases(body, tokens, entities, self.quoted)
        self.sentence_starts = [s.start for s in self.sentences]
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", body)]
        self.people = [m for m in self.phrases.mentions if m.type == "PER"]
        self.people_starts = [m.start for m in self.people]
        self.quotes: list[Quote] = []
        self.subjects: dict[int, Speaker | None] = {}
        self.context: tuple[Speaker, int] | None = None
        """The speaker of the last speech and the number of its sentence: what continues."""

    # -- the document ------------------------------------------------------------------------

    def read(self) -> tuple[Quote, ...]:
        cues = [self._cues(number) for number in range(len(self.sentences))]
        ends = [self._sentence_of(mark.end - 1) for mark in self.marks]
        pending = sorted(range(len(self.marks)), key=lambda k: (ends[k], self.marks[k].start))
        position = 0
        for number, sentence in enumerate(self.sentences):
            self._remember_subject(number)
            for cue in cues[number]:
                if cue.speaker is not None and cue.speaker.pointer is None:
                    self.memory.remember(cue.speaker)
            found: list[tuple[int, Quote]] = []
            for cue in cues[number]:
                if cue.content is not None and not self._only_quoted(*cue.content):
                    found.append((cue.content[0], self._quote(cue.content, cue.kind, cue.cue, cue.speaker, cue.plural)))
            if not cues[number]:
                continued = self._continued_speech(number, sentence)
                if continued is not None:
                    found.append((continued.start, continued))
            while position < len(pending) and ends[pending[position]] <= number:
                mark = self.marks[pending[position]]
                found.append((mark.start, self._direct(mark, cues, number)))
                position += 1
            for _, quote in sorted(found, key=lambda item: item[0]):
                self.quotes.append(quote)
                if quote.speaker_start is not None and quote.kind != "term":
                    self.context = (self._remembered(quote), number)
            if self.context is None or self.context[1] != number:
                # A cue without words of its own ("X berichtet von …") still opens speech that
                # the next sentences may continue in the subjunctive.
                speakers = [c.speaker for c in cues[number] if c.speaker is not None]
                resolved = self._resolve(speakers[-1], False) if speakers and speakers[-1].pointer else (speakers or [None])[-1]
                if resolved is not None and (resolved.name or resolved.kind):
                    self.context = (resolved, number)
        return tuple(sorted(self.quotes, key=lambda q: (q.start, -q.end)))

    def _quote(
        self, span: tuple[int, int], kind: str, cue: str | None, speaker: Speaker | None, plural: bool = False
    ) -> Quote:
        """A quote row, with the speaker resolved if its phrase points back ("er", "Demnach")."""
        start, end = span
        if speaker is not None and speaker.pointer is not None:
            speaker = self._resolve(speaker, plural)
        if speaker is None:
            return Quote(self.body[start:end], None, start, end, kind=kind, cue=cue)
        if speaker.name is not None or speaker.kind is not None:
            self.memory.remember(speaker)
        return Quote(
            self.body[start:end],
            speaker.name,
            start,
            end,
            kind=kind,
            cue=cue,
            speaker_type=speaker.type if speaker.name else None,
            speaker_kind=speaker.kind,
            speaker_role=speaker.role,
            speaker_text=self.body[speaker.start : speaker.end],
            speaker_start=speaker.start,
            speaker_end=speaker.end,
        )

    def _resolve(self, speaker: Speaker, plural: bool) -> Speaker | None:
        if speaker.pointer == "back":
            return self.context[0] if self.context else None
        if speaker.pointer in ("n", "x"):
            return None
        return self.memory.resolve(speaker, plural=plural)

    def _remembered(self, quote: Quote) -> Speaker:
        assert quote.speaker_start is not None and quote.speaker_end is not None
        return Speaker(
            quote.speaker_start,
            quote.speaker_end,
            quote.speaker,
            quote.speaker_type,
            quote.speaker_kind,
            quote.speaker_role,
        )

    def _opening_subject(self, number: int) -> Speaker | None:
        """The subject of a sentence's main clause, read without knowing its verb: the phrase it
        opens with ("Die Bewohner des Dorfes sehen …", "Der Leiter, Klaus Stöhr, nahm …"), or,
        after a first part that is no subject ("In der ARD", "Hier"), the phrase after the verb
        that follows it ("In der ARD zeigt sich der Bundestrainer zufrieden")."""
        if number in self.subjects:
            return self.subjects[number]
        first, last = self._tokens_of(self.sentences[number])
        while first < last and (self._statement_token(first) or self._skippable(first, conjunctions=True)):
            first += 1
        found: Speaker | None = None
        phrases = self.phrases
        if first < last and phrases.opens_phrase(first) and "oblique" not in word_classes(self.text[first].lower()):
            end = self._apposition(phrases.phrase_end(first, last), last)
            if first < end < last and self.text[end].islower():
                found = phrases.speaker(first, end)
        elif first < last:
            verb = phrases.phrase_end(first + 1, last) if "prep" in word_classes(self.text[first].lower()) else first + 1
            if first + 1 < verb < last or (verb == first + 1 and word_info(self.text[first]).function):
                probe = verb + 1
                while probe < last and probe - verb <= _MAX_ADVERBS and self._skippable(probe, conjunctions=False):
                    probe += 1
                end = phrases.phrase_end(probe, last)
                if verb < last and self.text[verb].islower() and end > probe:
                    found = phrases.speaker(probe, end)
        self.subjects[number] = found
        return found

    def _remember_subject(self, number: int) -> None:
        """The person a sentence is about is what a later "er" or "sie" most likely means."""
        subject = self._opening_subject(number)
        if subject is not None and (subject.type == "PER" or subject.kind == "role"):
            self.memory.remember(subject)

    # -- where things are --------------------------------------------------------------------

    def _sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def _tokens_of(self, sentence: Sentence) -> tuple[int, int]:
        return bisect_left(self.tokens.start, sentence.start), bisect_left(self.tokens.start, sentence.end)

    def _line(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[index]
        end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(self.body)
        return start, end

    def _only_quoted(self, start: int, end: int) -> bool:
        """Is the span nothing but quoted words (and punctuation)?"""
        first, last = bisect_left(self.tokens.start, start), bisect_left(self.tokens.start, end)
        return all(self.quoted[first:last])

    def _boundary(self, index: int) -> bool:
        """Does a clause end between token `index - 1` and token `index`? Punctuation ends one, and
        so does a quoted statement; a quoted name stays part of its clause ("wird von der
        „Netzeitung“ zitiert")."""
        if index == 0 or _BOUNDARY.search(self.phrases.gap(index)):
            return True
        if self.quoted[index] == self.quoted[index - 1]:
            return False
        mark = self.mark_of[index] if self.quoted[index] else self.mark_of[index - 1]
        return len(self.marks[mark].text.split()) >= _STATEMENT_WORDS - 1

    def _clause_start(self, index: int, first: int) -> int:
        while index > first and not self._boundary(index):
            index -= 1
        return index

    # -- cues --------------------------------------------------------------------------------

    def _cues(self, number: int) -> list[_Cue]:
        """The speech cues of one sentence, in order, each with its speaker and content."""
        sentence = self.sentences[number]
        first, last = self._tokens_of(sentence)
        found: list[_Cue] = []
        index = first
        verbs = speech_verbs()
        while index < last:
            cue: _Cue | None = None
            word = self.text[index]
            if not self.quoted[index]:
                if word == "so":
                    cue = self._so(index, first, last, sentence)
                elif word in verbs:
                    cue = self._verb(index, first, last, sentence)
                elif word_classes(word.lower()) & _CUES:
                    cue = self._preposition(index, first, last, sentence)
            if cue is not None:
                found.append(cue)
                index = max(index + 1, bisect_left(self.tokens.start, cue.frame[1]))
            else:
                index += 1
        return found

    def _verb(self, index: int, first: int, last: int, sentence: Sentence) -> _Cue | None:
        """A speech verb: its subject is the speaker ("X sagte", "sagte X", "wie X sagte"), the
        clause after it or before it what was said; an act of speech ("X forderte …") is
        reported speech by itself."""
        text = self.text
        readings, particle = self._readings(index, first, last)
        if not readings:
            return None
        kinds = {verb.kind for verb in readings}
        cue = text[index] if particle <= index else f"{text[index]} … {text[particle]}"
        clause = self._clause_start(index, first)
        anchor = next((k for k in range(clause, index) if text[k] in subject_verbs()), index)
        # A subordinate clause ends in its verb: "Wie X mitteilte, …", not "Als Antwort sagte X".
        verb_end = index + 1
        while verb_end < last and not self._boundary(verb_end) and text[verb_end] in subject_verbs():
            verb_end += 1  # "…, weil X es so bezeichnet hat"
        subordinate = (
            clause < anchor
            and "sub" in word_classes(text[clause].lower())
            and (verb_end >= last or self._boundary(verb_end))
        )
        if subordinate:
            # "Wie X mitteilte", "Während X erklärte": the subject follows the conjunction.
            end = self.phrases.phrase_end(clause + 1, anchor)
            subject = (clause + 1, end) if end > clause + 1 else None
        else:
            subject = self._subject(clause, anchor, first, last)
        if subject is not None and "cite" in kinds and anchor == index:
            subject = self._cited(subject, index, last)
        if any(verb.particle == "es" for verb in readings):
            # "In dem Antrag heißt es", "hieß es aus Regierungskreisen": the text or place it is in.
            subject = self._source_place(clause, last)
        frame_start = self.tokens.start[clause if subordinate else anchor]
        frame_end = self.tokens.end[particle]
        if subject is not None:
            frame_start = min(frame_start, self.tokens.start[subject[0]])
            frame_end = max(frame_end, self.tokens.end[subject[1] - 1])
        speaker = self.phrases.speaker(*subject) if subject else None
        frame = (frame_start, frame_end)
        plural = _plural(text[anchor])
        if subordinate and text[clause].lower() == "wie":
            return _Cue(cue, frame, speaker, self._around(frame, sentence), "indirect", plural)
        after = self._complement(bisect_left(self.tokens.start, frame_end), last)
        if after is not None:
            return _Cue(cue, frame, speaker, (self.tokens.start[after], sentence.end), "indirect", plural)
        if (
            not subordinate
            and clause > first
            and subject is not None
            and subject[0] > anchor
            and "," in self.phrases.gap(clause)
            and not self.quoted[clause - 1]
        ):
            # "Die Lage sei ernst, sagte X": the clause before the verb is what X said.
            return _Cue(cue, frame, speaker, (sentence.start, self.tokens.end[clause - 1]), "indirect", plural)
        if "act" in kinds:
            return _Cue(cue, frame, speaker, (sentence.start, sentence.end), "reported", plural)
        return _Cue(cue, frame, speaker, None, "indirect", plural)

    def _complement(self, index: int, last: int) -> int | None:
        """Where the clause a speech verb governs starts: after the comma or colon that ends the
        verb's clause ("sagte vor der Presse, dass …"), unless quoted words follow."""
        while index < last and not _CLAUSE_END.search(self.phrases.gap(index)):
            index += 1
        if index >= last or self.quoted[index] or not re.search(r"[,:]", self.phrases.gap(index)):
            return None
        return index

    def _readings(self, index: int, first: int, last: int) -> tuple[list[Verb], int]:
        """The readings of the verb form at `index` that its clause allows, and where the last
        word it needs stands ("teilte" is "mitteilen" only with "mit" in its clause)."""
        readings = []
        particle = index
        for verb in speech_verbs()[self.text[index]]:
            if verb.kind == "so":
                continue
            if verb.particle is None:
                readings.append(verb)
                continue
            found = self._particle(index, verb.particle, first, last)
            if found is not None:
                readings.append(verb)
                particle = max(particle, found)
        return readings, particle

    def _source_place(self, clause: int, last: int) -> tuple[int, int] | None:
        """The phrase after "in", "auf" or "aus" in a clause: where impersonal speech stands."""
        for index in range(clause, last):
            if index > clause and self._boundary(index):
                return None
            if "source_prep" in word_classes(self.text[index].lower()):
                end = self.phrases.phrase_end(index + 1, last)
                if end > index + 1:
                    return index + 1, end
        return None

    def _cited(self, subject: tuple[int, int], index: int, last: int) -> tuple[int, int] | None:
        """Who "zitiert" quotes: the object ("Ein Sender zitierte Papandreou", "zitiert die
        Zeitung den Minister"), not the subject that quotes."""
        start = subject[1] if subject[0] > index else index + 1
        end = self.phrases.phrase_end(start, last)
        return (start, end) if end > start else None

    def _particle(self, index: int, particle: str, first: int, last: int) -> int | None:
        """Where the word a verb form needs stands in its clause ("mit" of "teilte … mit", "es" of
        "hieß es"), if it does. Quoted words inside the clause do not end it ("wies dies als
        „Unverschämtheit“ zurück")."""
        start = index
        while start > first and not _CLAUSE_END.search(self.phrases.gap(start)):
            start -= 1
        for probe in range(start, last):
            if probe > index and _CLAUSE_END.search(self.phrases.gap(probe)):
                return None
            if self.text[probe] == particle and probe != index:
                return probe
        return None

    def _subject(self, clause: int, anchor: int, first: int, last: int) -> tuple[int, int] | None:
        """The subject of the finite verb at `anchor`: the phrase before it ("Die Polizei teilte
        mit", "Auch der Verband erklärte", "X, Leiter des Instituts, sagte"), else the phrase after
        it ("„…“, sagte X", "Am Montag erklärte X"), else the phrase the sentence opens with ("X
        bezeichnete … und erklärte", "Sie räumte ein, …, sprach aber von …")."""
        phrases = self.phrases
        opener = clause
        while opener < anchor and self._skippable(opener, conjunctions=True):
            opener += 1
        if opener < anchor and phrases.opens_phrase(opener) and "oblique" not in word_classes(self.text[opener].lower()):
            end = phrases.phrase_end(opener, anchor)
            if end > opener:
                return opener, self._apposition(end, anchor)
        opening = first
        while opening < anchor and (self._statement_token(opening) or self._skippable(opening, conjunctions=True)):
            opening += 1
        start_phrase = phrases.phrase_end(opening, anchor) if phrases.opens_phrase(opening) else opening
        if opener == anchor and clause > opening and opening < start_phrase < anchor:
            if self._apposition(start_phrase, anchor) == anchor:
                return opening, anchor
        probe = anchor + 1
        while probe < last and probe - anchor <= _MAX_ADVERBS and self._skippable(probe, conjunctions=False):
            probe += 1
        if probe < last and not self._boundary(probe) and not self._statement_token(probe):
            end = phrases.phrase_end(probe, last)
            if end > probe:
                return probe, end
        if opener == anchor and clause > first and start_phrase > opening:
            return opening, start_phrase
        return None

    def _apposition(self, end: int, anchor: int) -> int:
        """Where a subject ends that appositions and relative clauses follow up to its verb ("Der
        Leiter des Programms, Klaus Stöhr, sagte", "X, der … sah, nannte"); `end` where they don't."""
        probe = end
        while probe < anchor and "," in self.phrases.gap(probe):
            if "relative" in word_classes(self.text[probe].lower()):
                following = probe + 1
                while following < anchor and "," not in self.phrases.gap(following):
                    following += 1
            else:
                following = self.phrases.phrase_end(probe, anchor)
            if following == probe:
                return end
            probe = following
        return probe if probe == anchor or (probe < anchor and self.text[probe].islower()) else end

    def _skippable(self, index: int, *, conjunctions: bool) -> bool:
        """A word that may stand between a verb and its subject: an adverb or particle ("dazu",
        "auch"), or before a subject a conjunction ("Und …")."""
        if self.quoted[index] or (index > 0 and self._boundary(index) and not conjunctions):
            return False
        classes = word_classes(self.text[index].lower())
        if conjunctions and "conj" in classes:
            return True
        return bool(word_info(self.text[index]).function) and not classes & _NOT_SKIPPED

    def _statement_token(self, index: int) -> bool:
        """Is the token part of a quoted statement (not a quoted name)?"""
        return self.quoted[index] and len(self.marks[self.mark_of[index]].text.split()) >= _STATEMENT_WORDS - 1

    def _so(self, index: int, first: int, last: int, sentence: Sentence) -> _Cue | None:
        """"„…“, so X." and "…, so der Sprecher weiter"."""
        if index == first or "," not in self.phrases.gap(index) and not self.quoted[index - 1]:
            return None
        end = self.phrases.phrase_end(index + 1, last)
        if end == index + 1:
            return None
        frame = (self.tokens.start[index], self.tokens.end[end - 1])
        content = (sentence.start, self.tokens.end[index - 1])
        return _Cue("so", frame, self.phrases.speaker(index + 1, end), content, "indirect")

    def _preposition(self, index: int, first: int, last: int, sentence: Sentence) -> _Cue | None:
        """"laut X", "gemäß X", "X zufolge", "nach Angaben X", "Demnach"."""
        text, phrases = self.text, self.phrases
        classes = word_classes(text[index].lower())
        if "cue_back" in classes:
            frame = (self.tokens.start[index], self.tokens.end[index])
            pointer = Speaker(*frame, pointer="back")
            return _Cue(text[index], frame, pointer, (frame[1], sentence.end), "indirect")
        if "cue_after" in classes:
            # The longest phrase that ends right before "zufolge": "Ermittlungen der Polizei zufolge".
            clause = self._clause_start(index, first)
            start = next(
                (k for k in range(max(clause, index - _MAX_SOURCE), index) if phrases.phrase_end(k, index) == index),
                None,
            )
            if start is None:
                return None
            span = (start, index)
        else:
            end = phrases.phrase_end(index + 1, last)
            if "cue_source" in classes:
                head = next((k for k in range(index + 1, end) if text[k][0].isupper()), None)
                if head is None or speaker_noun(text[head]) != "source":
                    return None
            elif end == index + 1:
                # "laut einer am Dienstag veröffentlichten Mitteilung": up to the verb.
                end = self._up_to_verb(index + 1, last)
            if end == index + 1:
                return None
            span = (index + 1, self._apposition(end, last))
        frame = (self.tokens.start[min(index, span[0])], self.tokens.end[max(index, span[1] - 1)])
        speaker = phrases.speaker(*span)
        if speaker.pointer == "self":
            speaker = self._opening_subject(self._sentence_of(self.tokens.start[index])) or speaker
        return _Cue(text[index], frame, speaker, self._around(frame, sentence), "indirect", source=True)

    def _up_to_verb(self, start: int, last: int) -> int:
        """The words from `start` to the next finite verb or clause boundary (at most a few)."""
        end = start
        while (
            end < last
            and end - start < _MAX_SOURCE
            and (end == start or not self._boundary(end))
            and self.text[end] not in subject_verbs()
            and self.text[end] not in speech_verbs()
        ):
            end += 1
        return end

    def _around(self, frame: tuple[int, int], sentence: Sentence) -> tuple[int, int]:
        """What a frame inside a sentence reports: the longer side of the sentence beside it."""
        before = frame[0] - sentence.start
        after = sentence.end - frame[1]
        if after >= before:
            return (frame[1] + (len(self.body[frame[1] : sentence.end]) - len(self.body[frame[1] : sentence.end].lstrip(" ,"))), sentence.end)
        return sentence.start, frame[0]

    # -- quoted words ------------------------------------------------------------------------

    def _direct(self, mark: _Mark, cues: list[list[_Cue]], end_no: int) -> Quote:
        """Quoted words: a quote with the speaker of its cue or of the speech it continues, or a
        term (a name, title or scare quote) without speaker."""
        span = (mark.start, mark.end)
        start_no = self._sentence_of(mark.start)
        if self._names_something(mark, cues[start_no], start_no):
            return self._quote(span, "term", None, None)
        closing = min(mark.end + 1, len(self.body))
        for cue in cues[end_no]:
            if cue.frame[0] >= closing and _TO_CUE.fullmatch(self.body, closing, cue.frame[0]):
                cue = self._speaking(cue, cues[end_no])
                return self._quote(span, "direct", cue.cue, cue.speaker, cue.plural)
        inverted = self._inverted_after(mark, end_no)
        if inverted is not None:
            return self._quote(span, "direct", None, inverted)
        for cue in cues[start_no]:
            if cue.frame[1] <= mark.start and self.body[cue.frame[1] : mark.start - 1].strip() in (":", ","):
                cue = self._speaking(cue, cues[start_no])
                return self._quote(span, "direct", cue.cue, cue.speaker, cue.plural)
        colon = self._colon_speaker(mark, start_no)
        if colon is not None:
            return self._quote(span, "direct", ":", colon)
        governing = cues[start_no] + (cues[end_no] if end_no != start_no else [])
        if governing:
            # The cue before quoted words governs them ("nannte … „…“ und erklärte"), else the one after.
            before = [c for c in governing if c.frame[0] <= mark.start]
            cue = before[-1] if before else governing[0]
            return self._quote(span, "direct", cue.cue, cue.speaker, cue.plural)
        named = self._named_before_colon(mark, start_no)
        if named is not None:
            return self._quote(span, "direct", ":", named)
        continued = self._continues(mark, start_no)
        if continued is not None:
            return self._quote(span, "direct", None, continued)
        # Without a cue, quoted words are a quote when they are a statement or a phrase in lower
        # case ("„auf ganzer Linie versagt“"); a single word is a scare quote ("„stabil“").
        if not (mark.text[0].islower() and " " in mark.text) and not self._statement(mark, start_no):
            return self._quote(span, "term", None, None)
        # Quoted words inside a sentence are the words of its subject ("Meteorologen rechnen mit
        # „sehr ergiebigen Niederschlägen“").
        subject = self._opening_subject(start_no)
        if subject is not None and (subject.end > mark.start or not (subject.name or subject.kind or subject.pointer)):
            subject = None
        return self._quote(span, "direct", None, subject)

    @staticmethod
    def _speaking(cue: _Cue, cues: list[_Cue]) -> _Cue:
        """Whose words they are: a speech verb's subject beats the source that reports them
        ("sagte die Kanzlerin einigen Teilnehmern zufolge: „…“")."""
        if not cue.source:
            return cue
        return next((c for c in cues if not c.source and c.speaker is not None), cue)

    def _inverted_after(self, mark: _Mark, number: int) -> Speaker | None:
        """"„…“, zeigte sich X zufrieden", "„…“, strich X heraus": after quoted words and a comma,
        a verb and a phrase are a verb we do not list and its subject, the speaker."""
        verb = bisect_left(self.tokens.start, mark.end)
        _, last = self._tokens_of(self.sentences[number])
        if verb + 1 >= last or not self.body[mark.end + 1 : self.tokens.start[verb]].strip() == ",":
            return None
        word = self.text[verb]
        if not word.islower() or word_classes(word) or word_info(word).function:
            return None
        probe = verb + 1
        while probe < last and probe - verb <= _MAX_ADVERBS and self._skippable(probe, conjunctions=False):
            probe += 1
        end = self.phrases.phrase_end(probe, last)
        return self.phrases.speaker(probe, end) if end > probe else None

    def _colon_speaker(self, mark: _Mark, number: int) -> Speaker | None:
        """"US-Präsident Obama: „…“", "Seine Antwort: „…“"."""
        before = self.body[: mark.start - 1].rstrip()
        if not before.endswith(":"):
            return None
        sentence = self.sentences[number]
        first, _ = self._tokens_of(sentence)
        colon = bisect_left(self.tokens.start, len(before))
        clause = self._clause_start(colon - 1, first)
        if clause >= colon or not self.phrases.opens_phrase(clause):
            return None
        end = self.phrases.phrase_end(clause, colon)
        if end < colon and "prep" in word_classes(self.text[end].lower()):
            # "Seine Meinung zu Kirchhoff: „…“"
            tail = self.phrases.phrase_end(end + 1, colon)
            return self.phrases.speaker(clause, end) if tail == colon else None
        return self.phrases.speaker(clause, end) if end == colon else None

    def _named_before_colon(self, mark: _Mark, number: int) -> Speaker | None:
        """Who the sentence names before the colon that opens quoted words: the person it names
        ("Die Anwendung stellte der SPD-Vorsitzende Franz Müntefering in Frage: „…“"), else the
        speaker it opens with ("Die Bewohner des Dorfes sehen alles gelassen: „…“")."""
        if not self.body[: mark.start - 1].rstrip().endswith(":"):
            return None
        subject = self._opening_subject(number)
        if subject is not None and subject.end > mark.start:
            subject = None
        if subject is not None and (subject.kind == "person" or subject.pointer in ("m", "f")):
            return subject
        sentence = self.sentences[number]
        first = bisect_left(self.people_starts, sentence.start)
        if first < len(self.people) and self.people[first].start < mark.start:
            mention = self.people[first]
            index = bisect_left(self.tokens.start, mention.start)
            return self.phrases.speaker(index, bisect_left(self.tokens.start, mention.end))
        return subject

    def _in_speech(self, mark: _Mark, cues: list[_Cue], number: int) -> bool:
        """Do quoted words stand in reported speech: after an evaluating verb, inside the clause a
        speech verb governs, or in a sentence that continues speech in the subjunctive?"""
        if self.context is not None and self.context[1] == number:
            return True
        return any(
            (c.kind == "reported" and c.frame[1] <= mark.start)
            or (c.kind == "indirect" and c.content is not None and c.content[0] <= mark.start < c.content[1])
            for c in cues
        )

    def _names_something(self, mark: _Mark, cues: list[_Cue], number: int) -> bool:
        """Quotation marks around a name, title or term rather than someone's words: inside a
        speaker phrase ("Laut „Reuters“"), after "so genannte" or "namens", before "genannt"; a
        short capitalised quote inside a sentence after any word but "als" or a preposition ("die
        Zeitung „Die Welt“", "Hurrikan „Katrina“", "der „Deutsche Fußball-Bund“"); a single
        word after a describing noun ("Händler „amazon.de“")."""
        if any(c.speaker is not None and c.speaker.start <= mark.start < c.speaker.end for c in cues):
            return True
        following = self.body[mark.end + 1 : mark.end + 16].split()
        if following and "naming" in word_classes(following[0].strip(",.").lower()):
            return True
        opening = bisect_left(self.tokens.start, mark.start)
        if opening == 0:
            return False
        gap = self.body[self.tokens.end[opening - 1] : mark.start - 1]
        if gap.strip():
            return False
        previous = self.text[opening - 1]
        classes = word_classes(previous.lower())
        if "naming" in classes:
            return True
        if mark.text[0].isupper() and len(mark.text.split()) < _STATEMENT_WORDS - 1:
            if previous in ("als", "wie") or previous in speech_verbs() or classes & {"prep", "of"}:
                return False
            # After an article only words of speech are quoted words: the object of an evaluating
            # verb ("nannte den Bericht eine „Zeitungsente“"), part of what someone is said to have
            # said ("X sagte, Afghanistan sei ein „Opfer des Terrorismus“"); elsewhere quotation
            # marks name something ("die „Bild“ berichtete").
            return not ("det" in classes and self._in_speech(mark, cues, number))
        # One word after a describing noun names something ("Händler „amazon.de“"), unless it is
        # a lower-case word someone used ("nannte seinen Platzverweis „überzogen“").
        word = " " not in mark.text and not (mark.text.isalpha() and mark.text.islower())
        return (
            word
            and previous[0].isupper()
            and not self.tokens.initial[opening - 1]
            and not word_info(previous).function
            and speaker_noun(previous) != "source"
        )

    def _statement(self, mark: _Mark, number: int) -> bool:
        """Quoted words that say something on their own: a sentence, or a long quote opening one."""
        if len(mark.text.split()) < _STATEMENT_WORDS:
            return False
        return mark.text[-1] in ".!?…" or not self.body[self.sentences[number].start : mark.start - 1].strip()

    def _continues(self, mark: _Mark, number: int) -> Speaker | None:
        """The speaker of the speech a quote continues: of the sentence in the subjunctive it
        stands in, of the sentence before when it opens a sentence of the same paragraph, of the
        paragraph before when it is a paragraph of its own."""
        if self.context is None:
            return None
        speaker, at = self.context
        if at == number:
            return speaker
        line_start, line_end = self._line(mark.start)
        opens = not self.body[self.sentences[number].start : mark.start - 1].strip()
        if opens and at >= number - 1 and self.sentences[at].start >= line_start:
            first = bisect_left(self.people_starts, self.sentences[at].end)
            last = bisect_left(self.people_starts, mark.start)
            return speaker if all(m.name == speaker.name for m in self.people[first:last]) else None
        rest = self.body[line_start : mark.start - 1] + self.body[min(mark.end + 1, line_end) : line_end]
        if rest.strip(' \t.,!?"„“”»«') or line_start == 0:
            return None
        tail = self.body[mark.start : line_end].rstrip().rstrip('"„“”»«')
        if len(mark.text) < _HEADLINE and not tail.endswith((".", "!", "?")):
            return None
        previous_start, _ = self._line(line_start - 1)
        return speaker if self.sentences[at].start >= previous_start else None

    def _continued_speech(self, number: int, sentence: Sentence) -> Quote | None:
        """A sentence in the subjunctive of reported speech right after speech continues it."""
        if self.context is None or self.context[1] < number - 1:
            return None
        first, last = self._tokens_of(sentence)
        if not any(
            not self.quoted[k] and "subjunctive" in word_classes(self.text[k].lower()) for k in range(first, last)
        ):
            return None
        if self._only_quoted(sentence.start, sentence.end):
            return None
        speaker = self.context[0]
        self.context = (speaker, number)
        return self._quote((sentence.start, sentence.end), "indirect", None, speaker)


def _plural(verb: str) -> bool:
    """Does a finite verb form agree with a plural subject ("sagten", "erklärten", "sind")?"""
    return verb.endswith("en") or verb == "sind"
