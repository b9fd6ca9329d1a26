"""Reading a sentence for speech: its clauses, its subject, and its speech cues.

A cue is a speech verb ("sagte", "teilte … mit"), "so", "wie", a source preposition ("laut",
"zufolge", "nach Angaben"), or "Demnach". Each cue comes with the phrase it governs, the speaker:
the verb's subject before it ("X sagte"), after it ("„…“, sagte X", "Am Montag erklärte X"), after
the conjunction of a clause that ends in it ("Wie X mitteilte"), after "laut", before "zufolge";
and with what it reports: the clause after the verb's clause ("sagte, dass …"), the clause
before an inverted verb ("Die Lage sei ernst, sagte X"), the sentence beside a source, or the
whole sentence for a speech act ("X forderte den Rücktritt").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import ne

from presseschau.extract.gazetteer import subject_verbs, word_info
from presseschau.extract.lexicon import longest_suffix_in, words
from presseschau.extract.speakers import Phrases, Speaker
from presseschau.extract.speech import (
    Verb,
    cue_words,
    reported_speech_forms,
    speaker_noun,
    speech_verbs,
    word_classes,
    words_of_class,
)
from presseschau.extract.text import Tokens, positions_of
from presseschau.models import Sentence

# Punctuation between two tokens that ends a clause (brackets do not: "X (SPD) sagte").
_BOUNDARY = re.compile(r"[,;:–—]")
# Punctuation that ends a clause for a separable verb's particle.
_CLAUSE_END = re.compile(r"[,;:.!?]")
# How many words a source phrase may have that the phrase reader cannot parse ("laut einer am
# Dienstag veröffentlichten Pressemitteilung des WFP").
_MAX_SOURCE = 10
# How many adverbs may stand between a speech verb and its subject ("sagte dazu auch X").
_MAX_ADVERBS = 2
# How many adjectives may follow a preposition that holds its article ("im letzten Satz").
_MAX_ADJECTIVES = 2
# How many commas of appositions and relative clauses may stand between a subordinating
# conjunction's subject and its verb ("Wie X, Leiter des Y, der … war, mitteilte").
_MAX_INSERTIONS = 3
_CUES = frozenset({"cue_before", "cue_after", "cue_source", "cue_back"})
# A label before a colon that opens a sentence has at most this many words ("Europapolitik: …").
_LABEL = 4
# Articles that are dative or genitive before a feminine noun ("der Zeitung", "einer Erklärung").
_FEMININE_OBLIQUE = frozenset({"der", "einer", "dieser", "jener", "keiner"})
# Personal pronouns that can be a speech verb's subject after it ("es" rarely speaks).
_SUBJECT_PRONOUNS = frozenset({"pronoun_m", "pronoun_f", "pronoun"})
# A feminine ending needs a stem before it ("Ei" and "Tat" are no "-ei" or "-tät" nouns).
_SHORTEST_FEMININE = 4
# Words between a verb and its subject are skipped ("sagte dazu auch X") unless they open a
# phrase of their own or end the clause.
_NOT_SKIPPED = (
    frozenset({"det", "pronoun_m", "pronoun_f", "pronoun_n", "pronoun", "prep", "of", "sub", "conj"})
    | frozenset({"possessive_m", "possessive_f", "possessive"})
    | _CUES
)


@dataclass(frozen=True)
class Cue:
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
    verb: int | None = None
    """The token of a speech verb cue."""
    act: bool = False
    """The verb may be a speech act that evaluates what it names ("bezeichnete … als", "forderte")."""


class Clauses:
    """The sentences of one document, read for clauses, subjects and speech cues."""

    def __init__(
        self,
        body: str,
        sentences: tuple[Sentence, ...],
        tokens: Tokens,
        phrases: Phrases,
        quoted: list[bool],
        statement: list[bool],
    ) -> None:
        self.body = body
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self.tokens = tokens
        self.text = tokens.text
        self.phrases = phrases
        self.quoted = quoted
        """Is the token inside quotation marks?"""
        self.statement = statement
        """Is the token inside a quoted statement (not a quoted name)?"""
        self.subjects: dict[int, Speaker | None] = {}
        # What the reader looks for, found once per document by token index: punctuation that ends
        # a clause (its token is the one after it), the words that may open a cue, the verb forms
        # of reported speech.
        # Scans of every token run in C (compress, map): a Python loop per token cost more here
        # than reading the sentences with a cue. Most gaps are one space; only the others can
        # hold punctuation (the text after the last token ends no clause a token could be in).
        count, gaps = len(self.text), tokens.gaps
        marked = list(compress(range(count), map(" ".__ne__, gaps)))
        self.punctuated = {k for k in marked if _BOUNDARY.search(gaps[k])}
        self.clause_ends = [k for k in marked if _CLAUSE_END.search(gaps[k])]
        changes = compress(range(1, count), map(ne, quoted[1:], quoted))
        edges = [i for i in changes if statement[i] or statement[i - 1]]
        self.boundaries = sorted(self.punctuated.union(edges) - {count})
        triggers, reported = _triggers(), reported_speech_forms()
        found = [i for i in positions_of(self.text, _cue_or_reported()) if not quoted[i]]
        self.triggers = [i for i in found if self.text[i] in triggers]
        self.reported = [i for i in found if self.text[i] in reported]
        self.passives = positions_of(self.text, words_of_class("passive"))
        # A capitalised article after a period starts a sentence the splitter kept whole after a
        # number ("… des Modells 3. Ein Sprecher teilte mit").
        articles = words_of_class("article")
        text = self.text
        self.restarts = [
            k for k in marked if "." in gaps[k] and text[k].istitle() and text[k].lower() in articles
        ]

    def opening_subject(self, number: int) -> Speaker | None:
        """The subject of a sentence's main clause, read without knowing its verb: the phrase it
        opens with ("Die Bewohner des Dorfes sehen …", "Der Leiter, Klaus Stöhr, nahm …"), or,
        after a first part that is no subject ("In der ARD", "Hier"), the phrase after the verb
        that follows it ("In der ARD zeigt sich der Bundestrainer zufrieden")."""
        if number not in self.subjects:
            span = self.opening_span(number)
            self.subjects[number] = self.phrases.speaker(*span) if span else None
        return self.subjects[number]

    def opening_span(self, number: int) -> tuple[int, int] | None:
        """The tokens of `opening_subject`."""
        first, last = self.tokens_of(self.sentences[number])
        label = next(
            (k for k in range(first + 1, min(first + _LABEL, last)) if ":" in self.phrases.gap(k)), None
        )
        if label is not None:
            first = label  # "Europapolitik: Die SPD will …"
        after_clause = "sub" in word_classes(self.text[first].lower()) or self.text[first] == "Um"
        if after_clause:
            # "Um die Zeit zu gewinnen, will X …", "Als die Polizei kam, sagte X …": the main
            # clause starts after the subordinate one.
            first = next((k for k in range(first + 1, last) if "," in self.phrases.gap(k)), last)
        while first < last and (
            self.statement[first]
            or "conj" in word_classes(self.text[first].lower())
            # a particle before the subject ("Auch der Verband …") or the first part ("Bereits am
            # Sonntag zogen …"), not the first part itself ("Hier sparte …")
            or (
                self.skippable(first, conjunctions=True)
                and first + 1 < last
                and (self.phrases.opens_phrase(first + 1) or "prep" in word_classes(self.text[first + 1]))
            )
        ):
            first += 1
        found: tuple[int, int] | None = None
        phrases = self.phrases
        if (
            first < last
            and phrases.opens_phrase(first)
            and "oblique" not in word_classes(self.text[first].lower())
        ):
            end = self._apposition(phrases.phrase_end(first, last), last)
            if first < end < last and self.text[end].islower():
                found = (first, end)
        elif first < last:
            # After a subordinate clause its verb comes first; otherwise it follows the first part.
            verb = first if after_clause else first + 1
            if not after_clause and "prep" in word_classes(self.text[first].lower()):
                # "In dem Verfahren vor dem Gerichtshof sieht X": prepositional phrases, then the verb.
                verb = phrases.phrase_end(first + 1, last)
                while verb < last and word_classes(self.text[verb].lower()) & {"prep", "of"}:
                    verb = max(verb + 1, phrases.phrase_end(verb + 1, last))
            # An auxiliary is a verb too ("An die Adresse der Prüfer hatte X Positives zu melden").
            is_verb = verb < last and (
                self.text[verb] in subject_verbs()
                or not (word_classes(self.text[verb]) or word_info(self.text[verb]).function)
            )
            if is_verb and (first + 1 < verb or word_info(self.text[first]).function or after_clause):
                probe = verb + 1
                while (
                    probe < last
                    and probe - verb <= _MAX_ADVERBS
                    and self.skippable(probe, conjunctions=False)
                ):
                    probe += 1
                end = phrases.phrase_end(probe, last)
                oblique = probe < last and "oblique" in word_classes(self.text[probe].lower())
                if self.text[verb].islower() and end > probe and not oblique:
                    found = (probe, self._apposition(end, last))
        return found

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def tokens_of(self, sentence: Sentence) -> tuple[int, int]:
        return bisect_left(self.tokens.start, sentence.start), bisect_left(self.tokens.start, sentence.end)

    def subjunctive(self, first: int, last: int) -> bool:
        """Is the sentence of tokens [first, last) in the subjunctive of reported speech: a listed
        form outside quotation marks ("sei", "habe", "würden", the reportative "soll"), or an -e
        form as the verb after a pronoun or adverb that opens the sentence ("Es drohe …")?"""
        if bisect_left(self.reported, first) < bisect_left(self.reported, last):
            return True
        if last - first < 3 or self.quoted[first]:
            return False
        opener, verb = self.text[first], self.text[first + 1]
        pointing = word_classes(opener.lower()) & {"pronoun_m", "pronoun_f", "pronoun_n", "pronoun"} or (
            word_info(opener).function and not word_classes(opener.lower()) & {"det", "prep", "sub", "conj"}
        )
        return bool(pointing) and verb.islower() and verb.endswith("e") and not word_info(verb).function

    def boundary(self, index: int) -> bool:
        """Does a clause end between token `index - 1` and token `index`? Punctuation ends one, and
        so does a quoted statement; a quoted name stays part of its clause ("wird von der
        „Netzeitung“ zitiert")."""
        if index == 0 or index in self.punctuated:
            return True
        if self.quoted[index] == self.quoted[index - 1]:
            return False
        return self.statement[index] or self.statement[index - 1]

    def clause_end(self, index: int, last: int) -> int:
        """The end (exclusive) of the clause of token `index`, not after `last`."""
        position = bisect_right(self.boundaries, index)
        return min(last, self.boundaries[position]) if position < len(self.boundaries) else last

    def clause_start(self, index: int, first: int) -> int:
        """The first token of the clause of token `index`, not before `first`."""
        position = bisect_right(self.boundaries, index) - 1
        return max(first, self.boundaries[position]) if position >= 0 else first

    # -- cues --------------------------------------------------------------------------------

    def cues(self, number: int) -> list[Cue]:
        """The speech cues of one sentence, in order, each with its speaker and content."""
        sentence = self.sentences[number]
        first, last = self.tokens_of(sentence)
        found: list[Cue] = []
        verbs = speech_verbs()
        after = first
        for index in self.triggers[bisect_left(self.triggers, first) : bisect_left(self.triggers, last)]:
            if index < after:
                continue  # part of the frame of the cue before
            word = self.text[index]
            cue: Cue | None = None
            if word == "so":
                cue = self._so(index, first, last, sentence)
            elif word == "wie":
                cue = self._as_said(index, first, last, sentence)
            elif word in verbs:
                cue = self._verb(index, first, last, sentence)
            elif word_classes(word.lower()) & _CUES:
                cue = self._preposition(index, first, last, sentence)
            if cue is not None:
                found.append(cue)
                after = max(index + 1, bisect_left(self.tokens.start, cue.frame[1]))
        return found

    def _verb(self, index: int, first: int, last: int, sentence: Sentence) -> Cue | None:
        """A speech verb: its subject is the speaker ("X sagte", "sagte X", "wie X sagte"), the
        clause after it or before it what was said; an act of speech ("X forderte …") is
        reported speech by itself."""
        text = self.text
        readings, particle = self._readings(index, first, last)
        if not readings:
            return None
        kinds = {verb.kind for verb in readings}
        cue = text[index] if particle <= index else f"{text[index]} … {text[particle]}"
        clause = self.clause_start(index, first)
        restart = bisect_left(self.restarts, index) - 1
        if restart >= 0 and self.restarts[restart] > clause:
            clause = self.restarts[restart]  # "… des Modells 3. Ein Sprecher teilte mit"
        finite = subject_verbs()
        anchor = next((k for k in range(clause, index) if text[k] in finite), index)
        # A subordinate clause ends in its verb: "Wie X mitteilte, …", not "Als Antwort sagte X".
        verb_end = index + 1
        while verb_end < last and not self.boundary(verb_end) and text[verb_end] in finite:
            verb_end += 1  # "…, weil X es so bezeichnet hat"
        subordinate = (
            clause < anchor
            and "sub" in word_classes(text[clause].lower())
            and (verb_end >= last or self.boundary(verb_end))
        )
        if not subordinate and clause > first and (verb_end >= last or self.boundary(verb_end)):
            # "Wie der Vorsitzende Richter, Ottmar Breidling, ausführte": appositions and relative
            # clauses between the conjunction's phrase and the verb that ends its clause.
            opened = self._conjunction_before(clause, anchor, first)
            if opened is not None:
                clause, subordinate = opened, True
        if subordinate:
            # "Wie X mitteilte", "Während X erklärte": the subject follows the conjunction.
            end = self.phrases.phrase_end(clause + 1, anchor)
            subject = (clause + 1, self._apposition(end, anchor)) if end > clause + 1 else None
        else:
            subject = self._subject(clause, anchor, first, last)
        participle = all(verb.lemma != text[index] for verb in readings)  # not "werden … fordern"
        # "werden" before the participle also where we do not read it as the finite verb ("Seine
        # Werke werden von Kennern als „…“ bezeichnet").
        passives = self.passives
        passive = participle and (
            bisect_left(passives, clause) < bisect_left(passives, index)
            or bisect_left(passives, index + 1) < bisect_left(passives, verb_end)
        )
        if subject is not None and "cite" in kinds and anchor == index and not passive:
            # The one quoted, not the one quoting; in the passive the subject is the one quoted
            # ("wie X von der Zeitung zitiert wird").
            subject = self._cited(subject, index, last) or subject
        if passive and "cite" not in kinds:
            # "Als Begründung wurde angegeben", "… von X gefordert worden": the agent speaks, if named;
            # else the text or medium it was said in ("wurden gestern im „Standard“ als „…“ bezeichnet").
            subject = self._phrase_after(clause, last, "of") or self._medium(clause, last)
        if any(verb.particle == "es" for verb in readings):
            # "In dem Antrag heißt es", "hieß es aus Regierungskreisen", "hieß es vom Minister": the
            # text or place it is in, or who; also before an inserted clause ("Im letzten Satz der
            # Anordnung, die …, heißt es").
            subject = (
                self._phrase_after(clause, last, "source_prep")
                or self._phrase_after(index, last, "of")
                or (self._phrase_after(first, clause, "source_prep", scan=1) if clause > first else None)
            )
        frame_start = self.tokens.start[clause if subordinate else anchor]
        frame_end = self.tokens.end[particle]
        if subject is not None:
            frame_start = min(frame_start, self.tokens.start[subject[0]])
            frame_end = max(frame_end, self.tokens.end[subject[1] - 1])
        speaker = self.phrases.speaker(*subject) if subject else None
        frame = (frame_start, frame_end)
        plural, act = _plural(text[anchor]), "act" in kinds

        def said(content: tuple[int, int] | None, kind: str) -> Cue:
            return Cue(cue, frame, speaker, content, kind, plural, verb=index, act=act)

        if subordinate and text[clause].lower() == "wie":
            return said(self._around(frame, sentence), "indirect")
        after = self._complement(bisect_left(self.tokens.start, frame_end), last)
        if after is not None:
            return said((self.tokens.start[after], sentence.end), "indirect")
        if (
            not subordinate
            and clause > first
            and subject is not None
            and subject[0] > anchor
            and "," in self.phrases.gap(clause)
            and not self.quoted[clause - 1]
        ):
            # "Die Lage sei ernst, sagte X": the clause before the verb is what X said.
            return said((sentence.start, self.tokens.end[clause - 1]), "indirect")
        if "act" in kinds and not self._introduces_quote(bisect_left(self.tokens.start, frame_end), last):
            return said((sentence.start, sentence.end), "reported")
        return said(None, "indirect")

    def _conjunction_before(self, clause: int, anchor: int, first: int) -> int | None:
        """The subordinating conjunction of a verb-final clause that appositions or relative
        clauses interrupt, when its phrase and they reach up to the verb (past adverbs: "Wie X,
        der … war, dazu feststellt"); None otherwise."""
        start = clause
        for _ in range(_MAX_INSERTIONS):
            start = self.clause_start(start - 1, first)
            if "sub" in word_classes(self.text[start].lower()):
                end = self.phrases.phrase_end(start + 1, anchor)
                if end == start + 1:
                    return None
                return start if end < clause and self._inserted(end, anchor) else None
            if start == first:
                return None
        return None

    def _inserted(self, end: int, anchor: int) -> bool:
        """Are the words from `end` to the verb at `anchor` appositions and relative clauses, each
        after a comma, and adverbs before the verb ("X, Leiter des Y, der … war, dazu feststellt")?"""
        probe = self._prepositional(end, anchor)
        while probe < anchor and self.boundary(probe):
            stop = self.clause_end(probe, anchor)
            relative = "relative" in word_classes(self.text[probe].lower())
            if not (relative or self.phrases.phrase_end(probe, stop) == stop):
                break
            probe = stop
        while probe < anchor and self.skippable(probe, conjunctions=True):
            probe += 1
        return probe == anchor

    def _introduces_quote(self, index: int, last: int) -> bool:
        """Does the verb's clause end in a colon before quoted words ("X warf den Behörden vor:
        „…“"): the quote is what was said, no reported speech besides it?"""
        ends = self.clause_ends
        position = bisect_left(ends, index)
        index = ends[position] if position < len(ends) else last
        return index < last and self.quoted[index] and ":" in self.phrases.gap(index)

    def _complement(self, index: int, last: int) -> int | None:
        """Where the clause a speech verb governs starts: after the comma or colon that ends the
        verb's clause ("sagte vor der Presse, dass …"), unless quoted words follow."""
        ends = self.clause_ends
        position = bisect_left(ends, index)
        index = ends[position] if position < len(ends) else last
        if index >= last or self.quoted[index]:
            return None
        gap = self.phrases.gap(index)
        if "," not in gap and ":" not in gap:
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

    def _phrase_after(
        self, clause: int, last: int, word_class: str, scan: int | None = None
    ) -> tuple[int, int] | None:
        """The phrase after a word of `word_class` in the clause that starts at token `clause`
        (or in its first `scan` words): after "von" ("of") in a passive clause who did the
        speaking, after "in", "auf" or "aus" ("source_prep") where impersonal speech stands."""
        # Clauses run long and few of their words are of the class: they are found in C.
        stop = self.clause_end(clause, last) if scan is None else clause + scan
        lowered = map(str.lower, self.text[clause:stop])
        for index in compress(range(clause, stop), map(words_of_class(word_class).__contains__, lowered)):
            start = index + 1
            if self.text[index].endswith("m"):
                # "im", "vom" hold the article: adjectives may follow ("im letzten Satz").
                while start < last and start - index <= _MAX_ADJECTIVES and self.text[start].islower():
                    start += 1
            end = self.phrases.phrase_end(start, last)
            if end > start:
                return index + 1, end
        return None

    def _medium(self, clause: int, last: int) -> tuple[int, int] | None:
        """The phrase after "in", "im" or "auf" in the clause when it names a text or an
        organisation, not a place ("im „Standard“", "in einer Erklärung"; not "in Berlin")."""
        found = self._phrase_after(clause, last, "source_prep")
        if found is None:
            return None
        speaker = self.phrases.speaker(*found)
        return found if speaker.type != "LOC" and speaker.kind in ("source", "organisation") else None

    def _cited(self, subject: tuple[int, int], index: int, last: int) -> tuple[int, int] | None:
        """Who "zitiert" quotes: the object ("Ein Sender zitierte Papandreou", "zitiert die
        Zeitung den Minister"), not the subject that quotes."""
        start = subject[1] if subject[0] > index else index + 1
        while start < last and start - index <= _MAX_ADVERBS and self.skippable(start, conjunctions=False):
            start += 1  # "zitiert dazu X"
        end = self.phrases.phrase_end(start, last)
        return (start, end) if end > start else None

    def _particle(self, index: int, particle: str, first: int, last: int) -> int | None:
        """Where the word a verb form needs stands in its clause ("mit" of "teilte … mit", "es" of
        "hieß es"), if it does. Quoted words inside the clause do not end it ("wies dies als
        „Unverschämtheit“ zurück")."""
        # `clause_ends` holds the tokens that punctuation before them opens: the clause of
        # `index` runs from the last of them not after it to the first one after it.
        ends = self.clause_ends
        position = bisect_right(ends, index)
        start = max(first, ends[position - 1]) if position else first
        stop = min(last, ends[position]) if position < len(ends) else last
        return next((k for k in range(start, stop) if self.text[k] == particle and k != index), None)

    def _subject(self, clause: int, anchor: int, first: int, last: int) -> tuple[int, int] | None:
        """The subject of the finite verb at `anchor`: the phrase before it ("Die Polizei teilte
        mit", "Auch der Verband erklärte", "X, Leiter des Instituts, sagte"), else the phrase after
        it ("„…“, sagte X", "Am Montag erklärte X"), else the phrase the sentence opens with ("X
        bezeichnete … und erklärte", "Sie räumte ein, …, sprach aber von …")."""
        phrases = self.phrases
        if anchor > first and "conj" in word_classes(self.text[anchor - 1].lower()):
            # "Am Sonntag zogen Demonstranten vor den Sitz und skandierten Sprüche", "X hat sich
            # gerade dieser Tage dagegen ausgesprochen und behauptet": a verb right after "und"
            # shares the subject of the sentence's main clause; the phrase after it is its object.
            return self.opening_span(self.sentence_of(self.tokens.start[first]))
        opener = clause
        while opener < anchor and self.skippable(opener, conjunctions=True):
            opener += 1
        if (
            opener < anchor
            and phrases.opens_phrase(opener)
            and "oblique" not in word_classes(self.text[opener].lower())
        ):
            end = phrases.phrase_end(opener, anchor)
            if end > opener and self._agrees(opener, end, anchor):
                inverted = self._nominative_after(anchor, last)
                if inverted is not None and not self._speaks(opener, end):
                    # "Das Urteil bezeichnete der Anwalt als …", "Unterdessen verteidigte der
                    # Vorsitzende …": a speaker in the nominative after the verb, a thing before it.
                    return inverted
                full = self._apposition(end, anchor)
                if full < anchor and not all(
                    self.skippable(k, conjunctions=False) for k in range(full, anchor)
                ):
                    # "Die Menge skandierte Parolen und der Unternehmer X rief aus": the subject of a
                    # second main clause stands right before its verb.
                    second = self._coordinated_subject(full, anchor)
                    joined = "conj" in word_classes(self.text[full])
                    if second is not None and second[0] == full + 1 and joined:
                        # Coordinated subjects: "„Ärzte ohne Grenzen“ sowie das Rote Kreuz kündigten an".
                        return opener, anchor
                    return second or (opener, full)
                return opener, full
        opening = first
        while opening < anchor and (self.statement[opening] or self.skippable(opening, conjunctions=True)):
            opening += 1
        start_phrase = phrases.phrase_end(opening, anchor) if phrases.opens_phrase(opening) else opening
        if (
            opener == anchor
            and clause > opening
            and opening < start_phrase < anchor
            and self._apposition(start_phrase, anchor) == anchor
        ):
            return opening, anchor
        probe = anchor + 1
        while probe < last and probe - anchor <= _MAX_ADVERBS and self.skippable(probe, conjunctions=False):
            probe += 1
        if probe < last and not self.boundary(probe) and not self.statement[probe]:
            end = phrases.phrase_end(probe, last)
            if end > probe:
                return probe, end
        if opener == anchor and clause > first and start_phrase > opening:
            # "X wies die Behauptung zurück, die Sprecherin Y erklärte": the phrase right before the
            # verb, else the sentence's opening one.
            return self._coordinated_subject(first, anchor) or (opening, start_phrase)
        return None

    def _coordinated_subject(self, start: int, anchor: int) -> tuple[int, int] | None:
        """A speaker phrase (with its appositions) that ends right before the verb at `anchor` and
        opens after "und", "sowie", "aber" or a comma between `start` and it; None if none."""
        for index in range(start + 1, anchor):
            if not (self.boundary(index) or "conj" in word_classes(self.text[index - 1].lower())):
                continue
            if not self.phrases.opens_phrase(index) or "oblique" in word_classes(self.text[index].lower()):
                continue
            end = self.phrases.phrase_end(index, anchor)
            if end > index and self._apposition(end, anchor) == anchor and self._speaks(index, end):
                return index, anchor
        return None

    def _nominative_after(self, anchor: int, last: int) -> tuple[int, int] | None:
        """A speaker phrase after the verb that can only be its subject: "der" before a noun that
        is not feminine ("verteidigte der Vorsitzende"; "sagte der Zeitung" is dative), or a
        personal pronoun ("Deren Haltung bezeichnete er als …": a thing before the verb cannot
        speak, so even "sie" is the subject there)."""
        probe = anchor + 1
        while probe < last and probe - anchor <= _MAX_ADVERBS and self.skippable(probe, conjunctions=False):
            probe += 1
        if probe >= last or self.boundary(probe):
            return None
        if word_classes(self.text[probe].lower()) & _SUBJECT_PRONOUNS:
            return probe, probe + 1
        if self.text[probe].lower() != "der":
            return None
        end = self.phrases.phrase_end(probe, last)
        head = self.phrases.head(probe, end)
        if head is None or feminine(self.text[head]) or not self._speaks(probe, end):
            return None
        return probe, self._apposition(end, last)

    def _speaks(self, first: int, end: int) -> bool:
        """Does the phrase name someone who can speak: a person, organisation, role, group, or a
        pronoun?"""
        speaker = self.phrases.speaker(first, end)
        return bool(speaker.name or speaker.pointer or speaker.kind not in (None, "source"))

    def _agrees(self, first: int, end: int, verb: int) -> bool:
        """Can the phrase [first, end) be the subject of the finite verb: not "der" or "einer"
        before a feminine noun ("Der Zeitung sagte X", dative), not plural before a singular verb
        ("Die tibetischen Mönche beschrieb die Agentur als …")?"""
        article = self.text[first].lower()
        head = self.phrases.head(first, end)
        if article in _FEMININE_OBLIQUE and head is not None and feminine(self.text[head]):
            return False
        # After "die", an adjective ending in -en is plural ("die tibetischen Mönche"; singular
        # "die tibetische Nonne").
        plural = article == "die" and first + 1 < end and self.text[first + 1].endswith("en")
        return _plural(self.text[verb]) or not (plural and self.text[first + 1].islower())

    def _apposition(self, end: int, anchor: int) -> int:
        """Where a subject ends that appositions and relative clauses follow up to its verb ("Der
        Leiter des Programms, Klaus Stöhr, sagte", "X, der … sah, nannte"); `end` where they don't."""
        probe = self._prepositional(end, anchor)
        named = False
        while probe < anchor and "," in self.phrases.gap(probe):
            relative = "relative" in word_classes(self.text[probe].lower())
            if relative:
                following = probe + 1
                while following < anchor and "," not in self.phrases.gap(following):
                    following += 1
            else:
                following = self.phrases.phrase_end(probe, anchor)
            if following == probe:
                if named:
                    break  # the comma closes the apposition: "nahm X, Leiter des Y, zu der Frage Stellung"
                return end
            named = not relative
            probe = following
        return probe if probe == anchor or (probe < anchor and self.text[probe].islower()) else end

    def _prepositional(self, end: int, anchor: int) -> int:
        """Past a prepositional phrase that belongs to a subject ("Der Vorsitzende des Verbands in
        Deutschland, X, sagte"): where it ends, or `end` when none follows."""
        if end < anchor and "attach" in word_classes(self.text[end]) and not self.boundary(end):
            after = self.phrases.phrase_end(end + 1, anchor)
            if after > end + 1 and after < anchor and "," in self.phrases.gap(after):
                return after
        return end

    def skippable(self, index: int, *, conjunctions: bool) -> bool:
        """A word that may stand between a verb and its subject: an adverb or particle ("dazu",
        "auch"), or before a subject a conjunction ("Und …")."""
        if self.quoted[index] or (index > 0 and self.boundary(index) and not conjunctions):
            return False
        classes = word_classes(self.text[index].lower())
        if conjunctions and "conj" in classes:
            return True
        return bool(word_info(self.text[index]).function) and not classes & _NOT_SKIPPED

    def _so(self, index: int, first: int, last: int, sentence: Sentence) -> Cue | None:
        """ "„…“, so X." and "…, so der Sprecher weiter"."""
        if index == first or ("," not in self.phrases.gap(index) and not self.quoted[index - 1]):
            return None
        end = self.phrases.phrase_end(index + 1, last)
        if end == index + 1:
            return None
        frame = (self.tokens.start[index], self.tokens.end[end - 1])
        content = (sentence.start, self.tokens.end[index - 1])
        return Cue("so", frame, self.phrases.speaker(index + 1, end), content, "indirect")

    def _as_said(self, index: int, first: int, last: int, sentence: Sentence) -> Cue | None:
        """ "…, wie X deutlich machte.": a closing "wie" clause names who said what comes before,
        whatever its verb; a listed speech verb is read by `_verb` instead."""
        if index == first or "," not in self.phrases.gap(index):
            return None
        end = self.phrases.phrase_end(index + 1, last)
        verb = end
        while verb < last and not self.boundary(verb) and self.text[verb].islower():
            verb += 1
        if end == index + 1 or verb == end or (verb < last and not self.boundary(verb)):
            return None
        if any(self.text[k] in speech_verbs() for k in range(end, verb)):
            return None
        frame = (self.tokens.start[index], self.tokens.end[verb - 1])
        content = (sentence.start, self.tokens.end[index - 1])
        return Cue("wie", frame, self.phrases.speaker(index + 1, end), content, "indirect")

    def _preposition(self, index: int, first: int, last: int, sentence: Sentence) -> Cue | None:
        """ "laut X", "gemäß X", "X zufolge", "nach Angaben X", "Demnach"."""
        text, phrases = self.text, self.phrases
        classes = word_classes(text[index].lower())
        if "cue_back" in classes:
            frame = (self.tokens.start[index], self.tokens.end[index])
            pointer = Speaker(*frame, pointer="back")
            return Cue(text[index], frame, pointer, (frame[1], sentence.end), "indirect")
        if "cue_after" in classes:
            # The longest phrase that ends right before "zufolge": "Ermittlungen der Polizei zufolge".
            clause = self.clause_start(index, first)
            start = next(
                (
                    k
                    for k in range(max(clause, index - _MAX_SOURCE), index)
                    if phrases.phrase_end(k, index) == index
                ),
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
                # "laut einer am Dienstag veröffentlichten Mitteilung", "laut dpa": up to the verb;
                # before a verb "laut" is the adjective ("laut geworden", "laut wurde").
                if index + 1 < last and _verb_form(text[index + 1]):
                    return None
                end = self._up_to_verb(index + 1, last)
            if end == index + 1:
                return None
            span = (index + 1, self._apposition(end, last))
        frame = (self.tokens.start[min(index, span[0])], self.tokens.end[max(index, span[1] - 1)])
        speaker = phrases.speaker(*span)
        if speaker.pointer == "self":
            speaker = self.opening_subject(self.sentence_of(self.tokens.start[index])) or speaker
        return Cue(text[index], frame, speaker, self._around(frame, sentence), "indirect", source=True)

    def _up_to_verb(self, start: int, last: int) -> int:
        """The words from `start` to the next finite verb or clause boundary (at most a few)."""
        end = start
        while (
            end < last
            and end - start < _MAX_SOURCE
            and (end == start or not self.boundary(end))
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
            return (
                frame[1]
                + (
                    len(self.body[frame[1] : sentence.end])
                    - len(self.body[frame[1] : sentence.end].lstrip(" ,"))
                ),
                sentence.end,
            )
        return sentence.start, frame[0]


@cache
def _triggers() -> frozenset[str]:
    """Every word that may open a speech cue, also as a sentence starts with it."""
    return frozenset(speech_verbs()) | cue_words() | {"so", "wie"} | cue_words_capitalised()


@cache
def _cue_or_reported() -> frozenset[str]:
    """The words the reader looks for: the one lookup most tokens need."""
    return _triggers() | reported_speech_forms()


@cache
def cue_words_capitalised() -> frozenset[str]:
    """Cue words as a sentence starts with them: "Laut", "Nach", "Demnach", "Wie", "So"."""
    return frozenset(word.capitalize() for word in cue_words() | {"so", "wie"})


@cache
def _feminine_endings() -> frozenset[str]:
    return words("extract_feminine_endings.txt")


def feminine(noun: str) -> bool:
    """Does a noun's ending make it feminine ("Zeitung", "Regierung", "Partei")?"""
    return len(noun) > _SHORTEST_FEMININE and longest_suffix_in(noun, _feminine_endings(), 2) is not None


def _verb_form(word: str) -> bool:
    """Is a lower-case word a finite verb we list or a participle ("geworden", "gemacht")?"""
    return word in subject_verbs() or (word.startswith("ge") and word.endswith(("en", "t")))


def _plural(verb: str) -> bool:
    """Does a finite verb form agree with a plural subject ("sagten", "erklärten", "sind")?"""
    return verb.endswith("en") or verb == "sind"
