"""Quoted speech and who said it.

A speaker is named only on evidence in the text: a speech verb next to the quote ("„…“, sagte
X", "X sagte: „…“"), the subject of the sentence a short quoted fragment stands in ("X
bezeichnete … als „unrealistisch“"), an earlier quote of the same paragraph the quote continues,
or the paragraph before a paragraph that is only a quote. "Er", "sie" and "der Kanzler" resolve
only when exactly one person of the document fits; otherwise the speaker stays None.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from presseschau.extract.entities import EntityResult
from presseschau.extract.gazetteer import speech_verbs, word_info
from presseschau.models import Mention, Quote, Sentence

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
_AFTER = re.compile(r"\s*[,:]?\s*[–—-]?\s*(?P<word>\w+)")
# "…, also von der Regierung nicht gewollt, wie X in Brüssel deutlich machte."
_LATER_SOURCE = re.compile(r",\s*(?:wie|so)\s+")
_ANAPHOR = re.compile(r"\b(?:der|die|des|dem)\s+(?:\w+\s+)?(?P<role>[A-ZÄÖÜ][\w-]+)")
_PRONOUN = re.compile(r"\b(?P<pronoun>er|sie|Er|Sie)\b")
_CLAUSE_END = re.compile(r"[,.;:!?„“\"»«]")
_MAX_QUOTE = 3000
# A quote-only line this short without a closing period is a headline, not a continued statement.
_HEADLINE = 80
# How far after a speech verb the speaker's name may stand ("sagte Rutte beim Treffen").
_SPEAKER_WINDOW = 80


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    text: str


def find_quotes(body: str, sentences: tuple[Sentence, ...], entities: EntityResult) -> tuple[Quote, ...]:
    """Every quotation in `body`, each with its speaker's canonical name or None."""
    return tuple(_Attributor(body, sentences, entities).attribute(_quotations(body)))


def _quotations(body: str) -> list[_Found]:
    found = []
    for match in _QUOTE.finditer(body):
        group = next(name for name in "abcdef" if match.group(name) is not None)
        inner = match.group(group)
        stripped = inner.strip()
        if len(stripped) < 2 or len(stripped) > _MAX_QUOTE:
            continue
        start = match.start(group) + len(inner) - len(inner.lstrip())
        found.append(_Found(start, start + len(stripped), stripped))
    return found


