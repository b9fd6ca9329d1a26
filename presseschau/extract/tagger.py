"""Third pass of entity reading: a CRF that reads the rules' mentions in context and corrects them.

The rules (`reader`, `entities`) know the word lists and the document; they miss unlisted names
that no cue types ("Kyocera", "Middelhoff") and they misjudge what a list word means in a given
sentence. A linear-chain CRF (CRFsuite) labels each token B-/I-PER, -LOC, -ORG or O from the
rules' own label, the word, its shape and Brown cluster (`clusters`), what the word lists say,
and the same for its neighbours. It is trained by `scripts/train_entity_tagger.py` on GermEval
2014 (CC-BY 4.0); the model is a few MB and loads once per process.

CRFsuite trains on feature strings (`features`); tagging does not go through it. The features
come in groups that depend on one word type, rule label or gap each, so their weights are summed
once per group and cached (`_Scorer`), and a document's windows are scored and decoded together
as arrays (`crf`): a tenth of the cost of a CRFsuite call per window, for the same labels.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

import numpy as np

from presseschau.extract.clusters import cluster_kinds, word_cluster
from presseschau.extract.crf import Bools, CrfModel, Floats, Ints, marginals, read_model, viterbi
from presseschau.extract.gazetteer import word_info
from presseschau.extract.lexicon import DATA_DIR
from presseschau.extract.text import Tokens
from presseschau.models import Mention, Sentence

MODEL_PATH = DATA_DIR / "extract_entity_tagger.crfsuite"
LABELLED = ("PER", "LOC", "ORG")
_LABELLED = frozenset(LABELLED)
# A rule mention the model labels otherwise stays when the model gives each of its tokens at least
# this probability of the rule's label (chosen on the tune half of GermEval, checked on the other).
KEEP_RULE_MARGINAL = 0.2
# Cues the model cannot overrule by leaving a name out, only by reading it otherwise: names from
# the curated lists, legal forms, institutions named after a person, organisation head words
# ("Stiftung Warentest", "Hamburger Sparkasse"), acronyms the text defines ("… (DVAG)"). Neutral
# on GermEval, they keep what the lists and the text say.
TRUSTED_CUES = frozenset(
    {
        "gazetteer phrase",
        "company form",
        "named institution",
        "org head + name",
        "modifier + org head",
        "acronym definition",
    }
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
# Caches: the word types a worker has met (a long run of news meets a few hundred thousand; a type
# costs ~100 bytes), the summed weights of those a window needed (280 bytes each), of rule labels
# with their cues and of the marks between words. Each starts afresh when full.
_VOCABULARY = 100_000
_WORD_TYPES = 50_000
_RULE_KEYS = 5_000
_GAP_KEYS = 5_000
_Key = TypeVar("_Key", bound=Hashable)


def tag(
    body: str,
    tokens: Tokens,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    cues: Mapping[tuple[int, int], str],
    model: Path = MODEL_PATH,
) -> list[tuple[int, int, str]]:
    """(start, end, type) of the names the model finds, window by window; `cues` holds the cue
    of each rule mention's span."""
    rule, ruled = read_rules(tokens, mentions, cues)
    scorer = _scorer(model)
    types = scorer.vocabulary.numbers(tokens.text)
    layout = _Layout.of(rule, sentence_tokens(tokens, sentences), scorer.vocabulary.seeds[types])
    if layout is None:
        return []
    scores = scorer.emissions(tokens, rule, types, layout)
    labels = scorer.decode(scores, layout)
    return _settle(scorer, body, tokens, layout, scores, labels, ruled)


class Window(NamedTuple):
    """Tokens [begin, stop) worth tagging in the sentence of tokens [first, last)."""

    first: int
    last: int
    begin: int
    stop: int


class RuleLabel(NamedTuple):
    """What the rules say about one token: a BIO label ("B-PER"), or "P-ORG" for a name inside the
    word ("NATO" in "NATO-Verbündete"), and the cue that found the name."""

    label: str = "O"
    cue: str = ""


_OUTSIDE = RuleLabel()


class _Ruled(NamedTuple):
    """A rule mention that spans whole tokens [first, last)."""

    first: int
    last: int
    kind: str
    start: int
    end: int
    cue: str


