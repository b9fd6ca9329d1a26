"""Scoring quote extraction on articles with annotated quotations.

The format is that of `../shared/corpus/quotes/*.jsonl` (German WikiNews articles annotated by
Petersen-Frey and Biemann, LREC-COLING 2024): one article a line with `doc_id`, `title`, `text`
and `annotations`, each with a `type` (Direct, Indirect, IndirectFreeIndirect, FreeIndirect,
Reported) and character spans for `quote` and, where there is one, `speaker`.

Matching rules (the same for every article, stated here so that the numbers can be read):

- Groups. An annotated `Direct` quote belongs to the group "direct"; the four other types to the
  group "indirect" (indirect and reported speech). Our kinds `direct` and `indirect`/`reported`
  map to these groups; our kind `term` (names, titles, scare quotes) claims no quote and is not
  scored.
- A quote of ours and an annotated quote *match* when their characters overlap by at least half
  of the shorter of the two (an annotated quote may have several spans: their union counts).
- Recall of a group: annotated quotes of the group matched by one of our quotes of the group.
- Precision of a group: our quotes of the group that match an annotated quote of the group. A
  direct quote of ours also counts as right when at least half of it lies inside an annotated
  quote of the other group: quoted words inside indirect or reported speech ("X sagte, das
  Gespräch „sei freundlich verlaufen“") are the speaker's words, which the annotation marks as
  part of the larger quote.
- One quote, several annotations. Annotators sometimes annotate the same words twice, once with
  the person quoted and once with the medium that relays them ("Die Zeitung zitiert X mit den
  Worten: „…“"): annotations of one group with the same spans count as one quote, and either
  speaker is right.
- Speaker. Scored on annotated quotes that have a speaker and were matched, with our quote that
  overlaps them most. Ours is right when (a) our speaker phrase overlaps the annotated speaker
  span, or (b) our speaker's canonical name is in the annotated speaker phrase (a person by the
  last word of the name, "Angela Merkel" in "Kanzlerin Merkel"; an organisation by all its
  words, "ProSieben" in "ein Sprecher des Senders ProSieben"; genitive -s ignored), or (c) the
  head nouns agree (the first capitalised word that is no article: "Sprecher" in "der Sprecher"
  and "Ein Sprecher des Ministeriums"; of a pronoun of ours resolved to a role, that role word).
  No speaker of ours is never right.
- Pronoun speakers ("er", "Sie", "seiner Meinung"): ours is right when it is, by the rules
  above, the annotated speaker nearest before the pronoun that is no pronoun (the person the
  article named): its canonical name, its phrase or the head of its phrase ("Demnach" read as
  "die Vereinten Nationen" named before). A pronoun span of ours that stays unresolved is not right.
  Where the article names nobody before the pronoun, the quote is not scored for its speaker.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from presseschau.extract import extract
from presseschau.extract.names import without_genitive
from presseschau.models import Quote

GOLD_GROUP = {
    "Direct": "direct",
    "Indirect": "indirect",
    "IndirectFreeIndirect": "indirect",
    "FreeIndirect": "indirect",
    "Reported": "indirect",
}
OUR_GROUP = {"direct": "direct", "indirect": "indirect", "reported": "indirect"}

# Speaker phrases that only point back to someone: a pronoun ("er", "Sie", "der" of "…, der
# sagte", "Demnach"), or a possessive and a noun ("seiner Meinung").
_PRONOUNS = frozenset(
    {"er", "sie", "es", "ich", "wir", "ihr", "man", "ihm", "ihn", "ihnen", "der", "die", "das", "denen"}
    | {"dessen", "deren", "welche", "welcher", "dieser", "diese", "dieses", "demnach", "danach", "wonach"}
)
_POSSESSIVES = frozenset(
    {"sein", "seine", "seiner", "seinem", "seinen", "seines", "ihr", "ihre", "ihrer", "ihrem", "ihren"}
    | {"ihres", "unser", "unsere"}
)
_DETERMINERS = frozenset(
    {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"}
    | {"laut", "nach", "zufolge", "von", "vom"}
)
_WORD = re.compile(r"\w+")
_TITLE = re.compile(r"^\d+ - (?P<headline>.*?)(?: \((?P<date>\d{4}-\d{2}-\d{2})\))?$")


@dataclass(frozen=True)
class GoldQuote:
    type: str
    spans: tuple[tuple[int, int], ...]
    text: str
    speaker: str | None = None
    speaker_spans: tuple[tuple[int, int], ...] = ()
    referent: str | None = None
    """For a pronoun speaker: the nearest earlier annotated speaker that is no pronoun."""
    referent_spans: tuple[tuple[int, int], ...] = ()
    others: tuple[GoldQuote, ...] = ()
    """Further annotations of the same words with another speaker (the person and the medium)."""

    @property
    def group(self) -> str:
        return GOLD_GROUP[self.type]

    @property
    def pronoun(self) -> bool:
        return self.speaker is not None and is_pronoun(self.speaker)


@dataclass(frozen=True)
class Article:
    doc_id: str
    headline: str | None
    published: str | None
    text: str
    quotes: tuple[GoldQuote, ...]


@dataclass
class QuoteScores:
    """Per measure: (right, counted), and what was missed (for reading, not for scoring)."""

    counts: dict[str, list[int]] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def tally(self, measure: str, ok: bool, what: str) -> None:
        count = self.counts.setdefault(measure, [0, 0])
        count[0] += ok
        count[1] += 1
        if not ok:
            self.misses.setdefault(measure, []).append(what)

    @property
    def values(self) -> dict[str, float]:
        return {key: right / counted if counted else 1.0 for key, (right, counted) in self.counts.items()}


# The measures in the order they are printed, with what each one means.
MEASURES = {
    "direct_recall": "annotated direct quotes we find as direct",
    "direct_precision": "our direct quotes that are annotated quotes",
    "indirect_recall": "annotated indirect/reported quotes we find as indirect or reported",
    "indirect_precision": "our indirect/reported quotes that are annotated ones",
    "recall_Indirect": "… of them Indirect",
    "recall_IndirectFreeIndirect": "… IndirectFreeIndirect",
    "recall_FreeIndirect": "… FreeIndirect",
    "recall_Reported": "… Reported",
    "speaker_direct_named": "speaker right, direct quotes whose speaker is no pronoun",
    "speaker_direct_pronoun": "speaker right, direct quotes whose speaker is a pronoun",
    "speaker_indirect": "speaker right, indirect/reported quotes (pronouns included)",
    "speaker_indirect_named": "… whose speaker is no pronoun",
    "no_speaker_left_null": "matched quotes annotated without speaker that we leave without one",
}


# Floors on the dev split (tests/test_quality_gates.py), just under the scores reached (its
# pronoun measure counts 14 quotes: one is .07).
DEV_FLOORS = {
    "direct_recall": 0.965,
    "direct_precision": 0.95,
    "indirect_recall": 0.665,
    "indirect_precision": 0.76,
    "recall_Reported": 0.435,
    "speaker_direct_named": 0.90,
    "speaker_direct_pronoun": 0.21,
    "speaker_indirect": 0.785,
}
# Floors on the train split, which the rules are tuned on: 4.7 times the articles of dev, so its
# speaker scores move less with one article and say more about articles nobody here has seen.
TRAIN_FLOORS = {
    "direct_recall": 0.965,
    "direct_precision": 0.90,
    "indirect_recall": 0.695,
    "indirect_precision": 0.745,
    "recall_Reported": 0.545,
    "speaker_direct_named": 0.86,
    "speaker_direct_pronoun": 0.40,
    "speaker_indirect": 0.79,
}


def is_pronoun(phrase: str) -> bool:
    words = phrase.lower().split()
    return (len(words) == 1 and words[0] in _PRONOUNS) or (len(words) == 2 and words[0] in _POSSESSIVES)


def read_articles(path: str | Path) -> list[Article]:
    """The articles of one annotated JSON-lines file."""
    articles = []
    with Path(path).open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                articles.append(_article(json.loads(line)))
    return articles


def _article(raw: dict[str, object]) -> Article:
    title = str(raw.get("title") or "")
    match = _TITLE.match(title)  # "10022 - Headline (2005-08-05)"
    headline = match.group("headline") if match else title or None
    published = match.group("date") if match else None
    quotes = []
    annotations = raw.get("annotations")
    assert isinstance(annotations, list)
    for annotation in annotations:
        speaker = annotation.get("speaker") or {}
        quotes.append(
            GoldQuote(
                type=annotation["type"],
                spans=tuple((b, e) for b, e in annotation["quote"]["spans"]),
                text=annotation["quote"]["text"],
                speaker=speaker.get("text") or None,
                speaker_spans=tuple((b, e) for b, e in speaker.get("spans", [])),
            )
        )
    merged = _merged(_with_referents(quotes))
    return Article(str(raw["doc_id"]), headline, published, str(raw["text"]), merged)


def _merged(quotes: tuple[GoldQuote, ...]) -> tuple[GoldQuote, ...]:
    """One quote per group and spans, the further annotations of the same words as its `others`."""
    same: dict[tuple[str, tuple[tuple[int, int], ...]], list[GoldQuote]] = {}
    for quote in quotes:
        same.setdefault((quote.group, quote.spans), []).append(quote)
    return tuple(first if not rest else replace(first, others=tuple(rest)) for first, *rest in same.values())


def _with_referents(quotes: list[GoldQuote]) -> tuple[GoldQuote, ...]:
    named = sorted(
        (q.speaker_spans[0][0], q.speaker, q.speaker_spans)
        for q in quotes
        if q.speaker and q.speaker_spans and not is_pronoun(q.speaker)
    )
    result = []
    for quote in quotes:
        if quote.pronoun and quote.speaker_spans:
            before = [(name, spans) for start, name, spans in named if start < quote.speaker_spans[0][0]]
            if before:
                quote = replace(quote, referent=before[-1][0], referent_spans=before[-1][1])
        result.append(quote)
    return tuple(result)


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Our quotes of one article, extracted as the pipeline does (the headline as context)."""
    return extract(article.text, published=article.published, context=article.headline).quotes


