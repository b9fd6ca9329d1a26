"""Scoring the entity extractor on GermEval 2014 NER data (CoNLL-style TSV), and training its
tagger there.

Exact match of span and class on PER, LOC and ORG, outer tags only; OTH and the -deriv/-part
classes are left out, and a predicted name inside a -deriv/-part token ("NATO" in
"NATO-Verbündete") counts neither for nor against. Each sentence is read as its own document,
rebuilt by joining its tokens with spaces.

Run `python -m presseschau.extract.germeval [TSV] [--part all|tune|holdout]` for the table of
P/R/F1 by class.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from presseschau.extract.entities import find_entities, rule_entities
from presseschau.extract.tagger import MODEL_PATH, features, read_rules, sentence_tokens, windows
from presseschau.extract.text import Tokens, split_sentences, tokenize
from presseschau.extract.variants import RegistryEntry, known_names
from presseschau.models import Mention

CLASSES = ("PER", "LOC", "ORG")
DEV_SET = Path(__file__).resolve().parents[2] / "data" / "germeval2014" / "NER-de-dev.tsv"
# L1 and L2 weights and iterations of the CRF, chosen on the tune half and checked on the other.
TRAINING = {"c1": 0.02, "c2": 0.1, "max_iterations": 150, "feature.possible_transitions": True}


@dataclass(frozen=True)
class Scores:
    tp: int
    fp: int
    fn: int

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class GoldSentence:
    source: str
    text: str
    entities: frozenset[tuple[int, int, str]]
    """(start, end, class) of the PER/LOC/ORG names, as character offsets into `text`."""
    ignored: tuple[tuple[int, int], ...]
    """Character spans of -deriv/-part tokens: predictions inside them are not scored."""


def read_sentences(path: Path) -> Iterator[GoldSentence]:
    """The sentences of a GermEval TSV file."""
    source, tokens, tags = "", [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#\t"):
            source = line.split("\t")[1]
        elif line.strip():
            fields = line.split("\t")
            tokens.append(fields[1])
            tags.append(fields[2])
        elif tokens:
            yield _sentence(source, tokens, tags)
            tokens, tags = [], []
    if tokens:
        yield _sentence(source, tokens, tags)


def _sentence(source: str, tokens: list[str], tags: list[str]) -> GoldSentence:
    offsets, position = [], 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    entities: set[tuple[int, int, str]] = set()
    ignored: list[tuple[int, int]] = []
    open_entity: list[int | str] | None = None
    for index, tag in enumerate([*tags, "O"]):
        label = tag[2:]
        if open_entity is not None and not (tag.startswith("I-") and label == open_entity[2]):
            entities.add((int(open_entity[0]), int(open_entity[1]), str(open_entity[2])))
            open_entity = None
        if index == len(tags):
            break
        if label.endswith(("deriv", "part")):
            ignored.append(offsets[index])
        elif tag.startswith("B-") and label in CLASSES:
            open_entity = [offsets[index][0], offsets[index][1], label]
        elif tag.startswith("I-") and open_entity is not None:
            open_entity[1] = offsets[index][1]
    return GoldSentence(source, " ".join(tokens), frozenset(entities), tuple(ignored))


def select(path: Path, part: str = "all", *, news_only: bool = False) -> list[GoldSentence]:
    """`part` of the sentences: "all", "tune" (even sentences) or "holdout" (odd)."""
    return [
        sentence
        for number, sentence in enumerate(read_sentences(path))
        if not ((part == "tune" and number % 2) or (part == "holdout" and not number % 2))
        and not (news_only and "wikipedia.org" in sentence.source)
    ]


def score(
    path: Path,
    *,
    part: str = "all",
    news_only: bool = False,
    corpus: bool = False,
    model: Path = MODEL_PATH,
) -> dict[str, Scores]:
    """P/R/F1 per class and "all" (micro).

    `part`: see `select`. `corpus`: read the selected sentences twice, the second time with what
    the first pass found across all of them (`variants.known_names`), as the pipeline's entity
    registry would; no gold label is used. `model`: the tagger's CRF.
    """
    sentences = select(path, part, news_only=news_only)
    known = _corpus_names(sentences, model) if corpus else None
    return _scores(sentences, known, model)


def cross_validate(sentences: Sequence[GoldSentence], folds: int, share: float = 1.0) -> dict[str, Scores]:
    """P/R/F1 of `folds`-fold cross-validation: sentence n is scored by a model trained on the
    first `share` of the sentences whose number differs modulo `folds` (a share below 1 draws
    the learning curve), counts summed over the folds."""
    totals = {name: Scores(0, 0, 0) for name in (*CLASSES, "all")}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(folds):
            training = [s for number, s in enumerate(sentences) if number % folds != fold]
            model = Path(tmp) / f"{fold}.crfsuite"
            train(training[: round(len(training) * share)], model)
            scores = _scores([s for number, s in enumerate(sentences) if number % folds == fold], None, model)
            totals = {name: totals[name] + scores[name] for name in totals}
    return totals


def _scores(
    sentences: Sequence[GoldSentence], known: dict[str, tuple[str, str]] | None, model: Path
) -> dict[str, Scores]:
    counts = {name: [0, 0, 0] for name in (*CLASSES, "all")}
    for sentence in sentences:
        predicted = {
            (m.start, m.end, m.type)
            for m in _mentions(sentence.text, known, model)
            if m.type in CLASSES and not _inside(m.start, m.end, sentence.ignored)
        }
        for kind in CLASSES:
            gold = {e for e in sentence.entities if e[2] == kind}
            found = {e for e in predicted if e[2] == kind}
            for key in (kind, "all"):
                counts[key][0] += len(gold & found)
                counts[key][1] += len(found - gold)
                counts[key][2] += len(gold - found)
    return {name: Scores(*values) for name, values in counts.items()}


def _mentions(text: str, known: dict[str, tuple[str, str]] | None, model: Path) -> tuple[Mention, ...]:
    sentences = split_sentences(text)
    return find_entities(text, tokenize(text, sentences), known, sentences=sentences, model=model).mentions


def _corpus_names(sentences: list[GoldSentence], model: Path) -> dict[str, tuple[str, str]]:
    found = {(m.name, m.type) for sentence in sentences for m in _mentions(sentence.text, None, model)}
    return known_names(RegistryEntry(name, kind) for name, kind in sorted(found))


def train(sentences: Sequence[GoldSentence], model: Path) -> None:
    """Train the tagger's CRF on gold sentences: the rules' labels are its input, gold its output."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        body = sentence.text
        spans = split_sentences(body)
        tokens = tokenize(body, spans)
        result, cues = rule_entities(body, tokens)
        rule = read_rules(tokens, result.mentions, cues)[0]
        gold = _gold_labels(tokens, sentence)
        for window in windows(tokens, rule, sentence_tokens(tokens, spans)):
            trainer.append(features(tokens, rule, window), gold[window.begin : window.stop])
    trainer.set_params(TRAINING)
    trainer.train(str(model))