def read_rules(
    tokens: Tokens, mentions: Sequence[Mention], cues: Mapping[tuple[int, int], str]
) -> tuple[dict[int, RuleLabel], list[_Ruled]]:
    """The rules' mentions as a label per token they cover (the others are outside names), and
    the token range of each mention that spans whole words."""
    labels: dict[int, RuleLabel] = {}
    ranges: list[_Ruled] = []
    starts, ends = tokens.start, tokens.end
    count = len(starts)
    for mention in mentions:
        kind, start, end = mention.type, mention.start, mention.end
        if kind not in _LABELLED:
            continue
        cue = cues.get((start, end), "")
        index = bisect.bisect_right(starts, start) - 1
        first = index if index >= 0 and starts[index] == start else index + 1
        last = bisect.bisect_left(starts, end, lo=first)
        if last > first and ends[last - 1] <= end:
            ranges.append(_Ruled(first, last, kind, start, end, cue))
        if index < 0:
            continue
        begin, inside, part = _rule_labels(kind, cue)
        if first != index or ends[index] > end:
            labels[index] = part
            continue
        labels[index] = begin
        index += 1
        while index < count and starts[index] < end:
            labels[index] = inside
            index += 1
    return labels, ranges


@cache
def _rule_labels(kind: str, cue: str) -> tuple[RuleLabel, RuleLabel, RuleLabel]:
    """The labels of a rule mention's first token, of the others, and of a name inside a word."""
    return RuleLabel("B-" + kind, cue), RuleLabel("I-" + kind, cue), RuleLabel("P-" + kind, cue)


def windows(
    tokens: Tokens, rule: Mapping[int, RuleLabel], sentences: Sequence[tuple[int, int]]
) -> list[Window]:
    """The token ranges worth tagging, in order (see `_Layout`)."""
    seeds = np.zeros(len(tokens.text), dtype=bool)
    seeds[[index for index in tokens.capitalised if _opens_window(tokens.text[index])]] = True
    layout = _Layout.of(rule, sentences, seeds)
    return [] if layout is None else layout.windows()


def _opens_window(word: str) -> bool:
    """A capitalised word other than a plain noun (the reader's words that may name something)."""
    info = word_info(word)
    return word[0].isupper() and not (info.plain or info.function or info.role)


@dataclass(frozen=True)
class _Layout:
    """The windows of a document laid end to end: each token the rules name or that opens a
    window (`_opens_window`), with one token either side in its sentence, and the runs these
    make. The rest of a sentence (lower-case words, common nouns) is no name, and tagging it
    would cost most of the time. Position p of the layout is token `positions[p]`."""

    positions: Ints
    offsets: Ints
    """First position of each window."""
    lengths: Ints
    firsts: Ints
    """First token of each window's sentence."""
    lasts: Ints
    joined: Bools
    """joined[k + 1]: tokens k and k + 1 are in one sentence (False beyond the ends)."""

    @classmethod
    def of(
        cls, rule: Mapping[int, RuleLabel], sentences: Sequence[tuple[int, int]], seeds: Bools
    ) -> _Layout | None:
        count = len(seeds)
        if not sentences or not count:
            return None
        sentence = np.full(count, -1, dtype=np.intp)
        for number, (first, last) in enumerate(sentences):
            sentence[first:last] = number
        seeds = seeds.copy()
        if rule:
            seeds[list(rule)] = True
        seeds &= sentence >= 0
        joined = np.zeros(count + 2, dtype=bool)
        joined[1:count] = (sentence[1:] == sentence[:-1]) & (sentence[1:] >= 0)
        marked = seeds.copy()
        marked[1:] |= seeds[:-1] & joined[1:count]
        marked[:-1] |= seeds[1:] & joined[1:count]
        positions = np.flatnonzero(marked)
        if not len(positions):
            return None
        opens = np.ones(len(positions), dtype=bool)
        opens[1:] = (positions[1:] != positions[:-1] + 1) | ~joined[positions[1:]]
        offsets = np.flatnonzero(opens)
        lengths = np.diff(np.append(offsets, len(positions)))
        bounds = np.array(sentences)[sentence[positions[offsets]]]
        return cls(positions, offsets, lengths, bounds[:, 0], bounds[:, 1], joined)

    def windows(self) -> list[Window]:
        begins = self.positions[self.offsets]
        return [
            Window(*numbers)
            for numbers in zip(
                self.firsts.tolist(),
                self.lasts.tolist(),
                begins.tolist(),
                (begins + self.lengths).tolist(),
                strict=True,
            )
        ]

    def window_of(self, positions: Ints) -> Ints:
        return np.searchsorted(self.offsets, positions, side="right") - 1