class _Attributor:
    def __init__(self, body: str, sentences: tuple[Sentence, ...], entities: EntityResult) -> None:
        self.body = body
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self.entities = entities
        self.people = [m for m in entities.mentions if m.type == "PER"]
        self.people_starts = [m.start for m in self.people]
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", body)]
        self.roles: dict[str, set[str]] = {}
        for name, role in entities.roles.items():
            self.roles.setdefault(role, set()).add(name)

    def attribute(self, found: list[_Found]) -> list[Quote]:
        """Each rule answers None when it does not apply, or a verdict (a name, or "" for nobody)."""
        quotes: list[Quote] = []
        for quote in found:
            verdict: str | None = None
            for rule in (self._after, self._colon_before, self._continued, self._only_quote_paragraph):
                verdict = rule(quote, quotes)
                if verdict is not None:
                    break
            else:
                verdict = self._subject(quote)
            quotes.append(Quote(text=quote.text, speaker=verdict or None, start=quote.start, end=quote.end))
        return quotes

    # -- where things are ------------------------------------------------------------------

    def _sentence(self, offset: int) -> Sentence:
        index = max(0, bisect_right(self.sentence_starts, offset) - 1)
        return self.sentences[index] if self.sentences else Sentence(0, len(self.body))

    def _line(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[index]
        end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(self.body)
        return start, end

    def _people_in(self, start: int, end: int) -> list[Mention]:
        """Person mentions inside [start, end) that are not genitive attributes ("Trumps Minister")."""
        first = bisect_left(self.people_starts, start)
        last = bisect_left(self.people_starts, end)
        return [m for m in self.people[first:last] if m.start not in self.entities.genitive_starts]

    def _closing_mark_end(self, quote: _Found) -> int:
        return min(quote.end + 1, len(self.body))

    # -- the rules -------------------------------------------------------------------------

    def _after(self, quote: _Found, _earlier: list[Quote]) -> str | None:
        """Attribution after the quote: "„…“, sagte X", "„…“, so X", "…, wie X deutlich machte"."""
        after = self._closing_mark_end(quote)
        sentence_end = self._sentence(quote.end).end
        match: re.Match[str] | None = _AFTER.match(self.body, after, sentence_end)
        if match is None or (match.group("word") not in speech_verbs() and match.group("word") != "wie"):
            match = _LATER_SOURCE.search(self.body, after, sentence_end)
        if match is None:
            return None
        window_end = min(sentence_end, match.end() + _SPEAKER_WINDOW)
        clause = _CLAUSE_END.search(self.body, match.end(), window_end)
        clause_end = clause.start() if clause else window_end
        people = self._people_in(match.end(), clause_end)
        if people:
            return people[0].name
        return self._anaphor(self.body[match.end() : clause_end], quote.start) or ""

    def _colon_before(self, quote: _Found, _earlier: list[Quote]) -> str | None:
        """Attribution before a colon: "X sagte: „…“" and "sagte X: „…“"."""
        sentence = self._sentence(quote.start)
        before = self.body[sentence.start : quote.start - 1].rstrip()
        if not before.endswith(":"):
            return None
        people = self._people_in(sentence.start, quote.start)
        if people:
            return people[-1].name
        return self._anaphor(before, quote.start) or ""

    def _continued(self, quote: _Found, earlier: list[Quote]) -> str | None:
        """A quote opening a sentence continues the previous quote of its paragraph."""
        if not self._opens_sentence(quote) or not earlier:
            return None
        line_start, _ = self._line(quote.start)
        previous = earlier[-1]
        if previous.start < line_start or previous.speaker is None:
            return None
        between = self._people_in(previous.end, quote.start)
        if any(m.name != previous.speaker for m in between):
            return None
        return previous.speaker

    def _only_quote_paragraph(self, quote: _Found, earlier: list[Quote]) -> str | None:
        """A paragraph that is only a quote belongs to whoever the previous paragraph quoted or named."""
        line_start, line_end = self._line(quote.start)
        rest = self.body[line_start : quote.start - 1] + self.body[self._closing_mark_end(quote) : line_end]
        if rest.strip(' \t.,!?"„“”»«') or line_start == 0:
            return None
        tail = self.body[quote.start : line_end].rstrip().rstrip('"„“”»«')
        if len(quote.text) < _HEADLINE and not tail.endswith((".", "!", "?")):
            return ""
        previous_start, _ = self._line(line_start - 1)
        quoted = [q for q in earlier if previous_start <= q.start < line_start and q.speaker]
        if quoted:
            return quoted[-1].speaker
        named = {m.name for m in self._people_in(previous_start, line_start)}
        return named.pop() if len(named) == 1 else ""

    def _subject(self, quote: _Found) -> str | None:
        """A fragment inside a sentence is the words of the sentence's subject."""
        sentence = self._sentence(quote.start)
        people = self._people_in(sentence.start, quote.start)
        if people:
            return people[0].name
        opening = self.body[sentence.start : quote.start]
        pronoun = _PRONOUN.match(opening)
        return self._pronoun(pronoun.group("pronoun"), sentence.start) if pronoun else None

    # -- anaphora --------------------------------------------------------------------------

    def _opens_sentence(self, quote: _Found) -> bool:
        sentence = self._sentence(quote.start)
        return not self.body[sentence.start : quote.start - 1].strip()

    def _anaphor(self, text: str, before: int) -> str | None:
        """Role words and pronouns: "der Kanzler" is the one person introduced as (Bundes)kanzler."""
        role = _ANAPHOR.search(text)
        key = word_info(role.group("role")).role if role else None
        if key:
            names = self.roles.get(key, set())
            return next(iter(names)) if len(names) == 1 else None
        pronoun = _PRONOUN.search(text)
        return self._pronoun(pronoun.group("pronoun"), before) if pronoun else None

    def _pronoun(self, pronoun: str, before: int) -> str | None:
        """The one gender-compatible person the previous sentence names."""
        index = bisect_right(self.sentence_starts, before) - 1
        if index <= 0:
            return None
        previous = self.sentences[index - 1]
        wanted = "m" if pronoun.lower() == "er" else "f"
        names = {
            m.name
            for m in self._people_in(previous.start, before)
            if self.entities.genders.get(m.name, wanted) in (wanted, "u")
        }
        return names.pop() if len(names) == 1 else None
