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

from presseschau.extract.clauses import Clauses, Cue
from presseschau.extract.entities import EntityResult
from presseschau.extract.gazetteer import word_info
from presseschau.extract.speakers import Memory, Phrases, Speaker
from presseschau.extract.speech import speaker_noun, speech_verbs, word_classes
from presseschau.extract.text import Tokens
from presseschau.models import Quote, Sentence

# Pairs of quotation marks: German „…“ (also closed with ” or "), »…«, «…», English “…”,
# straight "…", and single German ‚…‘. A quote never crosses a line break. Every alternative
# opens with its mark (the single quote's lookbehind comes after it), so the regex engine skips
# from one mark to the next in C instead of trying every position.
_QUOTE = re.compile(
    r"„(?P<a>[^„“”\"\n]+)[“”\"]"
    r"|»(?P<b>[^»«\n]+)«"
    r"|«(?P<c>[^«»\n]+)»"
    r"|“(?P<d>[^“”„\n]+)”"
    r"|\"(?P<e>[^\"\n]+)\""
    r"|‚(?<!\w‚)(?P<f>[^‚‘’\n]{1,200})[‘’](?!\w)"
)
_MAX_QUOTE = 3000
# Reported speech longer than this is a "sentence" that lost its punctuation (flattened pages),
# not something someone said; the annotated corpus has none over 950 characters.
_LONGEST_SPEECH = 1000
# A quote-only line this short without a closing period is a headline, not a continued statement.
_HEADLINE = 80
# Quoted words this many or more, ending in a full stop, are a statement even where no cue says
# who; one word fewer and they are no name either ("„Das Alter drückt“" is, "„Die Welt“" is not).
_STATEMENT_WORDS = 6
# Quoted names are short: this many words or more are speech; lower case, more than a few.
_LONGEST_NAME = 8
_LOWER_NAME_WORDS = 2
# An unlisted capitalised word this long is a German compound rather than a foreign name.
_LONG_WORD = 11
# What may stand between a quote and the cue after it: "„…“, sagte X", "„…“ – so X".
_TO_CUE = re.compile(r"[\s,;–—-]*")
# How many adverbs may stand between a verb we do not list and its subject ("„…“, zeigte sich X").
_MAX_ADVERBS = 2
# Kinds of speaker that may report speech without a name of their own ("der Minister").
_SPEAKING = ("person", "organisation", "group", "role")


@dataclass(frozen=True)
class _Mark:
    """Words in quotation marks: `start`, `end` exclude the marks."""

    start: int
    end: int
    text: str


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


def _may_name(mark: _Mark) -> bool:
    """Could quoted words be a name or title? Not when they end a sentence, run as long as a
    statement, or are lower-case speech ("„schlimmsten Katastrophe in der jüngsten Geschichte“");
    short lower-case names stay ("„heise online“")."""
    words = len(mark.text.split())
    lower_speech = mark.text[0].islower() and words > _LOWER_NAME_WORDS
    return not (mark.text[-1] in ".!?" or lower_speech or words >= _LONGEST_NAME)


def _plain(text: str) -> bool:
    """Are quoted words ordinary German words, as speech is, rather than a name ("„Wortbruch“",
    "„Akt des politischen Verbrechertums“", not "„Berliner Zeitung“", "„El País“", "„DFB“")?"""
    return all(_ordinary(word) for word in re.findall(r"\w+(?:-\w+)*", text) if word[0].isupper())


def _ordinary(word: str) -> bool:
    """A capitalised word that is no name: a listed noun, compound or derived word with no sign of
    a name, or an unlisted word long enough to be a German compound ("Verbrechertums")."""
    info = word_info(word)
    if info.plain:
        return True
    named = info.known or info.acronym or info.english or info.first_name or info.org_head or info.descriptor
    return not named and "-" not in word and (info.noun or len(word) >= _LONG_WORD)