def _settle(
    scorer: _Scorer,
    body: str,
    tokens: Tokens,
    layout: _Layout,
    scores: Floats,
    labels: Ints,
    ruled: list[_Ruled],
) -> list[tuple[int, int, str]]:
    """The model's names, with the rules' character span where the rules cover the same tokens
    ("Ludwig XIV.", "Google Inc." keep their period), and the rules' mentions the model labels
    otherwise where no name of the model's in their window overlaps them and either their cue is
    a strong one or the model still finds them likely enough on each token (a listed name in a
    context the training data lacks: "dem Nahen Osten")."""
    names = scorer.names(labels, layout)
    # The window of each rule mention: the one that holds its first token.
    begins = layout.positions[layout.offsets]
    firsts = np.array([mention.first for mention in ruled], dtype=np.intp)
    window_of = np.searchsorted(begins, firsts, side="right") - 1
    stops = (begins + layout.lengths)[window_of]
    inside = (window_of >= 0) & (firsts < stops)
    by_range = {
        (r.first, r.last): (r, w)
        for r, w, kept in zip(ruled, window_of.tolist(), inside.tolist(), strict=True)
        if kept
    }
    in_window: dict[int, list[_Ruled]] = {}
    for r, w in by_range.values():
        in_window.setdefault(w, []).append(r)
    found = []
    for number, first, last, kind in names:
        same = by_range.get((first, last))
        mention = same[0] if same is not None else None
        if mention is None:
            # A name of a strong cue keeps its bounds where the model reads it of the same type
            # ("1. FC Nürnberg" keeps its number).
            overlapping = [r for r in in_window.get(number, ()) if r.first < last and first < r.last]
            if len(overlapping) == 1 and overlapping[0].cue in TRUSTED_CUES and overlapping[0].kind == kind:
                mention = overlapping[0]
        if mention is None:
            found.append(_span(body, tokens, first, last, kind))
        else:
            # A first name and a surname make a person whatever the model reads ("Baschar al-Assad"),
            # and so does the surname of a person the document names in full, which it cannot see.
            found.append((mention.start, mention.end, mention.kind if mention.cue in _PERSON_CUES else kind))
    # Rule mentions no name of the model's overlaps (within their window) stay if their cue is
    # trusted or the model finds them likely enough.
    named = np.zeros(len(tokens.text) + 1, dtype=np.intp)
    named[layout.positions[labels != scorer.outside]] = 1
    covered = np.concatenate([[0], np.cumsum(named)])
    lasts = np.array([mention.last for mention in ruled], dtype=np.intp)
    free = np.flatnonzero(inside & (covered[np.minimum(lasts, stops)] == covered[firsts])).tolist()
    doubtful = [index for index in free if not _trusted(ruled[index])]
    chances: dict[int, Floats] = {}
    if doubtful:
        numbers = sorted({int(window_of[index]) for index in doubtful})
        chances = dict(zip(numbers, scorer.marginals(scores, layout, numbers), strict=True))
    for index in free:
        mention = ruled[index]
        if not _trusted(mention):
            window = chances[int(window_of[index])]
            begin, inner = scorer.label_index["B-" + mention.kind], scorer.label_index["I-" + mention.kind]
            offset = mention.first - int(begins[window_of[index]])
            column = window[offset : offset + mention.last - mention.first, inner]
            if min([window[offset, begin], *column[1:]]) < KEEP_RULE_MARGINAL:
                continue
        found.append((mention.start, mention.end, mention.kind))
    return found


def _trusted(mention: _Ruled) -> bool:
    """Does the rule mention stay where the model leaves it out? Strong cues, and the curated
    list's organisations ("Hamas" opening a sentence, where most capitalised words are none)."""
    return mention.cue in TRUSTED_CUES or (mention.cue == "gazetteer" and mention.kind == "ORG")


