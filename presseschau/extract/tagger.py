"""Third pass of entity reading: a CRF that reads the rules' mentions in context and corrects them.

The rules (`reader`, `entities`) know the word lists and the document; they miss unlisted names
that no cue types ("Kyocera", "Middelhoff") and they misjudge what a list word means in a given
sentence. A linear-chain CRF (CRFsuite) labels each token B-/I-PER, -LOC, -ORG or O from the
rules' own label, the word, its shape and Brown cluster (`clusters`), what the word lists say,
and the same for its neighbours. It is trained by `scripts/train_entity_tagger.py` on GermEval
2014 (CC-BY 4.0); the model is a few MB and loads once per process.

Features of a word are computed once per word type (cached), so a token costs a few list joins.
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pycrfsuite

from presseschau.extract.clusters import cluster_kinds, word_cluster
from presseschau.extract.gazetteer import word_info
from presseschau.extract.lexicon import DATA_DIR
from presseschau.extract.text import Tokens
from presseschau.models import Mention, Sentence

MODEL_PATH = DATA_DIR / "extract_entity_tagger.crfsuite"
LABELLED = ("PER", "LOC", "ORG")
# A rule mention the model labels otherwise stays when the model gives each of its tokens at least
# this probability of the rule's label (chosen on the tune half of GermEval, checked on the other).
KEEP_RULE_MARGINAL = 0.2
# Cues the model cannot overrule by leaving a name out, only by reading it otherwise: names from
# the curated lists, legal forms, institutions named after a person, organisation head words
# ("Stiftung Warentest", "Hamburger Sparkasse"). Neutral on GermEval, they keep what the lists know.
TRUSTED_CUES = frozenset(
    {"gazetteer phrase", "company form", "named institution", "org head + name", "modifier + org head"}
)
_PERSON_CUES = frozenset({"first name", "surname"})
# Prefixes of a cluster's bit path: shorter ones group related clusters (all name clusters).
_CLUSTER_PREFIXES = (4, 6, 8, 10)
_FLAGS = (
    "ambiguous",
    "noun",
    "compound_noun",
    "function",
    "org_head",
    "descriptor",
    "acronym",
    "english",
    "surname",
    "plain",
    "place_prefix",
)


def tag(
    body: str,
    tokens: Tokens,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    cues: Mapping[tuple[int, int], str],
    model: Path = MODEL_PATH,
) -> list[tuple[int, int, str]]:
    """(start, end, type) of the names the model finds, sentence by sentence; `cues` holds the
    cue of each rule mention's span."""
    tagger = _tagger(model)
    rule = rule_labels(tokens, mentions, cues)
    ruled = _token_ranges(tokens, mentions, cues)
    ruled_firsts = [r.first for r in ruled]
    found: list[tuple[int, int, str]] = []
    for first, last in sentence_tokens(tokens, sentences):
        for begin, stop in windows(tokens, rule, first, last):
            labels = tagger.tag(features(body, tokens, rule, (first, last), begin, stop))
            inside = ruled[bisect.bisect_left(ruled_firsts, begin) : bisect.bisect_left(ruled_firsts, stop)]
            found.extend(_settle(tagger, body, tokens, begin, _label_ranges(labels, begin), inside))
    return found


def windows(tokens: Tokens, rule: list[RuleLabel], first: int, last: int) -> list[tuple[int, int]]:
    """The token ranges of a sentence worth tagging: each token the rules name or that is a
    capitalised word other than a plain noun, with one token either side. The rest of a sentence
    (lower-case words, common nouns) is no name, and tagging it would cost most of the time."""
    found: list[tuple[int, int]] = []
    text = tokens.text
    for index in range(first, last):
        word = text[index]
        if rule[index].label == "O" and not (word[0].isupper() and not word_info(word).plain):
            continue
        begin, stop = max(first, index - 1), min(last, index + 2)
        if found and begin <= found[-1][1]:
            found[-1] = (found[-1][0], stop)
        else:
            found.append((begin, stop))
    return found


@dataclass(frozen=True, slots=True)
class RuleLabel:
    """What the rules say about one token: a BIO label ("B-PER"), or "P-ORG" for a name inside the
    word ("NATO" in "NATO-Verbündete"), and the cue that found the name."""

    label: str = "O"
    cue: str = ""


@dataclass(frozen=True, slots=True)
class _Ruled:
    """A rule mention that spans whole tokens [first, last)."""

    first: int
    last: int
    kind: str
    start: int
    end: int
    cue: str