class _Reader:
    def __init__(
        self, body: str, sentences: tuple[Sentence, ...], tokens: Tokens, entities: EntityResult
    ) -> None:
        self.body = body
        self.sentences = sentences or (Sentence(0, len(body)),)
        self.tokens = tokens
        self.text = tokens.text

        self.marks = _quotations(body)
        self.quoted = [False] * len(tokens.text)
        statement = [False] * len(tokens.text)
        nameable = [False] * len(tokens.text)
        for mark in self.marks:
            first, last = bisect_left(tokens.start, mark.start), bisect_left(tokens.start, mark.end)
            self.quoted[first:last] = [True] * (last - first)
            statement[first:last] = [len(mark.text.split()) >= _STATEMENT_WORDS - 1] * (last - first)
            nameable[first:last] = [_may_name(mark)] * (last - first)
        self.phrases = Phrases(body, tokens, entities, self.quoted, nameable)
        self.clauses = Clauses(body, self.sentences, tokens, self.phrases, self.quoted, statement)
        self.memory = Memory(self.clauses.opening_subject)
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", body)]
        self.people = [m for m in self.phrases.mentions if m.type == "PER"]
        self.people_starts = [m.start for m in self.people]
        self.quotes: list[Quote] = []
        self.context: tuple[Speaker, int] | None = None
        """The speaker of the last speech and the number of its sentence: what continues."""

    # -- the document ------------------------------------------------------------------------

    def read(self) -> tuple[Quote, ...]:
        cues = [self.clauses.cues(number) for number in range(len(self.sentences))]
        ends = [self.clauses.sentence_of(mark.end - 1) for mark in self.marks]
        pending = sorted(range(len(self.marks)), key=lambda k: (ends[k], self.marks[k].start))
        position = 0
        for number, sentence in enumerate(self.sentences):
            self._remember_subject(number)
            for cue in cues[number]:
                if cue.speaker is not None and cue.speaker.pointer is None:
                    self.memory.remember(cue.speaker)
            found: list[tuple[int, Quote]] = []
            spans = set()
            for cue in cues[number]:
                if cue.content is None or cue.content in spans or self._only_quoted(*cue.content):
                    continue
                if cue.content[1] - cue.content[0] > _LONGEST_SPEECH:
                    continue
                # Two speech acts of one sentence ("bestätigte … nicht und nannte …") report it once.
                spans.add(cue.content)
                found.append(
                    (cue.content[0], self._quote(cue.content, cue.kind, cue.cue, cue.speaker, cue.plural))
                )
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
                resolved = self._resolve(speakers[-1], False) if speakers else None
                if resolved is not None and (resolved.name or resolved.kind):
                    self.context = (resolved, number)
        return tuple(sorted(self.quotes, key=lambda q: (q.start, -q.end)))

    def _quote(
        self, span: tuple[int, int], kind: str, cue: str | None, speaker: Speaker | None, plural: bool = False
    ) -> Quote:
        """A quote row, with the speaker resolved if its phrase points back ("er", "Demnach")."""
        start, end = span
        if speaker is not None:
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
        """The speaker a phrase points back to ("er", "Demnach"); any other phrase as it is."""
        if speaker.pointer is None:
            return speaker
        if speaker.pointer == "back":
            return self.context[0] if self.context else None
        if speaker.pointer in ("n", "x"):
            return None
        resolved = self.memory.resolve(speaker, plural=plural)
        return resolved if resolved is not speaker or plural else self._only_person_before(speaker)

    def _only_person_before(self, pointer: Speaker) -> Speaker:
        """The one person of the pronoun's gender that its sentence or the one before names
        ("X traf Y. „…“, sagte er."), or the pronoun unresolved."""
        number = self.clauses.sentence_of(pointer.start)
        start = self.sentences[max(0, number - 1)].start
        first = bisect_left(self.people_starts, start)
        last = bisect_left(self.people_starts, pointer.start)
        fitting = {
            m.name: m
            for m in self.people[first:last]
            if self.phrases.genders.get(m.name) in (pointer.pointer, None, "u")
        }
        if len(fitting) != 1:
            return pointer
        (mention,) = fitting.values()
        return Speaker(pointer.start, pointer.end, mention.name, "PER", "person", pointer=pointer.pointer)

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

    def _remember_subject(self, number: int) -> None:
        """The person a sentence is about is what a later "er" or "sie" most likely means; only
        sentences that name a person are worth reading for it."""
        sentence = self.sentences[number]
        first = bisect_left(self.people_starts, sentence.start)
        if first < len(self.people) and self.people[first].start < sentence.end:
            self.memory.remember_subject(number)

    def _line(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[index]
        end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(self.body)
        return start, end

    def _only_quoted(self, start: int, end: int) -> bool:
        """Is the span nothing but quoted words (and punctuation)?"""
        first, last = bisect_left(self.tokens.start, start), bisect_left(self.tokens.start, end)
        return all(self.quoted[first:last])

    def _direct(self, mark: _Mark, cues: list[list[Cue]], end_no: int) -> Quote:
        """Quoted words: a quote with the speaker of its cue or of the speech it continues, or a
        term (a name, title or scare quote) without speaker."""
        span = (mark.start, mark.end)
        start_no = self.clauses.sentence_of(mark.start)
        if self._names_something(mark, cues[start_no], start_no):
            return self._quote(span, "term", None, None)
        closing = min(mark.end + 1, len(self.body))
        for cue in cues[end_no]:
            # Right after the quote a verb and its subject ("„…“, sagte X"); a subject before its
            # verb opens a clause of its own ("„überzogen“, Bundestrainer X bezeichnete …").
            opens_clause = (
                cue.verb is not None and cue.speaker is not None and cue.speaker.start == cue.frame[0]
            )
            if (
                cue.frame[0] >= closing
                and not opens_clause
                and _TO_CUE.fullmatch(self.body, closing, cue.frame[0])
            ):
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
        bracketed = self._before_bracket(mark)
        if bracketed is not None:
            return self._quote(span, "direct", "(", bracketed)
        claimed = self._claim_before(mark, start_no, cues[start_no])
        if claimed is not None:
            return self._quote(span, "direct", None, claimed)
        governing = cues[start_no] + (cues[end_no] if end_no != start_no else [])
        if governing:
            # The cue before quoted words governs them ("nannte … „…“ und erklärte"), else the one after.
            # A cue whose speaker we could not read yields to one whose speaker we could ("Wie X
            # dazu feststellt, verlangt „…“").
            before = [c for c in governing if c.frame[0] <= mark.start]
            before = [c for c in before if c.speaker is not None] or before
            cue = self._speaking(before[-1] if before else governing[0], governing)
            return self._quote(span, "direct", cue.cue, cue.speaker, cue.plural)
        written = self._written_in(mark, start_no)
        if written is not None:
            return self._quote(span, "direct", None, written)
        named = self._named_before_colon(mark, start_no)
        if named is not None:
            return self._quote(span, "direct", ":", named)
        holder = self._opinion_holder(mark, start_no)
        if holder is not None:
            return self._quote(span, "direct", "für", holder)
        continued = self._continues(mark, start_no)
        if continued is not None:
            return self._quote(span, "direct", None, continued)
        pointing = self._pointed_back(mark, end_no, cues)
        if pointing is not None:
            return self._quote(span, "direct", pointing.cue, pointing.speaker, pointing.plural)
        subject = self._subject_before(mark, start_no)
        if subject is not None:
            return self._quote(span, "direct", None, subject)
        # Without a cue, quoted words are a quote when they are a statement or a phrase in lower
        # case ("„auf ganzer Linie versagt“"), follow a word for speech ("mit den Worten „…“"), or
        # are ordinary words in a sentence of reported speech ("…, dass es für die „Totengräber
        # der Demokratie“ keine Toleranz geben dürfe"); a single word is a scare quote ("„stabil“").
        if not (
            (mark.text[0].islower() and " " in mark.text)
            or self._statement(mark, start_no)
            or self._after_speech_noun(mark)
            or (_plain(mark.text) and self._in_speech(mark, cues[start_no], start_no))
        ):
            return self._quote(span, "term", None, None)
        # Quoted words inside a sentence are the words of its subject ("Meteorologen rechnen mit
        # „sehr ergiebigen Niederschlägen“").
        subject = self.clauses.opening_subject(start_no)
        # "Es" and "das" open a sentence without naming anyone ("Es soll … „schwach radioaktiv“ sein").
        if subject is not None and (
            subject.end > mark.start
            or not (subject.name or subject.kind or subject.pointer not in (None, "n", "x"))
        ):
            subject = None
        if subject is None:
            subject = self._reporter_before(mark, start_no)
        return self._quote(span, "direct", None, subject)

    def _reporter_before(self, mark: _Mark, number: int) -> Speaker | None:
        """Quoted words in a sentence of reported speech (the subjunctive) that neither a cue nor
        its own subject attribute: the subject of the sentence before in the paragraph, whose
        speech act we may not list ("Am Rande der Sitzung nahm X zu der Frage Stellung. Jeder
        Lehrer könne das Konto „jetzt einlösen“."), when no other person is named between."""
        if number == 0:
            return None
        first, last = self.clauses.tokens_of(self.sentences[number])
        line_start, _ = self._line(mark.start)
        if self.sentences[number - 1].start < line_start or not self.clauses.subjunctive(first, last):
            return None
        subject = self.clauses.opening_subject(number - 1)
        if subject is None or not (
            subject.name or subject.kind in _SPEAKING or subject.pointer in ("m", "f")
        ):
            return None
        between = self.people[
            bisect_left(self.people_starts, subject.end) : bisect_left(self.people_starts, mark.start)
        ]
        return subject if all(m.name == subject.name for m in between) else None

    def _speaking(self, cue: Cue, cues: list[Cue]) -> Cue:
        """Whose words they are: the subject of a speech verb in the clause of the source that
        reports them ("sagte die Kanzlerin einigen Teilnehmern zufolge: „…“", "kommentierte X
        laut „news.bbc.co.uk“ mit folgenden Worten: „…“")."""
        if not cue.source:
            return cue
        source = bisect_left(self.tokens.start, cue.frame[0])
        last = len(self.text)
        return next(
            (
                c
                for c in cues
                if c.verb is not None
                and c.speaker is not None
                and self.clauses.clause_start(c.verb, 0) <= source < self.clauses.clause_end(c.verb, last)
            ),
            cue,
        )

    def _inverted_after(self, mark: _Mark, number: int) -> Speaker | None:
        """ "„…“, zeigte sich X zufrieden", "„…“, strich X heraus": after quoted words and a comma,
        a verb and a phrase are a verb we do not list and its subject, the speaker."""
        verb = bisect_left(self.tokens.start, mark.end)
        sentence = self.sentences[self.clauses.sentence_of(mark.start)]
        if self.body[sentence.start : mark.start - 1].strip():
            return None  # the quote is no sentence of its own: "…, und man „…“, suchen die Forscher"
        _, last = self.clauses.tokens_of(self.sentences[number])
        if verb + 1 >= last or self.body[mark.end + 1 : self.tokens.start[verb]].strip() != ",":
            return None
        word = self.text[verb]
        if not word.islower() or word_classes(word) or word_info(word).function:
            return None
        probe = verb + 1
        while (
            probe < last
            and probe - verb <= _MAX_ADVERBS
            and self.clauses.skippable(probe, conjunctions=False)
        ):
            probe += 1
        end = self.phrases.phrase_end(probe, last)
        return self.phrases.speaker(probe, end) if end > probe else None

    def _colon_speaker(self, mark: _Mark, number: int) -> Speaker | None:
        """ "US-Präsident Obama: „…“", "Seine Antwort: „…“"."""
        before = self.body[: mark.start - 1].rstrip()
        if not before.endswith(":"):
            return None
        sentence = self.sentences[number]
        first, _ = self.clauses.tokens_of(sentence)
        colon = bisect_left(self.tokens.start, len(before))
        clause = self.clauses.clause_start(colon - 1, first)
        if clause >= colon or not self.phrases.opens_phrase(clause):
            return None
        end = self.phrases.phrase_end(clause, colon)
        if end < colon and "prep" in word_classes(self.text[end].lower()):
            # "Seine Meinung zu Kirchhoff: „…“"
            tail = self.phrases.phrase_end(end + 1, colon)
            return self.phrases.speaker(clause, end) if tail == colon else None
        return self.phrases.speaker(clause, end) if end == colon else None

    def _before_bracket(self, mark: _Mark) -> Speaker | None:
        """Quoted words in brackets right after who said them ("…, der Leiter der Behörde, X („…“),
        und …"): the person or role the phrase before the bracket names."""
        opening = bisect_left(self.tokens.start, mark.start)
        if opening == 0 or self.body[self.tokens.end[opening - 1] : mark.start - 1].strip() != "(":
            return None
        end = opening - 1
        for start in range(end, max(-1, end - _LONGEST_NAME), -1):
            if self.phrases.phrase_end(start, end + 1) == end + 1 and self.phrases.opens_phrase(start):
                speaker = self.phrases.speaker(start, end + 1)
                if speaker.type == "PER" or speaker.kind in ("person", "role"):
                    return speaker
        return None

    def _claim_before(self, mark: _Mark, number: int, cues: list[Cue]) -> Speaker | None:
        """Quoted words in the clause after a statement and whose it is ("Auf den Vorwurf der CDU,
        es handele sich um einen „…“, entgegnete X"): who the statement is of, when no cue stands
        before the quoted words."""
        if any(c.frame[0] <= mark.start for c in cues):
            return None
        first, _ = self.clauses.tokens_of(self.sentences[number])
        opening = bisect_left(self.tokens.start, mark.start)
        for index in range(first, opening):
            word = self.text[index]
            if not word[0].isupper() or self.quoted[index] or speaker_noun(word) != "source":
                continue
            start = (
                index - 1 if index > first and "det" in word_classes(self.text[index - 1].lower()) else index
            )
            end = self.phrases.phrase_end(start, opening)
            if index + 1 < end < opening and "," in self.phrases.gap(end):
                speaker = self.phrases.speaker(start, end)
                if speaker.name or speaker.kind in _SPEAKING:
                    return speaker
        return None

    def _written_in(self, mark: _Mark, number: int) -> Speaker | None:
        """Quoted words a sentence says stand written somewhere ("In dem Entwurf steht der Passus:
        „…“", "Auf dem Transparent war die Parole „…“ zu lesen"): the text or thing they stand in,
        named after "in", "im" or "auf" before them (a place is no such text)."""
        first, last = self.clauses.tokens_of(self.sentences[number])
        opening = bisect_left(self.tokens.start, mark.start)
        if not any(
            "written" in word_classes(self.text[k].lower()) for k in range(first, last) if not self.quoted[k]
        ):
            return None
        for index in range(first, opening):
            if "source_prep" in word_classes(self.text[index].lower()) and not self.quoted[index]:
                end = self.phrases.phrase_end(index + 1, opening)
                if end > index + 1:
                    speaker = self.phrases.speaker(index + 1, end)
                    return None if speaker.type == "LOC" else speaker
        return None

    def _named_before_colon(self, mark: _Mark, number: int) -> Speaker | None:
        """Who the sentence names before the colon that opens quoted words: the person it names
        ("Die Anwendung stellte der SPD-Vorsitzende Franz Müntefering in Frage: „…“"), else the
        speaker it opens with ("Die Bewohner des Dorfes sehen alles gelassen: „…“")."""
        if not self.body[: mark.start - 1].rstrip().endswith(":"):
            return None
        subject = self.clauses.opening_subject(number)
        if subject is not None and subject.end > mark.start:
            subject = None
        if subject is not None and (subject.kind in _SPEAKING or subject.pointer in ("m", "f")):
            return subject
        sentence = self.sentences[number]
        first = bisect_left(self.people_starts, sentence.start)
        if first < len(self.people) and self.people[first].start < mark.start:
            mention = self.people[first]
            index = bisect_left(self.tokens.start, mention.start)
            return self.phrases.speaker(index, bisect_left(self.tokens.start, mention.end))
        return subject

    def _in_speech(self, mark: _Mark, cues: list[Cue], number: int) -> bool:
        """Do quoted words stand in reported speech: after an evaluating verb, in the clause of a
        speech verb ("bezeichnete er als einen „…“", "die die Gefahr einer „…“ beschwören"), inside
        the clause a speech verb governs, or in a sentence in the subjunctive of reported speech?"""
        if self.context is not None and self.context[1] == number:
            return True
        first, last = self.clauses.tokens_of(self.sentences[number])
        opening = bisect_left(self.tokens.start, mark.start)
        clause = (self.clauses.clause_start(opening, first), self.clauses.clause_end(opening, last))
        if any(c.act and c.verb is not None and clause[0] <= c.verb < clause[1] for c in cues):
            return True
        if any(
            (c.kind == "reported" and c.frame[1] <= mark.start)
            or (c.kind == "indirect" and c.content is not None and c.content[0] <= mark.start < c.content[1])
            for c in cues
        ):
            return True
        return self.clauses.subjunctive(first, last)

    def _names_something(self, mark: _Mark, cues: list[Cue], number: int) -> bool:
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
            said = "said" in classes  # "die Parole „Autonome in Bewegung“"
            if previous in ("als", "wie") or previous in speech_verbs() or said or classes & {"prep", "of"}:
                return False
            # After an article only words of speech are quoted words: the object of an evaluating
            # verb ("nannte den Bericht eine „Zeitungsente“"), part of what someone is said to have
            # said ("X sagte, Afghanistan sei ein „Opfer des Terrorismus“"); elsewhere quotation
            # marks name something ("die „Bild“ berichtete").
            described = "det" in classes or (previous.islower() and not word_info(previous).function)
            return not (described and _plain(mark.text) and self._in_speech(mark, cues, number))
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

    def _after_speech_noun(self, mark: _Mark) -> bool:
        """Do quoted words follow a noun for words said ("mit den Worten „…“", "die Erklärung „…“")?"""
        opening = bisect_left(self.tokens.start, mark.start)
        if opening == 0 or self.body[self.tokens.end[opening - 1] : mark.start - 1].strip(" :,"):
            return False
        previous = self.text[opening - 1]
        return previous[0].isupper() and "said" in word_classes(previous.lower())

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

    def _subject_before(self, mark: _Mark, number: int) -> Speaker | None:
        """A sentence of quoted words without a cue, right after a sentence of the same paragraph
        about a speaker ("Die Partei will am Kurs festhalten. „Wir wollen …“"): its subject, when
        no other person is named between."""
        sentence = self.sentences[number]
        opens_sentence = not self.body[sentence.start : mark.start - 1].strip()
        if number == 0 or not opens_sentence or not self._statement(mark, number):
            return None
        line_start, _ = self._line(mark.start)
        if self.sentences[number - 1].start < line_start:
            return None
        subject = self.clauses.opening_subject(number - 1)
        if subject is None or not (subject.name or subject.kind in ("person", "organisation", "group")):
            return None
        first = bisect_left(self.people_starts, subject.end)
        last = bisect_left(self.people_starts, mark.start)
        return subject if all(m.name == subject.name for m in self.people[first:last]) else None

    def _opinion_holder(self, mark: _Mark, number: int) -> Speaker | None:
        """Whose opinion a clause of "für X" and "sein" gives ("Für den Minister ist die Lage
        „alarmierend“", "Was für die Ministerin eine „flexiblere Handhabe“ ist"): X, a speaker."""
        first, last = self.clauses.tokens_of(self.sentences[number])
        opening = bisect_left(self.tokens.start, mark.start)
        start = self.clauses.clause_start(opening, first)
        end = self.clauses.clause_end(opening, last)
        if not any("copula" in word_classes(self.text[k]) for k in range(start, end)):
            return None
        for index in range(start, min(opening, end)):
            if self.text[index].lower() == "für" and not self.quoted[index]:
                after = self.phrases.phrase_end(index + 1, opening)
                if after > index + 1:
                    speaker = self.phrases.speaker(index + 1, after)
                    if speaker.name or speaker.kind not in (None, "source"):
                        return speaker
        return None

    def _pointed_back(self, mark: _Mark, number: int, cues: list[list[Cue]]) -> Cue | None:
        """The speech cue of the next sentence of the paragraph when it opens pointing back ("„…“
        Dies gab der Verband bekannt.", "„…“ Das musste der Minister einräumen.")."""
        following = number + 1
        if following >= len(self.sentences):
            return None
        sentence = self.sentences[following]
        first, _ = self.clauses.tokens_of(sentence)
        _, line_end = self._line(mark.end)
        if sentence.start > line_end or "demonstrative" not in word_classes(self.text[first].lower()):
            return None
        return next(
            (
                c
                for c in cues[following]
                if c.verb is not None and c.speaker is not None and c.speaker.start > self.tokens.end[first]
            ),
            None,
        )

    def _continued_speech(self, number: int, sentence: Sentence) -> Quote | None:
        """A sentence in the subjunctive of reported speech right after speech continues it."""
        if self.context is None or self.context[1] < number - 1:
            return None
        first, last = self.clauses.tokens_of(sentence)
        if not self.clauses.subjunctive(first, last):
            return None
        if self._only_quoted(sentence.start, sentence.end):
            return None
        speaker = self.context[0]
        line_start, _ = self._line(sentence.start)
        if self.sentences[self.context[1]].start < line_start:
            # A new paragraph that opens with another person speaks for that person ("Auch der
            # Sprecher der Fraktion, X, will prüfen, ob … solle").
            subject = self.clauses.opening_subject(number)
            if subject is not None and subject.type == "PER" and subject.name != speaker.name:
                speaker = subject
        self.context = (speaker, number)
        return self._quote((sentence.start, sentence.end), "indirect", None, speaker)