def _gold_labels(tokens: Tokens, sentence: GoldSentence) -> list[str]:
    """BIO label per token: a token lying inside a gold name takes its class."""
    labels = ["O"] * len(tokens.text)
    for start, end, kind in sorted(sentence.entities):
        prefix = "B-"
        for index, (begin, stop) in enumerate(zip(tokens.start, tokens.end, strict=True)):
            if begin >= start and stop <= end:
                labels[index] = prefix + kind
                prefix = "I-"
    return labels


def _inside(start: int, end: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(begin <= start and end <= stop for begin, stop in spans)


def table(scores: dict[str, Scores]) -> str:
    """Scores as a text table: tp, fp, fn, P, R, F1 by class and overall."""
    lines = [f"{'class':5}  {'tp':>5} {'fp':>5} {'fn':>5}  {'P':>5}  {'R':>5}  {'F1':>5}"]
    for name, value in scores.items():
        lines.append(
            f"{name:5}  {value.tp:5d} {value.fp:5d} {value.fn:5d}"
            f"  {value.precision:.3f}  {value.recall:.3f}  {value.f1:.3f}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Score the entity extractor on GermEval 2014 data.")
    parser.add_argument("tsv", nargs="?", type=Path, default=DEV_SET)
    parser.add_argument("--part", choices=("all", "tune", "holdout"), default="all")
    parser.add_argument("--model", type=Path, default=MODEL_PATH, help="the tagger's CRF")
    args = parser.parse_args(argv)
    print(table(score(args.tsv, part=args.part, model=args.model)))


if __name__ == "__main__":
    main()