class _Vocabulary(dict[str, int]):
    """Word → type number, for every word a worker meets; per type whether it opens a window, and
    the row of its summed weights in the scorer's word table once a window needs it. Starts
    afresh when it holds `limit` words (a long run of news meets new words without end)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.seeds = np.zeros(1024, dtype=bool)
        self.rows = np.full(1024, -1, dtype=np.intp)

    def __missing__(self, word: str) -> int:
        number = len(self)
        if number == len(self.seeds):
            self.seeds = np.concatenate([self.seeds, np.zeros_like(self.seeds)])
            self.rows = np.concatenate([self.rows, np.full_like(self.rows, -1)])
        self.seeds[number] = _opens_window(word)
        self[word] = number
        return number

    def numbers(self, text: list[str]) -> Ints:
        if len(self) + len(text) > self.limit:
            self.clear()
            self.rows[:] = -1
        return np.fromiter(map(self.__getitem__, text), dtype=np.intp, count=len(text))


class _Scorer:
    """The model's weights summed per group of features that repeat: all features of a word
    type (as the token, and as its neighbour one and two to the left and right), of a rule label
    with its cue (as the token's and as a neighbour's), of the marks between two words. A token's
    emission scores are then the sum of a dozen cached rows, for all tokens of a document at once."""

    def __init__(self, model: CrfModel) -> None:
        self.model = model
        self.label_index = {label: number for number, label in enumerate(model.labels)}
        self.outside = self.label_index["O"]
        self.kind_ids = np.array(
            [LABELLED.index(label[2:]) if label != "O" else -1 for label in model.labels]
        )
        self.begins = np.array([label.startswith("B-") for label in model.labels])
        self.vocabulary = _Vocabulary(_VOCABULARY)
        # Reserved rows: 0 stands for a neighbour beyond the sentence's edge in every table, and
        # rule row 1 for a token the rules leave outside names.
        labels = len(model.labels)
        edge = np.stack([np.zeros(labels), *(model.score([_edge_feature(o)]) for o in (-1, 1, -2, 2))])
        self.words: _Rows[str] = _Rows(edge[None], _WORD_TYPES)
        self.rules: _Rows[RuleLabel] = _Rows(
            np.stack([np.zeros((3, labels)), self._rule_rows(_OUTSIDE)]), _RULE_KEYS
        )
        self.gaps: _Rows[str] = _Rows(np.zeros((1, 2, labels)), _GAP_KEYS)
        self.initial = model.score([_INITIAL])

    def _word_rows(self, word: str) -> Floats:
        lower = word.lower()
        return np.stack(
            [
                self.model.score(_word_features(word)),
                self.model.score(_neighbour_features(word, -1)),
                self.model.score(_neighbour_features(word, 1)),
                self.model.score([_neighbour_word(lower, -2)]),
                self.model.score([_neighbour_word(lower, 2)]),
            ]
        )

    def _rule_rows(self, label: RuleLabel) -> Floats:
        return np.stack(
            [
                self.model.score(_rule_features(label.label, label.cue)),
                self.model.score([_neighbour_rule_feature(label.label, -1)]),
                self.model.score([_neighbour_rule_feature(label.label, 1)]),
            ]
        )

    def _gap_rows(self, gap: str) -> Floats:
        return np.stack([self.model.score([_gap_feature(gap, offset)]) for offset in (-1, 1)])

    def emissions(
        self, tokens: Tokens, rule: Mapping[int, RuleLabel], types: Ints, layout: _Layout
    ) -> Floats:
        """The score of each label at each position (positions, labels)."""
        count, positions, joined = len(types), layout.positions, layout.joined
        left, right = joined[positions], joined[positions + 1]
        far_left, far_right = left & joined[positions - 1], right & joined[positions + 2]
        words = self._word_table_rows(tokens.text, types, positions, left, right, far_left, far_right)
        rules = np.ones(count + 2, dtype=np.intp)
        if rule:
            rules[list(rule)] = self.rules.rows(list(rule.values()), self._rule_rows)
        between = np.zeros(count + 1, dtype=bool)
        between[positions[left] - 1] = True
        between[positions[right]] = True
        pairs = np.flatnonzero(between).tolist()
        gaps = np.zeros(count + 1, dtype=np.intp)
        gaps[pairs] = self.gaps.rows([tokens.gaps[k + 1] for k in pairs], self._gap_rows)
        before, after = positions - 1, positions + 1
        word_rows, rule_rows, gap_rows = self.words.table, self.rules.table, self.gaps.table
        scores = word_rows[words[positions], 0] + rule_rows[rules[positions], 0]
        scores += (
            word_rows[np.where(left, words[before], 0), 1] + word_rows[np.where(right, words[after], 0), 2]
        )
        scores += word_rows[np.where(far_left, words[positions - 2], 0), 3]
        scores += word_rows[np.where(far_right, words[positions + 2], 0), 4]
        scores += (
            rule_rows[np.where(left, rules[before], 0), 1] + rule_rows[np.where(right, rules[after], 0), 2]
        )
        scores += (
            gap_rows[np.where(left, gaps[before], 0), 0] + gap_rows[np.where(right, gaps[positions], 0), 1]
        )
        initial = [index for index in tokens.capitalised if tokens.initial[index]]
        if initial:
            marks = np.zeros(count, dtype=bool)
            marks[initial] = True
            scores[marks[positions]] += self.initial
        return scores

    def _word_table_rows(self, text: list[str], types: Ints, positions: Ints, *sides: Bools) -> Ints:
        """Each token's row in the word table (count + 2 entries; 0 where no window needs it)
        after computing the rows of the word types met for the first time."""
        left, right, far_left, far_right = sides
        near = np.zeros(len(types) + 2, dtype=bool)
        near[positions] = True
        near[positions[left] - 1] = True
        near[positions[right] + 1] = True
        near[positions[far_left] - 2] = True
        near[positions[far_right] + 2] = True
        needed = np.flatnonzero(near[: len(types)])
        vocabulary = self.vocabulary
        rows = vocabulary.rows[types[needed]]
        missing = needed[rows < 0]
        if len(missing):
            if len(self.words.index) + len(missing) > self.words.limit:
                vocabulary.rows[:] = -1
                missing = needed
            fresh = {int(types[index]): text[index] for index in missing.tolist()}
            vocabulary.rows[list(fresh)] = self.words.rows(list(fresh.values()), self._word_rows)
        words = np.zeros(len(types) + 2, dtype=np.intp)
        words[needed] = vocabulary.rows[types[needed]]
        return words

    def decode(self, scores: Floats, layout: _Layout) -> Ints:
        """The best label of each position, each window read as one sequence."""
        order, index, valid = _padded(layout.offsets, layout.lengths)
        path = viterbi(scores[index], layout.lengths[order], self.model.transition)
        labels = np.empty(len(scores), dtype=np.intp)
        labels[index[valid]] = path[valid]
        return labels

    def marginals(self, scores: Floats, layout: _Layout, numbers: list[int]) -> list[Floats]:
        """The label probabilities of each position of the windows `numbers` (positions, labels)."""
        lengths = layout.lengths[numbers]
        order, index, _ = _padded(layout.offsets[numbers], lengths)
        chances = marginals(scores[index], lengths[order], self.model.transition)
        found: list[Floats] = [chances[0]] * len(numbers)
        for row, number in enumerate(order.tolist()):
            found[number] = chances[row, : lengths[number]]
        return found

    def names(self, labels: Ints, layout: _Layout) -> list[tuple[int, int, int, str]]:
        """The names the labels mark: window number, token range [first, last) and type. A name
        opens at a B- label or at a change of type, and ends before an O."""
        named = np.flatnonzero(labels != self.outside)
        if not len(named):
            return []
        named_labels = labels[named]
        window_of = layout.window_of(named)
        kinds = self.kind_ids[named_labels]
        opens = np.ones(len(named), dtype=bool)
        opens[1:] = (
            (named[1:] != named[:-1] + 1)
            | (window_of[1:] != window_of[:-1])
            | self.begins[named_labels[1:]]
            | (kinds[1:] != kinds[:-1])
        )
        heads = np.flatnonzero(opens)
        tails = np.append(heads[1:], len(named)) - 1
        tokens = layout.positions[named]
        return [
            (number, first, last + 1, LABELLED[kind])
            for number, first, last, kind in zip(
                window_of[heads].tolist(),
                tokens[heads].tolist(),
                tokens[tails].tolist(),
                kinds[heads].tolist(),
                strict=True,
            )
        ]


def _padded(offsets: Ints, lengths: Ints) -> tuple[Ints, Ints, Bools]:
    """Windows (first position, length) as rows of a padded array, longest first: their order,
    the position at each (row, step) (the last one repeated), and which steps are real."""
    order = np.argsort(-lengths, kind="stable")
    lengths = lengths[order]
    steps = np.arange(int(lengths[0]))
    index = offsets[order][:, None] + np.minimum(steps, lengths[:, None] - 1)
    return order, index, steps < lengths[:, None]


class _Rows(Generic[_Key]):
    """Key → row of a table of cached score rows, computed on first sight; the table grows by
    doubling and starts again from its reserved rows when it holds `limit` keys."""

    def __init__(self, reserved: Floats, limit: int) -> None:
        self.reserved = len(reserved)
        self.table = np.zeros((max(64, 2 * self.reserved), *reserved.shape[1:]))
        self.table[: self.reserved] = reserved
        self.index: dict[_Key, int] = {}
        self.limit = limit

    def rows(self, keys: list[_Key], compute: Callable[[_Key], Floats]) -> list[int]:
        if len(self.index) + len(keys) > self.limit:
            self.index.clear()
        found = list(map(self.index.get, keys, repeat(-1)))
        if -1 not in found:  # mostly every key is known: both scans run in C
            return found
        for number, row in enumerate(found):
            if row < 0:
                key = keys[number]
                row = self.index.get(key, -1)
                if row < 0:
                    row = self.reserved + len(self.index)
                    if row >= len(self.table):
                        self.table = np.concatenate([self.table, np.zeros_like(self.table)])
                    self.table[row] = compute(key)
                    self.index[key] = row
                found[number] = row
        return found


@cache
def _scorer(model: Path) -> _Scorer:
    return _Scorer(read_model(model))


def sentence_tokens(tokens: Tokens, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Token index ranges [first, last) of the sentences that hold tokens."""
    ranges = []
    for sentence in sentences:
        first = bisect.bisect_left(tokens.start, sentence.start)
        last = bisect.bisect_left(tokens.start, sentence.end, lo=first)
        if last > first:
            ranges.append((first, last))
    return ranges