def _settle(
    tagger: pycrfsuite.Tagger,
    body: str,
    tokens: Tokens,
    offset: int,
    tagged: list[tuple[int, int, str]],
    ruled: list[_Ruled],
) -> list[tuple[int, int, str]]:
    """The model's names in one window, with the rules' character span where the rules cover
    the same tokens ("Ludwig XIV.", "Google Inc." keep their period), and the rules' mentions the
    model labels otherwise where no name of the model's overlaps them and either their cue is a
    strong one or the model still finds them likely enough on each token (a listed name in a
    context the training data lacks: "dem Nahen Osten")."""
    found = []
    for first, last, kind in tagged:
        same = next((r for r in ruled if (r.first, r.last) == (first, last)), None)
        if same is None:
            # A name of a strong cue keeps its bounds where the model reads it of the same type
            # ("1. FC Nürnberg" keeps its number).
            overlapping = [r for r in ruled if r.first < last and first < r.last]
            if len(overlapping) == 1 and overlapping[0].cue in TRUSTED_CUES and overlapping[0].kind == kind:
                same = overlapping[0]
        if same is None:
            found.append(_span(body, tokens, first, last, kind))
        else:
            # A first name and a surname make a person whatever the model reads ("Baschar al-Assad"),
            # and so does the surname of a person the document names in full, which it cannot see.
            found.append((same.start, same.end, same.kind if same.cue in _PERSON_CUES else kind))
    for mention in ruled:
        if any(mention.first < stop and begin < mention.last for begin, stop, _ in tagged):
            continue
        if (
            mention.cue in TRUSTED_CUES
            or min(
                tagger.marginal(("B-" if k == mention.first else "I-") + mention.kind, k - offset)
                for k in range(mention.first, mention.last)
            )
            >= KEEP_RULE_MARGINAL
        ):
            found.append((mention.start, mention.end, mention.kind))
    return found


def _token_ranges(
    tokens: Tokens, mentions: Sequence[Mention], cues: Mapping[tuple[int, int], str]
) -> list[_Ruled]:
    """The token range of each rule mention that spans whole words."""
    ranges = []
    for mention in mentions:
        first = bisect.bisect_left(tokens.start, mention.start)
        last = bisect.bisect_left(tokens.start, mention.end, lo=first)
        if mention.type in LABELLED and last > first and tokens.end[last - 1] <= mention.end:
            cue = cues.get((mention.start, mention.end), "")
            ranges.append(_Ruled(first, last, mention.type, mention.start, mention.end, cue))
    return ranges


def _label_ranges(labels: Sequence[str], offset: int) -> list[tuple[int, int, str]]:
    """Token ranges [first, last) of the labelled names."""
    found = []
    begin: int | None = None
    kind = ""
    for position, label in enumerate([*labels, "O"]):
        if begin is not None and (label == "O" or label.startswith("B-") or label[2:] != kind):
            found.append((offset + begin, offset + position, kind))
            begin = None
        if label != "O" and begin is None:
            begin, kind = position, label[2:]
    return found


@cache
def _tagger(model: Path) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return tagger