def score_quotes(
    articles: Iterable[Article], extractor: Callable[[Article], tuple[Quote, ...]] = extract_quotes
) -> QuoteScores:
    """Recall, precision and speaker accuracy of `extractor` on the annotated articles."""
    scores = QuoteScores()
    for article in articles:
        _score_article(article, extractor(article), scores)
    return scores


def _length(spans: Iterable[tuple[int, int]]) -> int:
    return sum(end - start for start, end in spans)


def _overlap(start: int, end: int, spans: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in spans)


def _matches(ours: Quote, gold: GoldQuote) -> bool:
    shorter = min(ours.end - ours.start, _length(gold.spans))
    return shorter > 0 and _overlap(ours.start, ours.end, gold.spans) * 2 >= shorter


def _score_article(article: Article, found: tuple[Quote, ...], scores: QuoteScores) -> None:
    ours = [q for q in found if q.kind in OUR_GROUP]
    for quote in ours:
        group = OUR_GROUP[quote.kind]
        right = any(g.group == group and _matches(quote, g) for g in article.quotes)
        if group == "direct" and not right:
            length = quote.end - quote.start
            right = any(_overlap(quote.start, quote.end, g.spans) * 2 >= length for g in article.quotes)
        scores.tally(f"{group}_precision", right, f"{article.doc_id[:40]}: {quote.kind} {quote.text[:80]!r}")
    for gold in article.quotes:
        group = gold.group
        candidates = [q for q in ours if OUR_GROUP[q.kind] == group and _matches(q, gold)]
        what = f"{article.doc_id[:40]}: {gold.type} {gold.text[:80]!r}"
        scores.tally(f"{group}_recall", bool(candidates), what)
        if group == "indirect":
            scores.tally(f"recall_{gold.type}", bool(candidates), what)
        if not candidates:
            continue
        best = max(candidates, key=lambda q: _overlap(q.start, q.end, gold.spans))
        readings = [g for g in (gold, *gold.others) if g.speaker is not None]
        if not readings:
            scores.tally("no_speaker_left_null", best.speaker_text is None, f"{what} by {_said(best)}")
            continue
        readings = [g for g in readings if not (g.pronoun and g.referent is None)]
        if not readings:
            continue
        right = any(speaker_right(best, g, article.text) for g in readings)
        pronoun = all(g.pronoun for g in readings)
        said = f"{what}: annotated " + " or ".join(
            repr(g.speaker) + (f" (= {g.referent!r})" if g.pronoun else "") for g in readings
        )
        said += f", ours {_said(best)}"
        if group == "direct":
            scores.tally("speaker_direct_pronoun" if pronoun else "speaker_direct_named", right, said)
        else:
            scores.tally("speaker_indirect", right, said)
            if not pronoun:
                scores.tally("speaker_indirect_named", right, said)