def features(tokens: Tokens, rule: Mapping[int, RuleLabel], window: Window) -> list[list[str]]:
    """One feature list per token of a window: what CRFsuite trains on. Tagging sums the same
    features' weights through `_Scorer`, group by group."""
    text, first, last = tokens.text, window.first, window.last
    items = []
    for index in range(window.begin, window.stop):
        own = rule.get(index, _OUTSIDE)
        item = [*_word_features(text[index]), *_rule_features(own.label, own.cue)]
        if tokens.initial[index]:
            item.append(_INITIAL)
        for offset in (-1, 1):
            other = index + offset
            if not first <= other < last:
                item.append(_edge_feature(offset))
                continue
            item.extend(_neighbour_features(text[other], offset))
            item.append(_neighbour_rule_feature(rule.get(other, _OUTSIDE).label, offset))
            left = min(index, other)
            item.append(_gap_feature(tokens.gaps[left + 1], offset))
        for offset in (-2, 2):
            other = index + offset
            inside = first <= other < last
            item.append(_neighbour_word(text[other].lower(), offset) if inside else _edge_feature(offset))
        items.append(item)
    return items


# The features of one token come in groups, each a function of one word, rule label or gap:
# `_Scorer` sums each group's weights once per word type, label or gap and caches the sum.
_INITIAL = "ini"