def sentence_tokens(tokens: Tokens, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Token index ranges [first, last) of the sentences that hold tokens."""
    ranges = []
    for sentence in sentences:
        first = bisect.bisect_left(tokens.start, sentence.start)
        last = bisect.bisect_left(tokens.start, sentence.end, lo=first)
        if last > first:
            ranges.append((first, last))
    return ranges


def rule_labels(
    tokens: Tokens, mentions: Sequence[Mention], cues: Mapping[tuple[int, int], str]
) -> list[RuleLabel]:
    """The rules' mentions as one label per token."""
    labels = [RuleLabel()] * len(tokens.text)
    for mention in mentions:
        if mention.type not in LABELLED:
            continue
        cue = cues.get((mention.start, mention.end), "")
        index = bisect.bisect_right(tokens.start, mention.start) - 1
        if index >= 0 and (tokens.start[index] != mention.start or tokens.end[index] > mention.end):
            labels[index] = RuleLabel("P-" + mention.type, cue)
            continue
        prefix = "B-"
        while 0 <= index < len(labels) and tokens.start[index] < mention.end:
            labels[index] = RuleLabel(prefix + mention.type, cue)
            prefix = "I-"
            index += 1
    return labels


def features(
    body: str, tokens: Tokens, rule: list[RuleLabel], sentence: tuple[int, int], begin: int, stop: int
) -> list[list[str]]:
    """One feature list per token of tokens[begin:stop], a window of the `sentence` (first, last)."""
    text, (first, last) = tokens.text, sentence
    items = []
    for index in range(begin, stop):
        item = [*_word_features(text[index]), *_rule_features(rule[index].label, rule[index].cue)]
        if tokens.initial[index]:
            item.append("ini")
        for offset in (-1, 1):
            other = index + offset
            if not first <= other < last:
                item.append(_edge_feature(offset))
                continue
            item.extend(_neighbour_features(text[other], offset))
            item.append(_neighbour_rule_feature(rule[other].label, offset))
            left, right = min(index, other), max(index, other)
            item.append(_gap_feature(body[tokens.end[left] : tokens.start[right]], offset))
        for offset in (-2, 2):
            other = index + offset
            inside = first <= other < last
            item.append(_neighbour_word(text[other], offset) if inside else _edge_feature(offset))
        items.append(item)
    return items


# The feature strings below are few and repeat on every token: built once each.
@lru_cache(maxsize=1_000)
def _rule_features(label: str, cue: str) -> tuple[str, ...]:
    return ("r=" + label, "rc=" + cue) if cue else ("r=" + label,)


@lru_cache(maxsize=100)
def _neighbour_rule_feature(label: str, offset: int) -> str:
    return f"{offset}r={label}"


@lru_cache(maxsize=10)
def _edge_feature(offset: int) -> str:
    return f"{offset}w=" + ("BOS" if offset < 0 else "EOS")


@lru_cache(maxsize=1_000)
def _gap_feature(gap: str, offset: int) -> str:
    """The marks between two words without the spaces ("„", ",", "("), so that GermEval's
    space-separated tokens and news text's „Quoted Name“ read alike."""
    marks = gap.strip()
    return f"{offset}g=" + (marks if len(marks) < 3 else "long")


# Per word type caches: big enough for the words of a long run of news, small enough that a worker
# never holds more than a few tens of MB for them (feature strings repeat and are interned).
@lru_cache(maxsize=100_000)
def _word_features(word: str) -> tuple[str, ...]:
    lower = word.lower()
    found = ["w=" + lower, "s3=" + lower[-3:], "sh=" + _shape(word)]
    cluster = _cluster(word)
    found.append(f"c={cluster}")
    if cluster > 0:
        path = bin(cluster)[:1:-1]
        found.extend(f"c{length}={path[:length]}" for length in _CLUSTER_PREFIXES)
        if kind := cluster_kinds().get(cluster):
            found.append("cp=" + kind)
    if word[0].isupper():
        info = word_info(word)
        found.extend("i_" + flag for flag in _FLAGS if getattr(info, flag))
        if info.known:
            found.append("known=" + info.known[1])
        if info.first_name:
            found.append("fn")
        if info.role:
            found.append("role")
        if info.ending:
            found.append("end=" + info.ending)
    return tuple(map(sys.intern, found))


@lru_cache(maxsize=100_000)
def _neighbour_features(word: str, offset: int) -> tuple[str, ...]:
    cluster = _cluster(word)
    found = [f"{offset}w={word.lower()}", f"{offset}sh={_shape(word)}", f"{offset}c={cluster}"]
    if cluster > 0:
        found.append(f"{offset}c6={bin(cluster)[:1:-1][:6]}")
    known = word_info(word).known if word[0].isupper() else None
    if known:
        found.append(f"{offset}known={known[1]}")
    return tuple(map(sys.intern, found))


@lru_cache(maxsize=100_000)
def _neighbour_word(word: str, offset: int) -> str:
    return f"{offset}w={word.lower()}"


def _cluster(word: str) -> int:
    """The word's cluster; a capitalised word the table lacks takes its lower-case form's
    ("Die" at a sentence start is "die")."""
    cluster = word_cluster(word)
    return word_cluster(word.lower()) if cluster < 0 and word[0].isupper() else cluster


def _shape(word: str) -> str:
    """Letter classes with repeats collapsed, at most six: "Merkel" → "Xx", "G20" → "Xd"."""
    shape: list[str] = []
    for ch in word:
        kind = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not shape or shape[-1] != kind:
            shape.append(kind)
    return "".join(shape[:6])


def _span(body: str, tokens: Tokens, first: int, last: int, kind: str) -> tuple[int, int, str]:
    """The character span of tokens [first, last); an initial's period belongs to the name."""
    end = tokens.end[last - 1]
    word = tokens.text[last - 1]
    if len(word) == 1 and word.isupper() and body[end : end + 1] == ".":
        end += 1
    return tokens.start[first], end, kind