def _said(quote: Quote) -> str:
    if quote.speaker_text is None and quote.speaker is None:
        return "nobody"
    return f"{quote.speaker_text!r} → {quote.speaker!r} ({quote.speaker_kind})"


def speaker_right(ours: Quote, gold: GoldQuote, text: str) -> bool:
    """Is our speaker the annotated one, by the rules in the module docstring?"""
    if gold.pronoun:
        if gold.referent is None:
            return False
        named = replace(gold, speaker=gold.referent, speaker_spans=gold.referent_spans, referent=None)
        return speaker_right(ours, named, text)
    assert gold.speaker is not None
    if (
        ours.speaker_start is not None
        and ours.speaker_end is not None
        and _overlap(ours.speaker_start, ours.speaker_end, gold.speaker_spans)
    ):
        return True
    if ours.speaker is not None and names_match(ours, gold.speaker):
        return True
    head = _head(ours.speaker_text or "")
    if is_pronoun(ours.speaker_text or "") and ours.speaker_role:
        head = _base(ours.speaker_role.casefold())  # "er" read as "der Bundespräsident"
    return head is not None and head == _head(gold.speaker)


def names_match(ours: Quote, phrase: str) -> bool:
    """Is our speaker's canonical name in the phrase: a person's last name, all of an
    organisation's words (genitive -s ignored)?"""
    assert ours.speaker is not None
    words = {_base(w) for w in _WORD.findall(phrase.casefold())}
    name = [_base(w) for w in _WORD.findall(ours.speaker.casefold())]
    if not name:
        return False
    if ours.speaker_type == "PER":
        return name[-1] in words
    return all(w in words for w in name)


def _base(word: str) -> str:
    return without_genitive(word) or word


def _head(phrase: str) -> str | None:
    for word in _WORD.findall(phrase):
        lower = word.lower()
        if word[0].isupper() and lower not in _DETERMINERS | _PRONOUNS | _POSSESSIVES:
            return _base(word.casefold())
    return None


def report_rows(scores: QuoteScores) -> list[tuple[str, int, int, str, str]]:
    """(measure, right, counted, score, meaning) in the order of MEASURES."""
    rows = []
    for key, meaning in MEASURES.items():
        if key in scores.counts:
            right, counted = scores.counts[key]
            rows.append((key, right, counted, f"{right / counted:.3f}" if counted else "-", meaning))
    return rows