def _rule_features(label: str, cue: str) -> tuple[str, ...]:
    return ("r=" + label, "rc=" + cue) if cue else ("r=" + label,)


def _neighbour_rule_feature(label: str, offset: int) -> str:
    return f"{offset}r={label}"


def _edge_feature(offset: int) -> str:
    return f"{offset}w=" + ("BOS" if offset < 0 else "EOS")


def _gap_feature(gap: str, offset: int) -> str:
    """The marks between two words without the spaces ("„", ",", "("), so that GermEval's
    space-separated tokens and news text's „Quoted Name“ read alike."""
    marks = gap.strip()
    return f"{offset}g=" + (marks if len(marks) < 3 else "long")


def _word_features(word: str) -> list[str]:
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
    return found


def _neighbour_features(word: str, offset: int) -> list[str]:
    cluster = _cluster(word)
    found = [f"{offset}w={word.lower()}", f"{offset}sh={_shape(word)}", f"{offset}c={cluster}"]
    if cluster > 0:
        found.append(f"{offset}c6={bin(cluster)[:1:-1][:6]}")
    known = word_info(word).known if word[0].isupper() else None
    if known:
        found.append(f"{offset}known={known[1]}")
    return found


def _neighbour_word(lower: str, offset: int) -> str:
    return f"{offset}w={lower}"


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
