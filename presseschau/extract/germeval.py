"""Scoring the entity extractor on GermEval 2014 NER data (CoNLL-style TSV).

Exact match of span and class on PER, LOC and ORG, outer tags only; OTH and the -deriv/-part
classes are left out, and a predicted name inside a -deriv/-part token ("NATO" in
"NATO-Verbündete") counts neither for nor against. Each sentence is read as its own document,
rebuilt by joining its tokens with spaces.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from presseschau.extract import extract
from presseschau.extract.variants import RegistryEntry, known_names

CLASSES = ("PER", "LOC", "ORG")


@dataclass(frozen=True)
class Scores:
    tp: int
    fp: int
    fn: int

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


def score(
    path: Path, *, part: str = "all", news_only: bool = False, corpus: bool = False
) -> dict[str, Scores]:
    """P/R/F1 per class and "all" (micro).

    `part`: "all", "tune" (even sentences) or "holdout" (odd). `corpus`: read the selected
    sentences twice, the second time with what the first pass found across all of them
    (`variants.known_names`), as the pipeline's entity registry would; no gold label is used.
    """
    sentences = [
        sentence
        for number, sentence in enumerate(read_sentences(path))
        if not ((part == "tune" and number % 2) or (part == "holdout" and not number % 2))
        and not (news_only and "wikipedia.org" in sentence.source)
    ]
    known = _corpus_names(sentences) if corpus else None
    counts = {name: [0, 0, 0] for name in (*CLASSES, "all")}
    for sentence in sentences:
        predicted = {
            (m.start, m.end, m.type)
            for m in extract(sentence.text, known=known).mentions
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


def _corpus_names(sentences: list[GoldSentence]) -> dict[str, tuple[str, str]]:
    found = {(m.name, m.type) for sentence in sentences for m in extract(sentence.text).mentions}
    return known_names(RegistryEntry(name, kind) for name, kind in sorted(found))


def _inside(start: int, end: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(begin <= start and end <= stop for begin, stop in spans)
